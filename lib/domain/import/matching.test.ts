import { describe, expect, it } from "vitest";
import { addressKey, decideRows, eligibilityOf, householdKey, planLandlords, referenceKey, type ExistingCase, type ExistingLandlord } from "./matching";
import { reportToCsv, csvField } from "./report";
import type { ImportRow } from "./rows";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

function row(n: number, overrides: Partial<ImportRow> = {}): ImportRow {
  return {
    rowNumber: n,
    tenant: { lastName: "LEFÈVRE", firstName: "Élodie" },
    coTenant: null,
    addressLine: "8 allée des Tilleuls",
    addressExtra: null,
    postcode: "91000",
    city: "Évry",
    phone: null,
    email: null,
    landlord: { name: "Agence du Centre", kind: "AGENCY", addressLine: null, postcode: null, city: null, phone: null, email: null },
    rentCents: 65000,
    chargesCents: null,
    debtCents: 325000,
    leaseSignedOn: null,
    stage: "ASSIGNATION",
    actDate: day("2026-03-01"),
    hearingOn: day("2026-05-15"),
    courtName: "TJ Évry",
    procedureRef: "RG 26/00042",
    alreadyFollowed: null,
    ...overrides,
  };
}

function existingCase(overrides: Partial<ExistingCase> = {}): ExistingCase {
  return {
    id: "case-1",
    number: 12,
    version: 0,
    closed: false,
    householdId: "h-1",
    procedureRef: null,
    courtName: "TJ Évry",
    debtCents: 100000,
    tenant: { lastName: "Lefevre", firstName: "Elodie" },
    addressLine: "8 all. des tilleuls",
    postcode: "91000",
    phone: "06 00 00 00 00",
    email: null,
    events: [
      { stage: "ASSIGNATION", date: day("2026-03-01") },
      { stage: "HEARING", date: day("2026-05-15") },
    ],
    ...overrides,
  };
}

describe("keys", () => {
  it("folds references, addresses and names", () => {
    expect(referenceKey("RG 26/00042")).toBe(referenceKey("rg26-00042"));
    expect(referenceKey("  ")).toBeNull();
    expect(addressKey("8, av. Jean-Jaurès")).toBe(addressKey("8 AVENUE JEAN JAURES"));
    expect(addressKey("3 bd Carnot")).toBe("3 boulevard carnot");
    expect(householdKey({ lastName: "DUPONT", firstName: "Jean", addressLine: "1 r. Haute", postcode: "91000" })).toBe(
      householdKey({ lastName: "Jean", firstName: "Dupont", addressLine: "1 rue haute", postcode: "91000" }),
    );
  });
});

describe("decideRows", () => {
  it("creates a row that matches nothing", () => {
    const [d] = decideRows([row(2)], [], fmt);
    expect(d).toMatchObject({ action: "create", eligible: true, eligibilityNote: null, flags: [] });
  });

  it("matches the same tenant and address, accent- and abbreviation-insensitive, and skips when nothing is new", () => {
    const [d] = decideRows([row(2, { procedureRef: null, debtCents: 999 })], [existingCase()], fmt);
    expect(d).toMatchObject({ action: "skip", caseId: "case-1", caseNumber: 12, flags: ["ALREADY_IN_CASELOAD"] });
    expect(d!.action === "skip" && d!.reason).toBe("Déjà en file active (dossier n° 12) : rien de nouveau.");
  });

  it("does not match another postcode or another person", () => {
    expect(decideRows([row(2, { postcode: "91100", procedureRef: null })], [existingCase()], fmt)[0]!.action).toBe("create");
    expect(decideRows([row(2, { tenant: { lastName: "LEFÈVRE", firstName: "Noël" }, procedureRef: null })], [existingCase()], fmt)[0]!.action).toBe("create");
  });

  it("matches the same procedure reference (same tenant, written otherwise), and updates with the facts the case lacks only", () => {
    const existing = existingCase({ tenant: { lastName: "LEFEVRE", firstName: "elodie" }, procedureRef: "rg 26-00042", courtName: null, debtCents: null, phone: null, events: [{ stage: "ASSIGNATION", date: day("2026-03-01") }] });
    const [d] = decideRows([row(2, { email: "e@x.fr", phone: "06 11 11 11 11" })], [existing], fmt);
    expect(d!.action).toBe("update");
    if (d!.action !== "update") return;
    expect(d!.changes).toEqual({
      events: [{ stage: "HEARING", date: day("2026-05-15"), reference: null, courtName: "TJ Évry" }],
      courtName: "TJ Évry",
      debtCents: 325000,
      email: "e@x.fr",
      phone: "06 11 11 11 11",
    });
    expect(d!.described).toEqual(["audience du 2026-05-15", "tribunal", "dette locative", "téléphone", "courriel"]);
  });

  it("reports the same reference with another tenant or another address as a conflict, and changes nothing (issue 14)", () => {
    const onFile = existingCase({ procedureRef: "RG 26/00042", courtName: null, debtCents: null, events: [] });
    for (const other of [row(2, { tenant: { lastName: "DURAND", firstName: "Paul" } }), row(3, { addressLine: "12 rue de la Gare" }), row(4, { postcode: "91100" })]) {
      const [d] = decideRows([other], [onFile], fmt);
      expect(d).toMatchObject({ action: "skip", caseId: "case-1", caseNumber: 12, flags: ["REFERENCE_CONFLICT"] });
      expect(d!.action === "skip" && d!.reason).toMatch(/^Conflit à trancher : la référence RG 26\/00042 est celle du dossier n° 12 \(Lefevre Elodie, 8 all\. des tilleuls 91000\)/);
      expect(d).not.toHaveProperty("changes");
    }
    // The same household under the same reference is still completed.
    expect(decideRows([row(5)], [onFile], fmt)[0]!.action).toBe("update");
  });

  it("takes accents, case and the order of family and first names as the same tenant under one reference (issue 14)", () => {
    const onFile = existingCase({ procedureRef: "RG 26/00042", courtName: null, events: [] });
    for (const tenant of [
      { lastName: "Lefevre", firstName: "Elodie" },
      { lastName: "ÉLODIE", firstName: "lefèvre" },
      { lastName: "Lefèvre Élodie", firstName: "" },
    ]) {
      const [d] = decideRows([row(2, { tenant, addressLine: "8 all. des Tilleuls", procedureRef: "rg 26-00042" })], [onFile], fmt);
      expect(d).toMatchObject({ action: "update", caseId: "case-1" });
      expect(d).not.toHaveProperty("conflict");
    }
  });

  it("applies the coordinator's decision on a conflict, only for the case it was shown against (issue 14)", () => {
    const onFile = existingCase({ procedureRef: "RG 26/00042", courtName: null, debtCents: null, events: [] });
    const other = row(2, { tenant: { lastName: "DURAND", firstName: "Paul" } });
    const decide = (choice: "SAME_HOUSEHOLD" | "DIFFERENT_HOUSEHOLD" | "IGNORE", caseId = "case-1") => decideRows([other], [onFile], fmt, new Map([[2, { choice, caseId }]]))[0]!;

    // No decision: skipped, nothing planned for the case.
    expect(decideRows([other], [onFile], fmt)[0]).toMatchObject({ action: "skip", conflict: { caseId: "case-1", caseNumber: 12, choice: null, onFile: { tenant: "Lefevre Elodie", reference: "RG 26/00042" } } });
    expect(decide("IGNORE")).toMatchObject({ action: "skip", reason: expect.stringMatching(/^Conflit tranché : ligne ignorée/), conflict: { choice: "IGNORE" } });
    expect(decide("SAME_HOUSEHOLD")).toMatchObject({ action: "update", caseId: "case-1", flags: ["ALREADY_IN_CASELOAD", "REFERENCE_CONFLICT"], conflict: { choice: "SAME_HOUSEHOLD" } });
    expect(decide("DIFFERENT_HOUSEHOLD")).toMatchObject({ action: "create", flags: ["REFERENCE_CONFLICT"], conflict: { choice: "DIFFERENT_HOUSEHOLD" } });
    // A decision about another case (the caseload changed since the preview) does not apply.
    expect(decide("SAME_HOUSEHOLD", "case-9")).toMatchObject({ action: "skip", conflict: { choice: null } });
  });

  it("once a second household has its own case under the reference, its next list row completes that case (issue 14)", () => {
    const first = existingCase({ procedureRef: "RG 26/00042", events: [] });
    const second = existingCase({ id: "case-2", number: 13, procedureRef: "RG 26/00042", tenant: { lastName: "DURAND", firstName: "Paul" }, events: [] });
    const [d] = decideRows([row(2, { tenant: { lastName: "Durand", firstName: "Paul" } })], [first, second], fmt);
    expect(d).toMatchObject({ caseId: "case-2" });
    expect(d).not.toHaveProperty("conflict");
  });

  it("never overwrites: a different debt or court on file is kept", () => {
    const [d] = decideRows([row(2, { procedureRef: null, courtName: "Autre tribunal", debtCents: 1 })], [existingCase()], fmt);
    expect(d!.action).toBe("skip");
  });

  it("skips a household whose case is closed, preferring an open case when there are several", () => {
    const closed = existingCase({ id: "old", number: 3, closed: true });
    expect(decideRows([row(2, { procedureRef: null })], [closed], fmt)[0]).toMatchObject({ action: "skip", caseId: "old" });
    expect(decideRows([row(2, { procedureRef: null })], [closed, existingCase()], fmt)[0]).toMatchObject({ action: "skip", caseId: "case-1" });
  });

  it("skips a second row of the same household or reference in one file", () => {
    const decisions = decideRows([row(2), row(3, { procedureRef: null }), row(4, { tenant: { lastName: "X", firstName: "Y" } })], [], fmt);
    expect(decisions.map((d) => d.action)).toEqual(["create", "skip", "skip"]);
    expect(decisions[1]!.action === "skip" && decisions[1]!.reason).toBe("Doublon de la ligne 2 du fichier.");
  });

  it("flags a social landlord and a household already followed as not eligible", () => {
    const social = eligibilityOf(row(2, { landlord: { ...row(2).landlord, kind: "SOCIAL" } }));
    expect(social).toMatchObject({ eligible: false, flags: ["SOCIAL_LANDLORD"] });
    const followed = eligibilityOf(row(2, { alreadyFollowed: { followed: true, note: "ASLL" } }));
    expect(followed).toEqual({ eligible: false, note: "Déjà suivi : ASLL", flags: ["ALREADY_FOLLOWED"] });
    expect(eligibilityOf(row(2, { alreadyFollowed: { followed: false, note: null } })).eligible).toBe(true);
  });
});

describe("planLandlords", () => {
  const known: ExistingLandlord = { id: "l-1", name: "Agence du Centre", kind: "AGENCY", postcode: "91000", addressLine: null, city: "Évry", phone: null, email: null };

  it("reuses the team's landlord with the same normalised name and postcode, and fills its empty contact fields", () => {
    const l = { ...row(2).landlord, name: "AGENCE DU CENTRE", postcode: "91000", phone: "01 99 00 11 22" };
    const plan = planLandlords([row(2, { landlord: l }), row(3, { landlord: { ...l, email: "a@b.fr" } })], [known]);
    expect(plan.byRow.get(2)).toEqual({ existingId: "l-1" });
    expect(plan.byRow.get(3)).toEqual({ existingId: "l-1" });
    expect(plan.toCreate.size).toBe(0);
    expect(plan.toComplete.get("l-1")).toEqual({ phone: "01 99 00 11 22", email: "a@b.fr" });
  });

  it("creates one landlord per new name and postcode, shared by its rows", () => {
    const other = { ...row(2).landlord, name: "Agence du Centre", postcode: "62000" };
    const plan = planLandlords([row(2, { landlord: other }), row(3, { landlord: { ...other, name: "agence du centre" } }), row(4, { landlord: { ...other, name: "M. Roux", kind: "PRIVATE_PERSON" } })], [known]);
    expect(plan.toCreate.size).toBe(2);
    expect(plan.byRow.get(2)).toEqual(plan.byRow.get(3));
    expect(plan.byRow.get(4)).not.toEqual(plan.byRow.get(2));
  });
});

describe("report", () => {
  it("writes a ;-separated CSV with a BOM, the reasons and the original cells, defusing formulas", () => {
    const csv = reportToCsv({
      version: 1,
      headers: ["Nom", "Dette"],
      rows: [
        { rowNumber: 5, status: "rejected", errors: [{ column: "debt", value: "abc", message: "Dette locative : « abc » n'est pas un montant (ex. 1 234,56)." }], cells: ["DUPONT", "abc"] },
        { rowNumber: 6, status: "skipped", reason: "Doublon de la ligne 2 du fichier.", caseNumber: null, cells: ["=HYPERLINK()", "1;2"] },
      ],
    });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("\uFEFFLigne;Statut;Colonnes en cause;Motifs;Nom;Dette");
    expect(lines[1]).toBe("5;Rejetée;Dette locative;Dette locative : « abc » n'est pas un montant (ex. 1 234,56).;DUPONT;abc");
    expect(lines[2]).toBe("6;Non importée (déjà connue);;Doublon de la ligne 2 du fichier.;'=HYPERLINK();\"1;2\"");
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField("-12,5")).toBe("-12,5");
  });
});

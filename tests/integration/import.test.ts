import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { encodeWindows1252, sampleRow, SAMPLE_HEADERS, toCells, toCsvText, type SampleRow } from "@/lib/domain/import/sample-list";
import type { Actor, Role } from "@/lib/domain/roles";
import { normaliseForSearch } from "@/lib/domain/search-text";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { previewImport } from "@/lib/server/import/preview-import";
import { readSpreadsheet } from "@/lib/server/import/read-file";
import { importList } from "@/lib/server/import/run-import";
import { deleteUpload, loadUpload, saveUpload, UPLOAD_TTL_MS } from "@/lib/server/import/upload-store";
import { createHousehold } from "@/lib/server/services/create-household";
import { refreshDeadlinesForCases } from "@/lib/server/services/refresh-deadlines";
import { newHouseholdSchema } from "@/lib/validation/household";
import type { ImportReport } from "@/lib/domain/import/report";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-04-10T08:00:00Z");
const TODAY = new Date("2026-04-10T00:00:00Z");

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62" });
  const actor = async (role: Role, teamId: string): Promise<Actor> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role, teamIds: [teamId] };
  };
  return {
    team,
    other,
    coordinator: await actor("COORDINATOR", team.id),
    stranger: await actor("SOCIAL_WORKER", other.id),
  };
}

/** An existing case of the team created like a typed-in household, with the same facts as sampleRow(i). */
async function existingCaseLike(actor: Actor, teamId: string, row: SampleRow) {
  const input = newHouseholdSchema.parse({
    teamId,
    tenant: { firstName: row["Prénom du locataire"], lastName: row["Nom du locataire"] },
    addressLine: row.Adresse,
    postcode: row["Code postal"],
    city: row.Commune,
    phone: row.Téléphone,
    email: row.Courriel,
    landlordMode: "new",
    landlord: { kind: "AGENCY", name: row.Bailleur, postcode: row["Code postal du bailleur"] },
    rent: row["Loyer mensuel"],
    stage: row.Étape === "Assignation" ? "ASSIGNATION" : "COMMANDEMENT_DE_PAYER",
    stageDate: row["Date de l'acte"].split("/").reverse().join("-"),
    hearingOn: row["Date d'audience"] ? row["Date d'audience"].split("/").reverse().join("-") : "",
    debt: row["Dette locative"],
    procedureRef: row["Référence de la procédure"],
    courtName: row.Tribunal,
    source: "MANUAL",
  });
  return createHousehold(db, actor, input, NOW);
}

/**
 * The acceptance file: 200 valid rows, 10 invalid rows (4 bad dates, 3
 * missing addresses, 3 amounts "abc"), 5 rows naming existing cases, in
 * Windows-1252 with ";", with a blank line and an extra column.
 */
function acceptanceFile(existingRows: SampleRow[]): Uint8Array {
  const lines: string[][] = [[...SAMPLE_HEADERS, "Observations de la préfecture"]];
  for (let i = 0; i < 200; i += 1) lines.push([...toCells(sampleRow(i, TODAY)), i % 50 === 0 ? "Ménage signalé par la CAF" : ""]);
  for (let k = 0; k < 10; k += 1) {
    const row = sampleRow(1000 + k, TODAY);
    if (k < 4) row["Date de l'acte"] = ["31/02/2026", "2026/13/45", "hier", "15-15-2026"][k]!;
    else if (k < 7) row.Adresse = "";
    else row["Dette locative"] = "abc";
    lines.splice(20 + k * 15, 0, [...toCells(row), ""]);
  }
  lines.splice(100, 0, []);
  for (const row of existingRows) lines.push([...toCells(row), "déjà connu"]);
  return encodeWindows1252(toCsvText(lines));
}

describe("import of a préfecture list", () => {
  beforeEach(resetDatabase);

  async function acceptance() {
    const ctx = await setup();
    const existingRows = [2000, 2001, 2002, 2003, 2004].map((i) => sampleRow(i, TODAY));
    for (const row of existingRows) await existingCaseLike(ctx.coordinator, ctx.team.id, row);
    const bytes = acceptanceFile(existingRows);
    return { ...ctx, bytes, file: { teamId: ctx.team.id, fileName: "liste-prefecture-avril.csv", bytes } };
  }

  it("reads Windows-1252 with ';' and previews 200 to create, 5 already known, 10 rejected with the reason per cell, writing nothing", async () => {
    const { coordinator, file, bytes } = await acceptance();
    const read = await readSpreadsheet(bytes, file.fileName);
    expect(read.ok && [read.encoding, read.delimiter]).toEqual(["windows-1252", ";"]);

    const before = await db.case.count();
    const plan = await previewImport(db, coordinator, file, NOW);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.totalRows).toBe(215);
    expect(plan.counts).toEqual({ create: 200, update: 0, skip: 5, reject: 10 });
    expect(plan.ignoredColumns).toEqual(["Observations de la préfecture"]);
    expect(await db.case.count()).toBe(before);
    expect(await db.importBatch.count()).toBe(0);

    const reasons = plan.rejected.map((r) => r.errors.map((e) => `${e.column}: ${e.message}`).join(" | "));
    expect(reasons.filter((r) => r.startsWith("actDate:"))).toHaveLength(4);
    expect(reasons).toContain("actDate: Date de l'acte : « 31/02/2026 » n'est pas une date du calendrier.");
    expect(reasons).toContain("actDate: Date de l'acte : « hier » n'est pas une date (format attendu JJ/MM/AAAA, ex. 15/03/2026).");
    expect(reasons.filter((r) => r === "addressLine: Adresse : champ obligatoire vide.")).toHaveLength(3);
    expect(reasons.filter((r) => r === "debt: Dette locative : « abc » n'est pas un montant (ex. 1 234,56).")).toHaveLength(3);
    // Accents survived the Windows-1252 decoding.
    const created = plan.decisions.find((d) => d.action === "create")!;
    expect(created.row.tenant.lastName).toBe("LEFÈVRE");
    expect(created.row.city).toBe("Évry-Courcouronnes");
    const skipped = plan.decisions.filter((d) => d.action === "skip");
    expect(skipped.every((d) => d.action === "skip" && /^Déjà en file active \(dossier n° \d+\) : rien de nouveau\.$/.test(d.reason))).toBe(true);
  });

  it("imports the 200 rows in one transaction and reports 15 rows not imported (10 rejected + 5 already known)", async () => {
    const { team, coordinator, file } = await acceptance();
    const landlordsBefore = await db.landlord.count({ where: { teamId: team.id } });
    const progress: number[] = [];
    const result = await importList(db, coordinator, file, NOW, { onProgress: (p) => progress.push(p.done), chunkSize: 64 });
    expect(result).toMatchObject({ totalRows: 215, createdCount: 200, updatedCount: 0, skippedCount: 5, rejectedCount: 10 });
    expect(progress).toEqual([0, 64, 128, 192, 200]);

    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ teamId: team.id, fileName: "liste-prefecture-avril.csv", importedById: coordinator.id, totalRows: 215, createdCount: 200, skippedCount: 5, rejectedCount: 10 });
    expect(batch.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const report = batch.report as unknown as ImportReport;
    expect(report.rows).toHaveLength(15);
    expect(report.rows.filter((r) => r.status === "rejected")).toHaveLength(10);
    expect(report.rows.filter((r) => r.status === "skipped")).toHaveLength(5);

    const cases = await db.case.findMany({
      where: { importBatchId: result.batchId },
      select: { source: true, stage: true, hearingOn: true, debtCents: true, procedureRef: true, eligible: true, eligibilityNote: true, openedOn: true, nextDeadlineOn: true, deadlinesVersion: true, household: { select: { searchText: true, sortName: true, occupants: true } }, lease: { select: { rentCents: true, landlordId: true } }, procedureEvents: { select: { stage: true, date: true }, orderBy: { date: "asc" } } },
    });
    expect(cases).toHaveLength(200);
    expect(cases.every((c) => c.source === "PREFECTURE_LIST" && c.openedOn.getTime() === TODAY.getTime())).toBe(true);
    expect(cases.every((c) => c.deadlinesVersion > 0)).toBe(true);
    const first = cases.find((c) => c.procedureRef === "RG 26/10001")!;
    const row1 = sampleRow(1, TODAY);
    expect(first.stage).toBe("ASSIGNATION");
    expect(first.procedureEvents.map((e) => e.stage)).toEqual(["ASSIGNATION", "HEARING"]);
    expect(first.hearingOn).toEqual(first.procedureEvents[1]!.date);
    expect(first.debtCents).toBe(Number(row1["Dette locative"].replace(/\s|,/g, "")));
    expect(first.household.sortName).toBe("muller helene");
    expect(first.household.searchText).toContain("muller");
    const cdp = cases.find((c) => c.procedureRef === "RG 26/10003")!;
    expect([cdp.stage, cdp.hearingOn, cdp.procedureEvents.length]).toEqual(["COMMANDEMENT_DE_PAYER", null, 1]);
    // Row 0 (and every 25th) says "déjà suivi": created, flagged not eligible.
    const followed = cases.find((c) => c.procedureRef === "RG 26/10000")!;
    expect([followed.eligible, followed.eligibilityNote]).toEqual([false, "Déjà suivi par les services sociaux (selon la liste)."]);
    // Co-tenants on every 5th row.
    expect(cases.find((c) => c.procedureRef === "RG 26/10005")!.household.occupants.map((o) => o.role).sort()).toEqual(["CO_TENANT", "TENANT"]);

    // Landlords are shared: one per normalised name and postcode, the team's own reused.
    const key = (name: string, postcode: string) => `${normaliseForSearch(name)}|${postcode}`;
    const rows = Array.from({ length: 200 }, (_, i) => sampleRow(i, TODAY));
    const existingKeys = new Set([2000, 2001, 2002, 2003, 2004].map((i) => sampleRow(i, TODAY)).map((r) => key(r.Bailleur, r["Code postal du bailleur"])));
    const newKeys = new Set(rows.map((r) => key(r.Bailleur, r["Code postal du bailleur"])).filter((k) => !existingKeys.has(k)));
    expect(newKeys.size).toBeLessThan(200);
    expect((await db.landlord.count({ where: { teamId: team.id } })) - landlordsBefore).toBe(newKeys.size);
    const leasesOf = async (name: string) => (await db.landlord.findMany({ where: { teamId: team.id, name }, select: { _count: { select: { leases: true } } } })).map((l) => l._count.leases);
    expect(await leasesOf("Agence du Val d'Orge")).toEqual([rows.filter((r) => r.Bailleur === "Agence du Val d'Orge").length]);
    // The existing case's landlord (same name and postcode) is reused, not duplicated.
    expect(await leasesOf("Cabinet Lemaître Gestion")).toEqual([rows.filter((r) => r.Bailleur === "Cabinet Lemaître Gestion").length + 1]);

    // The deadlines written in bulk are those refreshDeadlinesForCases computes (decision 008).
    const snapshot = async () =>
      (await db.case.findMany({ where: { importBatchId: result.batchId }, select: { id: true, nextDeadlineOn: true, nextDeadlineKind: true, deadlines: { select: { kind: true, on: true, ruleId: true }, orderBy: { kind: "asc" } } }, orderBy: { id: "asc" } }));
    const bulk = await snapshot();
    expect(bulk.filter((c) => c.deadlines.length > 0).length).toBeGreaterThan(100);
    await db.$transaction((tx) => refreshDeadlinesForCases(tx, bulk.map((c) => c.id), TODAY), { timeout: 60_000 });
    expect(await snapshot()).toEqual(bulk);

    const audit = await db.auditLog.groupBy({ by: ["action"], where: { userId: coordinator.id, action: { in: ["import.create", "case.create", "landlord.create"] } }, _count: true });
    const byAction = Object.fromEntries(audit.map((a) => [a.action, a._count]));
    expect(byAction["import.create"]).toBe(1);
    expect(byAction["case.create"]).toBe(205);
  });

  it("creates nothing when the same file is imported again", async () => {
    const { coordinator, file } = await acceptance();
    await importList(db, coordinator, file, NOW);
    const counts = async () => [await db.case.count(), await db.household.count(), await db.landlord.count(), await db.procedureEvent.count()];
    const before = await counts();

    const preview = await previewImport(db, coordinator, file, NOW);
    expect(preview.ok && preview.counts).toEqual({ create: 0, update: 0, skip: 205, reject: 10 });
    expect(preview.ok && preview.previousImports).toHaveLength(1);

    const again = await importList(db, coordinator, file, NOW);
    expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, skippedCount: 205, rejectedCount: 10 });
    expect(await counts()).toEqual(before);
    expect(await db.importBatch.count()).toBe(2);
  });

  it("leaves nothing written when the import fails at row 150", async () => {
    const { coordinator, file } = await acceptance();
    const tables = async () => ({
      cases: await db.case.count(),
      households: await db.household.count(),
      occupants: await db.occupant.count(),
      leases: await db.lease.count(),
      landlords: await db.landlord.count(),
      events: await db.procedureEvent.count(),
      deadlines: await db.caseDeadline.count(),
      batches: await db.importBatch.count(),
      audit: await db.auditLog.count(),
    });
    const before = await tables();
    let written = 0;
    await expect(
      importList(db, coordinator, file, NOW, {
        chunkSize: 50,
        onProgress: (p) => (written = p.done),
        beforeRow: (rowNumber) => {
          if (rowNumber === 150) throw new Error("crash at row 150");
        },
      }),
    ).rejects.toThrow("crash at row 150");
    // Chunks before row 150 had been written inside the transaction, then rolled back.
    expect(written).toBeGreaterThanOrEqual(100);
    expect(await tables()).toEqual(before);
  });

  it("updates a known case with the hearing it lacks, guarded by its version", async () => {
    const { team, coordinator } = await setup();
    const row = sampleRow(7, TODAY);
    const hearing = row["Date d'audience"];
    const { caseId } = await existingCaseLike(coordinator, team.id, { ...row, "Date d'audience": "", Tribunal: "" });
    const bytes = new TextEncoder().encode(toCsvText([[...SAMPLE_HEADERS], toCells(row)], ","));
    const result = await importList(db, coordinator, { teamId: team.id, fileName: "maj.csv", bytes }, NOW);
    expect(result).toMatchObject({ createdCount: 0, updatedCount: 1 });
    const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true, hearingOn: true, courtName: true, importBatchId: true, procedureEvents: { select: { stage: true } } } });
    expect(c.version).toBe(1);
    expect(c.hearingOn?.toISOString().slice(0, 10)).toBe(hearing.split("/").reverse().join("-"));
    expect(c.courtName).toBe("Tribunal judiciaire d'Évry");
    expect(c.importBatchId).toBeNull();
    expect(c.procedureEvents.map((e) => e.stage).sort()).toEqual(["ASSIGNATION", "HEARING"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "case.import-update", caseId } });
    expect((audit.after as { added: string[] }).added).toEqual([`audience du ${hearing}`, "tribunal"]);
  });

  it("never matches another team's cases or landlords", async () => {
    const { team, other, coordinator, stranger } = await setup();
    const row = sampleRow(3, TODAY);
    await existingCaseLike(stranger, other.id, row);
    const bytes = encodeWindows1252(toCsvText([[...SAMPLE_HEADERS], toCells(row)]));
    const plan = await previewImport(db, coordinator, { teamId: team.id, fileName: "l.csv", bytes }, NOW);
    expect(plan.ok && plan.counts).toEqual({ create: 1, update: 0, skip: 0, reject: 0 });
    const result = await importList(db, coordinator, { teamId: team.id, fileName: "l.csv", bytes }, NOW);
    expect(result.createdCount).toBe(1);
    const lease = await db.lease.findFirstOrThrow({ where: { household: { teamId: team.id } }, select: { landlord: { select: { teamId: true } } } });
    expect(lease.landlord.teamId).toBe(team.id);
  });

  it("refuses admins, funders and members of another team as if the team did not exist", async () => {
    const { team, stranger } = await setup();
    const bytes = new TextEncoder().encode(toCsvText([[...SAMPLE_HEADERS], toCells(sampleRow(1, TODAY))]));
    const input = { teamId: team.id, fileName: "l.csv", bytes };
    for (const role of ["ADMIN", "FUNDER_VIEWER"] as const) {
      const u = await createUser(db, { role, teamId: team.id });
      const actor = { id: u.id, role, teamIds: [team.id] };
      await expect(previewImport(db, actor, input, NOW)).rejects.toBeInstanceOf(ExpectedError);
      await expect(importList(db, actor, input, NOW)).rejects.toThrow("introuvable");
    }
    await expect(importList(db, stranger, input, NOW)).rejects.toThrow("introuvable");
    expect(await db.case.count()).toBe(0);
  });

  it("imports an XLSX list with date cells, number cells and a title line above the headers", async () => {
    const { team, coordinator } = await setup();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Assignations");
    sheet.addRow(["Liste des assignations notifiées — avril 2026"]);
    sheet.addRow(["NOM", "Prénom", "Adresse", "CP", "Ville", "Tél", "Bailleur", "Nature du bailleur", "Montant de la dette", "Loyer HC", "Acte", "Date de l'acte", "Date audience", "N° RG"]);
    sheet.addRow(["DIALLO", "Awa", "12 rue Pasteur", 1000, "Bourg-en-Bresse", 612345678, "OPH de l'Ain", "Bailleur social", 2345.5, 480, "Assignation", new Date(Date.UTC(2026, 2, 2)), new Date(Date.UTC(2026, 4, 20)), "RG 26/555"]);
    sheet.addRow([]);
    sheet.addRow(["NGUYEN", "Théo", "3 av. Carnot", 91000, "Évry-Courcouronnes", null, "M. Roux", "Particulier", { formula: "1000+234.56", result: 1234.56 }, 650, "commandement de payer", 46080, null, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const plan = await previewImport(db, coordinator, { teamId: team.id, fileName: "liste.xlsx", bytes }, NOW);
    expect(plan.ok && plan.counts).toEqual({ create: 2, update: 0, skip: 0, reject: 0 });
    const result = await importList(db, coordinator, { teamId: team.id, fileName: "liste.xlsx", bytes }, NOW);
    expect(result.createdCount).toBe(2);

    const cases = await db.case.findMany({ select: { stage: true, hearingOn: true, debtCents: true, eligible: true, eligibilityNote: true, procedureRef: true, household: { select: { postcode: true, phone: true } }, procedureEvents: { select: { stage: true, date: true } } }, orderBy: { number: "asc" } });
    expect(cases[0]).toMatchObject({ stage: "ASSIGNATION", debtCents: 234550, eligible: false, procedureRef: "RG 26/555", household: { postcode: "01000", phone: "06 12 34 56 78" } });
    expect(cases[0]!.eligibilityNote).toMatch(/^Bailleur social/);
    expect(cases[0]!.hearingOn?.toISOString()).toBe("2026-05-20T00:00:00.000Z");
    expect(cases[1]).toMatchObject({ stage: "COMMANDEMENT_DE_PAYER", hearingOn: null, debtCents: 123456, household: { postcode: "91000", phone: null } });
    expect(cases[1]!.procedureEvents[0]!.date.toISOString()).toBe("2026-02-27T00:00:00.000Z");
  });

  it("reads UTF-8 with a BOM, ',' separators, quoted cells, blank lines and extra columns", async () => {
    const text = `\uFEFFNom,Prénom,Adresse,Code postal,Commune,Bailleur,Type de bailleur,Loyer,Étape,Date de l'acte,Colonne inconnue\r\n\r\nLEFÈVRE,Élodie,"8, allée des Tilleuls",91000,Évry,"Agence ""du Centre""",agence,"1 234,56",CDP,15/03/2026,x\r\n,,,,,,,,,,\r\n`;
    const read = await readSpreadsheet(new TextEncoder().encode(text), "liste.csv");
    expect(read.ok && [read.encoding, read.delimiter]).toEqual(["utf-8", ","]);
    expect(read.ok && read.rows[2]).toEqual(["LEFÈVRE", "Élodie", "8, allée des Tilleuls", "91000", "Évry", 'Agence "du Centre"', "agence", "1 234,56", "CDP", "15/03/2026", "x"]);
    expect(await readSpreadsheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "vieux.xls")).toEqual({ ok: false, message: expect.stringMatching(/\.xls/) });
    expect(await readSpreadsheet(new TextEncoder().encode("a;b"), "liste.pdf")).toEqual({ ok: false, message: "Type de fichier non accepté : choisissez un fichier .csv ou .xlsx." });
    expect(await readSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "liste.xlsx")).toEqual({ ok: false, message: expect.stringMatching(/illisible/) });
  });

  it("keeps an upload between preview and import for its user only, until it expires or is imported", async () => {
    const team = await createTeam(db, { name: "Équipe upload" });
    const a = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
    const b = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
    const bytes = new TextEncoder().encode("a;b\n1;2\n");
    const sha = await saveUpload(db, a.id, { fileName: "liste.csv", teamId: team.id, bytes }, NOW);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const loaded = await loadUpload(db, a.id, sha, NOW);
    expect(loaded && [loaded.fileName, loaded.teamId, Buffer.from(loaded.bytes).toString()]).toEqual(["liste.csv", team.id, "a;b\n1;2\n"]);
    expect(await loadUpload(db, b.id, sha, NOW)).toBeNull();
    expect(await loadUpload(db, a.id, "../../etc/passwd", NOW)).toBeNull();
    expect(await loadUpload(db, a.id, sha, new Date(NOW.getTime() + UPLOAD_TTL_MS + 1000))).toBeNull();
    // Expired: removed on that read.
    expect(await db.pendingUpload.count()).toBe(0);
    expect(await loadUpload(db, a.id, sha, NOW)).toBeNull();
    const again = await saveUpload(db, a.id, { fileName: "liste.csv", teamId: team.id, bytes }, NOW);
    await saveUpload(db, a.id, { fileName: "liste.csv", teamId: team.id, bytes }, NOW); // the same file twice: one row
    expect(await db.pendingUpload.count()).toBe(1);
    await deleteUpload(db, a.id, again);
    expect(await loadUpload(db, a.id, again, NOW)).toBeNull();
  });
});

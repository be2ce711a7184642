import { describe, expect, it } from "vitest";
import type { CellValue } from "./cells";
import { mapHeaders } from "./columns";
import { normaliseRow } from "./rows";
import { readTable } from "./table";

const TODAY = new Date("2026-04-10T00:00:00Z");
const HEADERS = [
  "Nom du locataire",
  "Prénom du locataire",
  "Adresse",
  "Code postal",
  "Commune",
  "Téléphone",
  "Courriel",
  "Bailleur",
  "Type de bailleur",
  "Dette locative",
  "Loyer mensuel",
  "Étape",
  "Date de l'acte",
  "Date d'audience",
  "Tribunal",
  "Référence de la procédure",
  "Déjà suivi",
];
const GOOD: CellValue[] = [
  "LEFÈVRE",
  "Élodie",
  "8 allée des Tilleuls",
  "91000",
  "Évry-Courcouronnes",
  "06 12 34 56 78",
  "elodie@example.org",
  "Agence du Centre",
  "Agence",
  "3 250,00",
  "650",
  "Assignation",
  "01/03/2026",
  "15/05/2026",
  "TJ Évry",
  "RG 26/00042",
  "non",
];
const mapping = mapHeaders(HEADERS);
const withCell = (header: string, v: CellValue) => GOOD.map((c, i) => (HEADERS[i] === header ? v : c));

describe("normaliseRow", () => {
  it("normalises a good row", () => {
    const result = normaliseRow({ rowNumber: 2, cells: GOOD }, mapping, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row).toMatchObject({
      rowNumber: 2,
      tenant: { lastName: "LEFÈVRE", firstName: "Élodie" },
      coTenant: null,
      postcode: "91000",
      phone: "06 12 34 56 78",
      landlord: { name: "Agence du Centre", kind: "AGENCY" },
      debtCents: 325000,
      rentCents: 65000,
      stage: "ASSIGNATION",
      actDate: new Date("2026-03-01T00:00:00Z"),
      hearingOn: new Date("2026-05-15T00:00:00Z"),
      procedureRef: "RG 26/00042",
      alreadyFollowed: { followed: false, note: null },
    });
  });

  it("reports every refused cell of a row with its column and reason", () => {
    const cells = withCell("Date de l'acte", "32/01/2026").map((c, i) => (HEADERS[i] === "Dette locative" ? "abc" : HEADERS[i] === "Adresse" ? "" : c));
    const result = normaliseRow({ rowNumber: 7, cells }, mapping, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rowNumber).toBe(7);
    expect(result.errors.map((e) => [e.column, e.value])).toEqual([
      ["addressLine", ""],
      ["debt", "abc"],
      ["actDate", "32/01/2026"],
    ]);
    expect(result.errors[0]!.message).toBe("Adresse : champ obligatoire vide.");
    expect(result.errors[1]!.message).toBe("Dette locative : « abc » n'est pas un montant (ex. 1 234,56).");
  });

  it("refuses acts in the future, a hearing before the act, and a hearing on a commandement", () => {
    const future = normaliseRow({ rowNumber: 2, cells: withCell("Date de l'acte", "11/04/2026") }, mapping, TODAY);
    expect(!future.ok && future.errors.map((e) => e.message)).toContain("Date de l'acte : elle ne peut pas être dans le futur.");
    const before = normaliseRow({ rowNumber: 2, cells: withCell("Date d'audience", "01/02/2026") }, mapping, TODAY);
    expect(!before.ok && before.errors[0]!.message).toBe("Date d'audience : elle doit être postérieure à la date de l'acte.");
    const cdp = normaliseRow({ rowNumber: 2, cells: withCell("Étape", "commandement de payer") }, mapping, TODAY);
    expect(!cdp.ok && cdp.errors[0]!.column).toBe("hearingDate");
  });

  it("infers an assignation from a hearing date when the stage is empty, and requires it otherwise", () => {
    const inferred = normaliseRow({ rowNumber: 2, cells: withCell("Étape", "") }, mapping, TODAY);
    expect(inferred.ok && inferred.row.stage).toBe("ASSIGNATION");
    const cells = withCell("Étape", "").map((c, i) => (HEADERS[i] === "Date d'audience" ? "" : c));
    const missing = normaliseRow({ rowNumber: 2, cells }, mapping, TODAY);
    expect(!missing.ok && missing.errors[0]!.column).toBe("stage");
  });

  it("requires landlord, landlord kind and rent, which the lease needs", () => {
    const cells = GOOD.map((c, i) => (["Bailleur", "Type de bailleur", "Loyer mensuel"].includes(HEADERS[i]!) ? "" : c));
    const result = normaliseRow({ rowNumber: 2, cells }, mapping, TODAY);
    expect(!result.ok && result.errors.map((e) => e.column)).toEqual(["landlordName", "landlordKind", "rent"]);
  });

  it("reads a combined tenants cell into tenant and co-tenant", () => {
    const m = mapHeaders(["Locataire(s)", "Adresse", "CP", "Ville", "Bailleur", "Type de bailleur", "Loyer", "Date acte", "Étape"]);
    const result = normaliseRow({ rowNumber: 3, cells: ["M. DUPONT Jean et Mme MARTIN Awa", "1 rue A", "91000", "Évry", "M. Roux", "particulier", "500", "01/02/2026", "CDP"] }, m, TODAY);
    expect(result.ok && [result.row.tenant, result.row.coTenant]).toEqual([
      { lastName: "DUPONT", firstName: "Jean" },
      { lastName: "MARTIN", firstName: "Awa" },
    ]);
  });
});

describe("readTable", () => {
  it("skips blank lines, keeps spreadsheet row numbers, finds the header below a title", () => {
    const rows: CellValue[][] = [["Liste préfecture"], HEADERS, GOOD, [], ["", " ", null], withCell("Dette locative", "abc")];
    const table = readTable(rows, TODAY);
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.headerRowNumber).toBe(2);
    expect(table.totalRows).toBe(2);
    expect(table.valid.map((r) => r.rowNumber)).toEqual([3]);
    expect(table.rejected.map((r) => r.rowNumber)).toEqual([6]);
    expect(table.rejected[0]!.cells[0]).toBe("LEFÈVRE");
  });

  it("says which required columns are missing, or that the file is empty", () => {
    const table = readTable([["Nom", "Prénom", "Adresse", "Téléphone"], ["A", "B", "C", "D"]], TODAY);
    expect(!table.ok && table.message).toMatch(/^Colonnes obligatoires absentes : « Code postal », « Commune », « Bailleur »/);
    expect(readTable([], TODAY)).toEqual({ ok: false, message: "Le fichier est vide." });
    expect(!readTable([["x", "y"], ["1", "2"]], TODAY).ok).toBe(true);
  });
});

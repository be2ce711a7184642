import { describe, expect, it } from "vitest";
import { planPartnerCsv } from "./partner-csv";

describe("partner CSV (issue 20)", () => {
  it("reads French headers in any case and accent, kinds by short name", () => {
    const plan = planPartnerCsv([
      ["TYPE", "Nom", "Téléphone", "Communes couvertes", "Horaires d'ouverture"],
      ["Banque de France", "BDF Évry", "+33 1 00 00 00 00", "", "9h-12h"],
      ["ccas", "CCAS Grigny", "01 00 00 00 00", "Grigny", ""],
      ["", "", "", "", ""],
    ]);
    expect(plan).toEqual({
      ok: true,
      rows: [
        { line: 2, row: expect.objectContaining({ kind: "BANQUE_DE_FRANCE", name: "BDF Évry", phone: "+33 1 00 00 00 00", openingHours: "9h-12h" }) },
        { line: 3, row: expect.objectContaining({ kind: "CCAS", name: "CCAS Grigny", communes: "Grigny" }) },
      ],
    });
  });

  it("refuses formulas, unknown kinds, duplicates and missing columns, line by line in French", () => {
    const plan = planPartnerCsv([
      ["Type", "Nom", "Code postal"],
      ["CAF", "@SUM(A1)", "91000"],
      ["Mairie", "Accueil", "9100"],
      ["CAF", "CAF 91", ""],
      ["CAF", "caf 91", ""],
    ]);
    expect(plan.ok).toBe(false);
    const errors = (plan as { errors: string[] }).errors;
    expect(errors[0]).toMatch(/^Ligne 2 : .*formule de tableur refusée/);
    expect(errors[1]).toMatch(/^Ligne 3 : type « Mairie » inconnu.*code postal « 9100 » invalide/);
    expect(errors[2]).toMatch(/^Ligne 5 : ce partenaire figure déjà plus haut/);
    expect(planPartnerCsv([["Nom"], ["x"]])).toEqual({ ok: false, errors: ["Ligne 1 : colonne obligatoire manquante : « Type »."] });
  });
});

import { describe, expect, it } from "vitest";
import { findHeaderRow, IMPORT_COLUMNS, mapHeaders, matchHeader, missingColumns, normaliseHeader } from "./columns";
import { splitPersonName, splitTenants } from "./names";

describe("header matching", () => {
  it("ignores accents, case, punctuation, spaces and small words", () => {
    expect(normaliseHeader("  Date de l'Acte ")).toBe("date acte");
    expect(normaliseHeader("N° RG")).toBe("n rg");
    expect(matchHeader("DATE DE L'ACTE")).toBe("actDate");
    expect(matchHeader("date_acte")).toBe("actDate");
    expect(matchHeader("Prénom")).toBe("tenantFirstName");
    expect(matchHeader("PRENOM")).toBe("tenantFirstName");
    expect(matchHeader("Code  postal")).toBe("postcode");
    expect(matchHeader("CP")).toBe("postcode");
    expect(matchHeader("E-mail")).toBe("email");
    expect(matchHeader("Type de bailleur")).toBe("landlordKind");
    expect(matchHeader("Montant de la dette")).toBe("debt");
    expect(matchHeader("Loyer HC")).toBe("rent");
    expect(matchHeader("N° RG")).toBe("procedureRef");
    expect(matchHeader("Référence EXPLOC")).toBe("procedureRef");
    expect(matchHeader("Date d'audience")).toBe("hearingDate");
    expect(matchHeader("Juridiction")).toBe("courtName");
    expect(matchHeader("Locataire(s)")).toBe("tenants");
    expect(matchHeader("Observations")).toBeNull();
  });

  it("every column's own label matches it", () => {
    for (const c of IMPORT_COLUMNS) expect(matchHeader(c.label)).toBe(c.key);
  });

  it("maps a header row, listing ignored and duplicate columns", () => {
    const mapping = mapHeaders(["Nom", "Prénom", "Observations", "", "Adresse", "NOM"]);
    expect(mapping.columns).toEqual({ tenantLastName: 0, tenantFirstName: 1, addressLine: 4 });
    expect(mapping.ignored).toEqual(["Observations"]);
    expect(mapping.duplicates).toEqual([{ key: "tenantLastName", header: "NOM" }]);
  });

  it("names the required columns a file lacks", () => {
    expect(missingColumns(mapHeaders(["Locataire(s)", "Adresse", "CP", "Ville", "Bailleur", "Type de bailleur", "Loyer", "Date de l'acte"]))).toEqual([]);
    expect(missingColumns(mapHeaders(["Adresse", "CP", "Ville", "Bailleur", "Type de bailleur", "Loyer"]))).toEqual([
      "« Nom du locataire » (ou « Locataire(s) »)",
      "« Date de l'acte »",
    ]);
  });

  it("finds the header row below a title line", () => {
    expect(findHeaderRow([["Liste des assignations — mars 2026"], [], ["Nom", "Prénom", "Adresse", "CP"], ["DUPONT", "Jean", "1 rue", "91000"]])).toBe(2);
    expect(findHeaderRow([["a", "b"], ["c"]])).toBeNull();
  });
});

describe("tenants' names", () => {
  it("splits 'NOM Prénom' with civilities, capitals first", () => {
    expect(splitPersonName("M. DUPONT Jean")).toEqual({ lastName: "DUPONT", firstName: "Jean" });
    expect(splitPersonName("Mme Élodie LEFÈVRE")).toEqual({ lastName: "LEFÈVRE", firstName: "Élodie" });
    expect(splitPersonName("DE LA FONTAINE Jean-Marc")).toEqual({ lastName: "DE LA FONTAINE", firstName: "Jean-Marc" });
    expect(splitPersonName("Dupont Jean")).toEqual({ lastName: "Dupont", firstName: "Jean" });
    expect(splitPersonName("DUPONT")).toEqual({ lastName: "DUPONT", firstName: "" });
    expect(splitPersonName("Madame")).toBeNull();
  });

  it("splits two tenants on 'et', '&' or '/'", () => {
    expect(splitTenants("M. DUPONT Jean et Mme DUPONT Marie")).toEqual([
      { lastName: "DUPONT", firstName: "Jean" },
      { lastName: "DUPONT", firstName: "Marie" },
    ]);
    expect(splitTenants("MARTIN Paul / DIALLO Awa")).toHaveLength(2);
    expect(splitTenants("MARTIN Paul & DIALLO Awa")).toHaveLength(2);
    expect(splitTenants("")).toEqual([]);
  });
});

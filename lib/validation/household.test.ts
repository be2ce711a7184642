import { describe, expect, it } from "vitest";
import { newHouseholdSchema, newHouseholdSchemaAt } from "./household";

const valid = {
  teamId: "team-1",
  tenant: { firstName: "Élodie", lastName: "Martin" },
  coTenant: { firstName: "", lastName: "" },
  addressLine: "12 rue des Lilas",
  postcode: "91000",
  city: "Évry-Courcouronnes",
  phone: "06 12 34 56 78",
  email: "",
  landlordMode: "new",
  landlordId: "",
  landlord: { kind: "PRIVATE_PERSON", name: "M. Dupont", postcode: "", city: "", phone: "", email: "" },
  leaseSignedOn: "2023-07-28",
  rent: "650,50",
  charges: "",
  stage: "ASSIGNATION",
  stageDate: "2026-10-01",
  hearingOn: "2026-12-15",
  debt: "3 200",
  source: "PREFECTURE_LIST",
};

const errorsOf = (input: unknown) => {
  const r = newHouseholdSchema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("newHouseholdSchema", () => {
  it("removes bidi overrides, zero-width characters and NUL from names and addresses (issue 14)", () => {
    const r = newHouseholdSchema.parse({
      ...valid,
      tenant: { firstName: "\u2066Élodie\u2069", lastName: "Mar\u202Etin\u200B" },
      addressLine: "12 rue\u0000 des Lilas\uFEFF",
      city: "Évry\u200D-Courcouronnes",
      landlord: { ...valid.landlord, name: "M.\u200E Dupont" },
    });
    expect([r.tenant.firstName, r.tenant.lastName, r.addressLine, r.city, r.landlord?.name]).toEqual(["Élodie", "Martin", "12 rue des Lilas", "Évry-Courcouronnes", "M. Dupont"]);
    // A name made only of invisible characters is an empty name.
    expect(errorsOf({ ...valid, tenant: { firstName: "Élodie", lastName: "\u200B\u202E" } })["tenant.lastName"]).toBe("Le nom est obligatoire.");
  });

  it("accepts a complete form and converts amounts and dates", () => {
    const r = newHouseholdSchema.parse(valid);
    expect(r.rent).toBe(65050);
    expect(r.debt).toBe(320000);
    expect(r.charges).toBeUndefined();
    expect(r.phone).toBe("0612345678");
    expect(r.leaseSignedOn?.toISOString()).toBe("2023-07-28T00:00:00.000Z");
    expect(r.landlord?.name).toBe("M. Dupont");
    expect(r.alreadyFollowed).toBe(false);
  });

  it("says in French what is wrong, field by field", () => {
    const e = errorsOf({ ...valid, tenant: { firstName: "Élodie", lastName: "" }, postcode: "9100", rent: "abc", stageDate: "2026-02-30", email: "pas-un-email" });
    expect(e["tenant.lastName"]).toBe("Le nom est obligatoire.");
    expect(e.postcode).toMatch(/5 chiffres/);
    expect(e.rent).toMatch(/montant invalide/);
    expect(e.stageDate).toMatch(/date invalide/);
    expect(e.email).toMatch(/Adresse e-mail invalide/);
  });

  it("takes a tenant whose first name is unknown (issue 16: the quick household)", () => {
    expect(newHouseholdSchema.parse({ ...valid, tenant: { firstName: "", lastName: "Martin" } }).tenant.firstName).toBeUndefined();
  });

  it("reports every error in one round: a missing date does not hide the landlord, and future dates are field errors (issue 16)", () => {
    const today = new Date("2026-11-26T00:00:00Z");
    const r = newHouseholdSchemaAt(today).safeParse({ ...valid, stageDate: "", tenant: { firstName: "", lastName: "" }, landlordMode: "existing", landlordId: "", leaseSignedOn: "2026-11-27" });
    const e = r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    expect(Object.keys(e).sort()).toEqual(["landlordId", "leaseSignedOn", "stageDate", "tenant.lastName"]);
    const future = newHouseholdSchemaAt(today).safeParse({ ...valid, stageDate: "2026-11-27", hearingOn: "2026-12-15" });
    expect(future.success ? [] : future.error.issues.map((i) => i.message)).toEqual(["La date de l'acte ne peut pas être dans le futur."]);
    expect(newHouseholdSchemaAt(today).safeParse({ ...valid, stageDate: "2026-11-26" }).success).toBe(true);
  });

  it("requires a landlord from the list when 'existing' is chosen, ignoring the new-landlord block", () => {
    const e = errorsOf({ ...valid, landlordMode: "existing", landlordId: "", landlord: { name: "" } });
    expect(Object.keys(e)).toEqual(["landlordId"]);
  });

  it("refuses a hearing before the act and a hearing at the commandement stage", () => {
    expect(errorsOf({ ...valid, hearingOn: "2026-09-01" }).hearingOn).toMatch(/postérieure/);
    expect(errorsOf({ ...valid, stage: "COMMANDEMENT_DE_PAYER" }).hearingOn).toMatch(/assignation/);
  });

  it("refuses years out of range and absurd amounts", () => {
    expect(errorsOf({ ...valid, stageDate: "20260-01-01" }).stageDate).toBeDefined();
    expect(errorsOf({ ...valid, stageDate: "1890-01-01" }).stageDate).toMatch(/1950/);
    expect(errorsOf({ ...valid, rent: "999999999" }).rent).toMatch(/trop élevé/);
  });

  it("needs both names of a co-tenant", () => {
    expect(errorsOf({ ...valid, coTenant: { firstName: "Paul", lastName: "" } })["coTenant.lastName"]).toMatch(/obligatoire/);
  });
});

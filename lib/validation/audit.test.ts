import { describe, expect, it } from "vitest";
import { parseAuditFilters } from "./audit";

describe("audit filters", () => {
  it("reads the URL's filters", () => {
    const f = parseAuditFilters({ vue: "consultations", utilisateur: "u1", dossier: "n° 42", du: "2026-06-01", au: "2026-06-10", page: "3", action: "case.create" });
    expect(f).toMatchObject({ view: "consultations", userId: "u1", caseNumber: 42, page: 3, problems: [] });
    // The action filter is for modifications only.
    expect(f.action).toBeUndefined();
    expect(f.from).toEqual(new Date("2026-06-01T00:00:00Z"));
  });

  it("drops malformed values with a French message", () => {
    const f = parseAuditFilters({ dossier: "abc", du: "2026-02-30", au: ["x", "y"], page: "-4" });
    expect(f).toMatchObject({ view: "modifications", caseNumber: undefined, from: undefined, page: 1 });
    expect(f.problems).toEqual(["Le numéro de dossier doit être un nombre entier (ex. 42).", "La date de début n'est pas une date valide."]);
    expect(parseAuditFilters({ du: "2026-06-10", au: "2026-06-01" }).problems).toEqual(["La date de début est après la date de fin."]);
  });
});

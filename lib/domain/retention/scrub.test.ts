import { describe, expect, it } from "vitest";

import { cellsMentionHousehold, jsonMentions, normaliseForMatch, personalNeedles, scrubJson, type Json } from "./scrub";

const needles = personalNeedles(["Élodie", "Müller", "06 12 34 56 78", "elodie.muller@example.fr", "12 rue des Lilas"]);

describe("personalNeedles", () => {
  it("normalises, drops short strings, adds the digits of a phone", () => {
    expect(personalNeedles(["Li", "Élodie", "06.12.34.56.78", null, ""])).toEqual(["elodie", "06.12.34.56.78", "0612345678"]);
    expect(normaliseForMatch("  Élodie   MÜLLER ")).toBe("elodie muller");
  });
});

describe("scrubJson", () => {
  it("replaces personal keys whatever their value, drops a birth year, keeps nulls", () => {
    const { value, changed } = scrubJson(
      { firstName: "Jean", lastName: "DUPONT", birthYear: 1980, phone: null, occupants: [{ firstName: "Ana", isChild: true }] },
      [],
    );
    expect(changed).toBe(true);
    expect(value).toEqual({ firstName: "[anonymisé]", lastName: "[anonymisé]", birthYear: null, phone: null, occupants: [{ firstName: "[anonymisé]", isChild: true }] });
  });

  it("keeps enum codes, dates, ids, hashes, numbers and booleans under other keys", () => {
    const audit: Json = {
      state: "SUPPORTED",
      closureReason: "NO_CONTACT",
      closedOn: "2024-03-01",
      at: "2024-03-01T10:15:00.000Z",
      householdId: "cm9x2k3l40000abcdefghijkl",
      fileSha256: "a".repeat(64),
      debtCents: 123456,
      supported: true,
      occupants: 3,
    };
    expect(scrubJson(audit, needles)).toEqual({ value: audit, changed: false });
  });

  it("replaces free text under a key nobody listed (the shape net)", () => {
    const { value } = scrubJson({ comment: "Mme Martin a appelé", courtName: "Tribunal judiciaire d'Évry" }, []);
    expect(value).toEqual({ comment: "[anonymisé]", courtName: "[anonymisé]" });
  });

  it("replaces an enum-looking string that is the household's name (the value net)", () => {
    expect(scrubJson({ tenantCode: "MULLER", other: "DUPONT" }, needles).value).toEqual({ tenantCode: "[anonymisé]", other: "DUPONT" });
  });

  it("is idempotent", () => {
    const once = scrubJson({ note: "x", state: "CLOSED" }, needles).value;
    expect(scrubJson(once, needles)).toEqual({ value: once, changed: false });
  });
});

describe("jsonMentions", () => {
  it("finds a needle in nested values and keys, accent- and case-insensitively, phones in any format", () => {
    expect(jsonMentions({ a: [{ b: "Visite chez ELODIE" }] }, needles)).toBe(true);
    expect(jsonMentions({ a: "tel 06.12.34.56.78" }, needles)).toBe(true);
    expect(jsonMentions({ a: "Martin", n: 612345678 }, needles)).toBe(false);
  });
});

describe("cellsMentionHousehold", () => {
  const identity = {
    occupants: [{ firstName: "Élodie", lastName: "Müller" }],
    addressLine: "12 rue des Lilas",
    phone: "0612345678",
    email: null,
  };

  it("matches last name with first name, or with the address, or a phone", () => {
    expect(cellsMentionHousehold(["MULLER", "Elodie", "Évry"], identity)).toBe(true);
    expect(cellsMentionHousehold(["MÜLLER Paul", "12 RUE DES LILAS"], identity)).toBe(true);
    expect(cellsMentionHousehold(["Durand", "06 12 34 56 78"], identity)).toBe(true);
  });

  it("does not match a last name alone", () => {
    expect(cellsMentionHousehold(["Müller", "Paul", "3 avenue Foch"], identity)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { buildSearchText, buildSortName, normaliseForSearch, phoneDigits } from "./search-text";

describe("normaliseForSearch", () => {
  it("folds accents and case so that 'elodie' finds 'Élodie'", () => {
    expect(normaliseForSearch("Élodie")).toBe("elodie");
    expect(normaliseForSearch("HÉLÈNE Noël")).toBe("helene noel");
    expect(normaliseForSearch("Gaëlle Müller")).toBe("gaelle muller");
  });

  it("expands ligatures and collapses punctuation and spaces", () => {
    expect(normaliseForSearch("Cœur  d'Œuvre")).toBe("coeur d oeuvre");
    expect(normaliseForSearch("  Évry-Courcouronnes ")).toBe("evry courcouronnes");
  });
});

describe("buildSearchText / buildSortName", () => {
  it("joins the non-empty parts", () => {
    expect(buildSearchText(["Élodie", null, "", "Martin", "91000"])).toBe("elodie martin 91000");
  });

  it("sorts accented names with their base letter", () => {
    const names = [buildSortName("Zola", "Émile"), buildSortName("Étienne", "Jean"), buildSortName("Durand", "Éric")];
    expect([...names].sort()).toEqual(["durand eric", "etienne jean", "zola emile"]);
  });
});

describe("phoneDigits (issue 15)", () => {
  it("reads a phone number as typed, and nothing else", () => {
    expect(phoneDigits("06 12 34 56 78")).toBe("0612345678");
    expect(phoneDigits("+33 6 12 34")).toBe("061234");
    expect(phoneDigits("06.12")).toBe("0612");
    expect(phoneDigits("42")).toBeNull();
    expect(phoneDigits("Lefèvre")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { spellOutFirstUse, splitAbbreviations, type Abbreviation } from "./abbreviations";

describe("abbreviations spelled out on first use (issue 13, shared/domain/glossary.md)", () => {
  it("spells out the first use on a page only", () => {
    const seen = new Set<Abbreviation>();
    expect(spellOutFirstUse("Délai accordé par le JEX", seen)).toBe("Délai accordé par le juge de l'exécution (JEX)");
    expect(spellOutFirstUse("Décision du JEX ; CQL transmis", seen)).toBe("Décision du JEX ; commandement de quitter les lieux (CQL) transmis");
  });
  it("splits words, not parts of words", () => {
    expect(splitAbbreviations("DSFX et CCAPEX.", new Set())).toEqual([
      { text: "DSFX et " },
      { abbr: "CCAPEX", title: "commission de coordination des actions de prévention des expulsions locatives", first: true },
      { text: "." },
    ]);
  });
});

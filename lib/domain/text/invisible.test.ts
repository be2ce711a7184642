import { describe, expect, it } from "vitest";
import { hasInvisible, stripInvisible } from "./invisible";

describe("stripInvisible", () => {
  it("removes bidi overrides and isolates, zero-width characters, the BOM and NUL", () => {
    expect(stripInvisible("Du\u202Etnop")).toBe("Dutnop");
    expect(stripInvisible("\u2066Martin\u2069 \u200EÉlodie\u200F")).toBe("Martin Élodie");
    expect(stripInvisible("Le\u200Bfèvre\u200C\u200D\u2060\uFEFF")).toBe("Lefèvre");
    expect(stripInvisible("3 rue\u0000 des Lilas")).toBe("3 rue des Lilas");
    expect(hasInvisible("Martin")).toBe(false);
    expect(hasInvisible("Mar\u202Etin")).toBe(true);
  });

  it("keeps accents, apostrophes, line breaks and tabs", () => {
    const text = "Noël d'Arc\n\tÉvry-Courcouronnes — 91000";
    expect(stripInvisible(text)).toBe(text);
  });
});

import { describe, expect, it } from "vitest";
import { fingerprint } from "./fingerprint";

describe("fingerprint", () => {
  it("is stable whatever the key order, and changes with any value", () => {
    const a = fingerprint({ actions: "Dossier FSL", weekOf: new Date("2026-11-09T00:00:00Z") });
    expect(fingerprint({ weekOf: new Date("2026-11-09T00:00:00Z"), actions: "Dossier FSL" })).toBe(a);
    expect(fingerprint({ actions: "Dossier FSL.", weekOf: new Date("2026-11-09T00:00:00Z") })).not.toBe(a);
    expect(fingerprint({ actions: "Dossier FSL", weekOf: new Date("2026-11-16T00:00:00Z") })).not.toBe(a);
    expect(a.length).toBeLessThan(40);
  });
});

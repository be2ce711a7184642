import { describe, expect, it } from "vitest";

import { retentionMonthsFrom } from "./env";

describe("RETENTION_MONTHS_AFTER_CLOSURE", () => {
  it("defaults to 24 months when unset or blank", () => {
    expect(retentionMonthsFrom(undefined)).toBe(24);
    expect(retentionMonthsFrom("  ")).toBe(24);
  });

  it("accepts a whole number of months within bounds", () => {
    expect(retentionMonthsFrom("36")).toBe(36);
    expect(retentionMonthsFrom("1")).toBe(1);
  });

  it("refuses zero, fractions, words and more than ten years, with the variable's name", () => {
    for (const bad of ["0", "1.5", "deux ans", "121", "-3"]) {
      expect(() => retentionMonthsFrom(bad)).toThrow(/RETENTION_MONTHS_AFTER_CLOSURE/);
    }
  });
});

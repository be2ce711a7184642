import { describe, expect, it } from "vitest";
import { centsToInput, formatCents, parseEurosToCents } from "./money";

describe("parseEurosToCents", () => {
  it.each([
    ["650", 65000],
    ["650,5", 65050],
    ["650,05", 65005],
    ["650.00", 65000],
    ["1 234,56", 123456],
    ["1\u202f234,56 €", 123456],
    ["1.234,56", 123456],
    ["0", 0],
  ])("reads %s as %i cents", (text, cents) => {
    expect(parseEurosToCents(text)).toBe(cents);
  });

  it.each(["abc", "12,345", "-5", "1 23,00", "", "12,3,4"])("refuses %j", (text) => {
    expect(parseEurosToCents(text)).toBeNull();
  });
});

describe("formatCents / centsToInput", () => {
  it("formats in French", () => {
    expect(formatCents(123456).replace(/\s/g, " ")).toBe("1 234,56 €");
  });
  it("round-trips through an input", () => {
    expect(centsToInput(123456)).toBe("1234,56");
    expect(centsToInput(65000)).toBe("650");
    expect(parseEurosToCents(centsToInput(123405))).toBe(123405);
  });
});

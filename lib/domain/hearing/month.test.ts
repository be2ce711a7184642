import { describe, expect, it } from "vitest";
import { addMonths, formatMonth, formatMonthTitle, monthKey, monthsBetween, monthStart, parseMonth } from "./month";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("months of the ledger", () => {
  it("reads an <input type=month> value and the French MM/YYYY", () => {
    expect(parseMonth("2026-03")).toEqual(d("2026-03-01"));
    expect(parseMonth(" 03/2026 ")).toEqual(d("2026-03-01"));
    expect(parseMonth("3/2026")).toEqual(d("2026-03-01"));
  });

  it.each(["", "2026-13", "2026-00", "13/2026", "mars 2026", "2026-03-01", "26-03"])("refuses %j", (text) => {
    expect(parseMonth(text)).toBeNull();
  });

  it("adds months across years, backwards too", () => {
    expect(addMonths(d("2025-11-01"), 3)).toEqual(d("2026-02-01"));
    expect(addMonths(d("2026-01-01"), -1)).toEqual(d("2025-12-01"));
    expect(monthsBetween(d("2025-11-01"), d("2026-02-01"))).toBe(3);
  });

  it("takes the month of a day, whatever the day (31 January, a leap day)", () => {
    expect(monthStart(d("2026-01-31"))).toEqual(d("2026-01-01"));
    expect(monthStart(d("2028-02-29"))).toEqual(d("2028-02-01"));
  });

  it("formats in French", () => {
    expect(formatMonth(d("2026-02-01"))).toBe("février 2026");
    expect(formatMonthTitle(d("2026-08-01"))).toBe("Août 2026");
    expect(monthKey(d("2026-03-01"))).toBe("2026-03");
  });
});

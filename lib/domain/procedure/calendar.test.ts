import { describe, expect, it } from "vitest";
import { parseCalendarDate, toIsoDay } from "@/lib/utils/dates";
import {
  addDaysUtc,
  addMonthsUtc,
  addWorkingDays,
  assertCalendarDay,
  easterSunday,
  frenchDay,
  frenchPublicHolidays,
  isFrenchPublicHoliday,
  isWorkingDay,
  nextWorkingDayFrom,
} from "./calendar";

const d = (text: string) => parseCalendarDate(text)!;
const iso = (date: Date) => toIsoDay(date);

describe("month arithmetic on calendar dates (CPC art. 641)", () => {
  it("clamps 31 January + 1 month to 28 February", () => {
    expect(iso(addMonthsUtc(d("2026-01-31"), 1))).toBe("2026-02-28");
    expect(iso(addMonthsUtc(d("2025-01-31"), 1))).toBe("2025-02-28");
  });

  it("gives 29 February in a leap year", () => {
    expect(iso(addMonthsUtc(d("2028-01-31"), 1))).toBe("2028-02-29");
    expect(iso(addMonthsUtc(d("2024-01-29"), 1))).toBe("2024-02-29");
    expect(iso(addMonthsUtc(d("2024-02-29"), 12))).toBe("2025-02-28");
    expect(iso(addMonthsUtc(d("2000-01-31"), 1))).toBe("2000-02-29"); // divisible by 400
    expect(iso(addMonthsUtc(d("2100-01-31"), 1))).toBe("2100-02-28"); // divisible by 100, not 400
  });

  it("clamps other short months and crosses years both ways", () => {
    expect(iso(addMonthsUtc(d("2025-08-31"), 1))).toBe("2025-09-30");
    expect(iso(addMonthsUtc(d("2025-12-31"), 2))).toBe("2026-02-28");
    expect(iso(addMonthsUtc(d("2025-11-15"), 14))).toBe("2027-01-15");
    expect(iso(addMonthsUtc(d("2026-03-31"), -1))).toBe("2026-02-28");
    expect(iso(addMonthsUtc(d("2026-01-15"), -2))).toBe("2025-11-15");
  });

  it("refuses a fractional number of months", () => {
    expect(() => addMonthsUtc(d("2026-01-15"), 1.5)).toThrow(RangeError);
  });

  it("does not shift a day across the daylight-saving changes (test TZ is Europe/Paris)", () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(iso(addDaysUtc(d("2026-03-28"), 1))).toBe("2026-03-29");
    expect(iso(addDaysUtc(d("2026-03-28"), 2))).toBe("2026-03-30");
    expect(iso(addDaysUtc(d("2026-10-24"), 7))).toBe("2026-10-31");
    expect(iso(addMonthsUtc(d("2026-02-28"), 1))).toBe("2026-03-28");
    expect(iso(addMonthsUtc(d("2026-09-25"), 1))).toBe("2026-10-25");
    for (const date of [addDaysUtc(d("2026-03-20"), 42), addMonthsUtc(d("2026-10-01"), 1)]) {
      expect(date.getUTCHours()).toBe(0);
      expect(date.getUTCMinutes()).toBe(0);
    }
  });

  it("rejects an instant where a calendar day is expected", () => {
    expect(() => assertCalendarDay(new Date("2026-03-14T23:00:00Z"), "hearingOn")).toThrow(/hearingOn/);
    expect(() => assertCalendarDay(new Date("invalid"), "x")).toThrow(RangeError);
    expect(() => assertCalendarDay(d("2026-03-15"), "x")).not.toThrow();
  });
});

describe("French public holidays (Code du travail art. L3133-1)", () => {
  it("computes Easter Sunday", () => {
    expect(iso(easterSunday(2024))).toBe("2024-03-31");
    expect(iso(easterSunday(2025))).toBe("2025-04-20");
    expect(iso(easterSunday(2026))).toBe("2026-04-05");
    expect(iso(easterSunday(2027))).toBe("2027-03-28");
    expect(iso(easterSunday(2038))).toBe("2038-04-25"); // latest possible
    expect(iso(easterSunday(2285))).toBe("2285-03-22"); // earliest possible
  });

  it("lists the eleven holidays of 2026, Easter-based ones included", () => {
    expect(frenchPublicHolidays(2026).map(iso)).toEqual([
      "2026-01-01",
      "2026-04-06", // Easter Monday
      "2026-05-01",
      "2026-05-08",
      "2026-05-14", // Ascension
      "2026-05-25", // Whit Monday
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
    expect(isFrenchPublicHoliday(d("2027-05-06"))).toBe(true); // Ascension 2027
    expect(isFrenchPublicHoliday(d("2026-04-03"))).toBe(false); // Good Friday: Alsace-Moselle only
  });

  it("counts Monday to Friday outside holidays as working days", () => {
    expect(isWorkingDay(d("2026-04-03"))).toBe(true); // Friday
    expect(isWorkingDay(d("2026-04-04"))).toBe(false); // Saturday
    expect(isWorkingDay(d("2026-04-05"))).toBe(false); // Sunday
    expect(isWorkingDay(d("2026-04-06"))).toBe(false); // Easter Monday
    expect(isWorkingDay(d("2026-04-07"))).toBe(true);
  });

  it("adds working days across Easter Monday 2026, forwards and backwards, never counting the start day", () => {
    expect(iso(addWorkingDays(d("2026-04-02"), 1))).toBe("2026-04-03");
    expect(iso(addWorkingDays(d("2026-04-02"), 2))).toBe("2026-04-07");
    expect(iso(addWorkingDays(d("2026-04-07"), -1))).toBe("2026-04-03");
    expect(iso(addWorkingDays(d("2026-04-04"), 0))).toBe("2026-04-04");
  });

  it("adds working days across 1 May, 8 May, Ascension and Whit Monday 2026", () => {
    // 30 April (Thu): 1 May and 8 May are Fridays, Ascension Thursday 14 May, Whit Monday 25 May.
    expect(iso(addWorkingDays(d("2026-04-30"), 1))).toBe("2026-05-04");
    expect(iso(addWorkingDays(d("2026-04-30"), 5))).toBe("2026-05-11");
    expect(iso(addWorkingDays(d("2026-04-30"), 15))).toBe("2026-05-27");
  });

  it("extends a delay ending on a weekend or holiday to the next working day (CPC art. 642)", () => {
    expect(iso(nextWorkingDayFrom(d("2026-02-28")))).toBe("2026-03-02");
    expect(iso(nextWorkingDayFrom(d("2026-05-01")))).toBe("2026-05-04");
    expect(iso(nextWorkingDayFrom(d("2026-05-05")))).toBe("2026-05-05");
  });
});

describe("French wording of a day", () => {
  it("writes the first of the month as 1er", () => {
    expect(frenchDay(d("2026-04-01"))).toBe("1er avril 2026");
    expect(frenchDay(d("2026-03-15"))).toBe("15 mars 2026");
    expect(frenchDay(d("2026-03-11"))).toBe("11 mars 2026");
  });
});

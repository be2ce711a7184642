import { describe, expect, it } from "vitest";
import { daysBetween, formatDay, formatDayLong, formatInstant, parisInstant, parisTime, parisToday, parseCalendarDate, toIsoDay } from "./dates";

describe("calendar dates", () => {
  it("parses real days only", () => {
    expect(toIsoDay(parseCalendarDate("2026-03-15")!)).toBe("2026-03-15");
    expect(parseCalendarDate("2026-02-30")).toBeNull();
    expect(parseCalendarDate("15/03/2026")).toBeNull();
    expect(parseCalendarDate("20260-01-01")).toBeNull();
  });

  it("takes today's date in Paris, not in UTC", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Paris (UTC+1 in winter).
    expect(toIsoDay(parisToday(new Date("2025-12-31T23:30:00Z")))).toBe("2026-01-01");
    // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (UTC+2 in summer).
    expect(toIsoDay(parisToday(new Date("2026-06-30T22:30:00Z")))).toBe("2026-07-01");
  });

  it("counts days across a daylight-saving change", () => {
    expect(daysBetween(parseCalendarDate("2026-03-28")!, parseCalendarDate("2026-03-30")!)).toBe(2);
  });

  it("formats in French", () => {
    expect(formatDay(parseCalendarDate("2026-03-05")!)).toBe("05/03/2026");
    expect(formatDayLong(parseCalendarDate("2026-03-05")!)).toBe("5 mars 2026");
    expect(formatInstant(new Date("2026-07-01T17:05:00Z"))).toBe("01/07/2026 à 19:05");
  });
});

describe("parisInstant / parisTime", () => {
  it("reads a Paris wall-clock time on both sides of a daylight-saving change", () => {
    expect(parisInstant(parseCalendarDate("2026-03-28")!, "19:05")!.toISOString()).toBe("2026-03-28T18:05:00.000Z");
    expect(parisInstant(parseCalendarDate("2026-03-30")!, "19:05")!.toISOString()).toBe("2026-03-30T17:05:00.000Z");
    expect(parisTime(new Date("2026-03-30T17:05:00Z"))).toBe("19:05");
  });
  it("refuses a time that is not HH:MM", () => {
    expect(parisInstant(parseCalendarDate("2026-03-28")!, "25:00")).toBeNull();
    expect(parisInstant(parseCalendarDate("2026-03-28")!, "7h")).toBeNull();
  });
});

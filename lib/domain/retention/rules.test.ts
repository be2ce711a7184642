import { describe, expect, it } from "vitest";

import { utcDay } from "@/lib/domain/procedure/calendar";

import { anonymisationDueOn, dueHouseholds, latestDueClosure, retentionStatus, type RetentionHousehold } from "./rules";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const closed = (number: number, closedOn: string) => ({ caseId: `c${number}`, number, state: "CLOSED", closedOn: day(closedOn) });
const open = (number: number) => ({ caseId: `c${number}`, number, state: "SUPPORTED", closedOn: null });
const household = (id: string, cases: RetentionHousehold["cases"], anonymisedAt: Date | null = null): RetentionHousehold => ({
  householdId: id,
  teamId: "t1",
  anonymisedAt,
  cases,
});

describe("anonymisationDueOn", () => {
  it("adds the months, same day number", () => {
    expect(anonymisationDueOn(day("2023-03-15"), 24)).toEqual(day("2025-03-15"));
  });
  it("lands on the month's last day when the day does not exist (29 Feb → 28 Feb)", () => {
    expect(anonymisationDueOn(day("2024-02-29"), 24)).toEqual(day("2026-02-28"));
    expect(anonymisationDueOn(day("2024-08-31"), 1)).toEqual(day("2024-09-30"));
  });
});

describe("retentionStatus: one case", () => {
  const opts = { today: day("2026-05-10"), months: 24 };

  it("is due on the very day closure + period is reached, not the day before", () => {
    expect(retentionStatus(household("h", [closed(1, "2024-05-10")]), opts)).toEqual({
      kind: "DUE",
      dueOn: day("2026-05-10"),
      lastClosedOn: day("2024-05-10"),
    });
    expect(retentionStatus(household("h", [closed(1, "2024-05-11")]), opts)).toEqual({
      kind: "NOT_YET",
      dueOn: day("2026-05-11"),
      lastClosedOn: day("2024-05-11"),
    });
  });

  it("keeps an open case's household", () => {
    expect(retentionStatus(household("h", [open(1)]), opts)).toEqual({ kind: "OPEN_CASE" });
  });

  it("treats a closed case without a closure date as open (nothing to count from)", () => {
    expect(retentionStatus(household("h", [{ caseId: "c", number: 1, state: "CLOSED", closedOn: null }]), opts)).toEqual({ kind: "OPEN_CASE" });
  });

  it("never anonymises twice", () => {
    const at = new Date("2026-01-01T03:00:00Z");
    expect(retentionStatus(household("h", [closed(1, "2020-01-01")], at), opts)).toEqual({ kind: "ALREADY_ANONYMISED", anonymisedAt: at });
  });

  it("leaves a household with no case alone", () => {
    expect(retentionStatus(household("h", []), opts)).toEqual({ kind: "NO_CASE" });
  });

  it("follows the configured period", () => {
    const h = household("h", [closed(1, "2025-04-10")]);
    expect(retentionStatus(h, { ...opts, months: 24 }).kind).toBe("NOT_YET");
    expect(retentionStatus(h, { ...opts, months: 12 }).kind).toBe("DUE");
    expect(retentionStatus(h, { ...opts, months: 13 }).kind).toBe("DUE"); // 2025-04-10 + 13 months = today
    expect(retentionStatus(h, { ...opts, months: 14 }).kind).toBe("NOT_YET");
  });

  it("refuses a period out of bounds and a today that is not a calendar day", () => {
    const h = household("h", [closed(1, "2020-01-01")]);
    expect(() => retentionStatus(h, { ...opts, months: 0 })).toThrow(RangeError);
    expect(() => retentionStatus(h, { ...opts, months: 121 })).toThrow(RangeError);
    expect(() => retentionStatus(h, { ...opts, months: 1.5 })).toThrow(RangeError);
    expect(() => retentionStatus(h, { today: new Date("2026-05-10T10:00:00Z"), months: 24 })).toThrow(RangeError);
  });
});

describe("retentionStatus: a household with several cases", () => {
  const opts = { today: day("2026-05-10"), months: 24 };

  it("is due only when every case is closed and the LAST closure has run its period", () => {
    expect(retentionStatus(household("h", [closed(1, "2021-01-01"), closed(2, "2024-03-01")]), opts)).toEqual({
      kind: "DUE",
      dueOn: day("2026-03-01"),
      lastClosedOn: day("2024-03-01"),
    });
  });

  it("keeps everything while another case is open, however old the closed one", () => {
    expect(retentionStatus(household("h", [closed(1, "2015-01-01"), open(2)]), opts)).toEqual({ kind: "OPEN_CASE" });
  });

  it("keeps everything while another case was closed too recently", () => {
    expect(retentionStatus(household("h", [closed(1, "2015-01-01"), closed(2, "2025-12-01")]), opts)).toEqual({
      kind: "NOT_YET",
      dueOn: day("2027-12-01"),
      lastClosedOn: day("2025-12-01"),
    });
  });
});

describe("dueHouseholds", () => {
  it("lists only the due households, oldest closure first, each with its cases by number", () => {
    const list = dueHouseholds(
      [
        household("recent", [closed(5, "2025-01-01")]),
        household("b", [closed(9, "2023-06-01"), closed(3, "2022-01-01")]),
        household("a", [closed(7, "2021-02-02")]),
        household("open", [closed(8, "2020-01-01"), open(10)]),
        household("done", [closed(11, "2019-01-01")], new Date("2025-01-01T00:00:00Z")),
      ],
      { today: day("2026-05-10"), months: 24 },
    );
    expect(list.map((h) => h.householdId)).toEqual(["a", "b"]);
    expect(list[1]!.cases.map((c) => c.number)).toEqual([3, 9]);
    expect(list[1]!.lastClosedOn).toEqual(day("2023-06-01"));
  });
});

describe("latestDueClosure", () => {
  it("is the last closure day whose period is over as of today", () => {
    for (const [today, months] of [
      ["2026-05-10", 24],
      ["2026-02-28", 24],
      ["2026-03-31", 1],
      ["2026-03-01", 1],
      ["2025-02-28", 12],
      ["2024-02-29", 12],
    ] as const) {
      const t = day(today);
      const cutoff = latestDueClosure(t, months);
      expect(anonymisationDueOn(cutoff, months).getTime()).toBeLessThanOrEqual(t.getTime());
      const next = utcDay(cutoff.getUTCFullYear(), cutoff.getUTCMonth(), cutoff.getUTCDate() + 1);
      expect(anonymisationDueOn(next, months).getTime()).toBeGreaterThan(t.getTime());
    }
  });

  it("counts 31 March as due on 28 February of the next year but one (month-end clamp)", () => {
    // 2024-03-31 + 23 months = 2026-02-28; + 24 months = 2026-03-31.
    expect(latestDueClosure(day("2026-03-30"), 24)).toEqual(day("2024-03-30"));
    expect(latestDueClosure(day("2026-02-28"), 24)).toEqual(day("2024-02-29"));
  });
});

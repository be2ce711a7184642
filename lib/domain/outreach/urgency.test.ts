import { describe, expect, it } from "vitest";

import { compareDueItems, dueEntries, hearingSection, type DueFacts } from "./urgency";
import { at, day } from "./test-support";

// 10 March 2026, 10:00 in Paris: "today" is 2026-03-10.
const NOW = at("2026-03-10T09:00:00Z");
const TODAY = day("2026-03-10");

const LETTERS = { tenantLetterSentOn: day("2026-02-01"), landlordLetterSentOn: day("2026-02-01") };
const facts = (overrides: Partial<DueFacts>): DueFacts => ({
  state: "IDENTIFIED",
  tenantLetterSentOn: null,
  landlordLetterSentOn: null,
  reminderDueOn: null,
  provedGone: false,
  supported: false,
  hearingOn: null,
  ...overrides,
});

describe("dueEntries", () => {
  it("puts each state in its section", () => {
    expect(dueEntries(facts({}), NOW)).toEqual([{ section: "LETTER", steps: ["LETTER_TENANT", "LETTER_LANDLORD"] }]);
    expect(dueEntries(facts({ state: "FIRST_LETTER_SENT", ...LETTERS }), NOW)).toEqual([{ section: "VISIT", steps: ["FIRST_VISIT"] }]);
    expect(dueEntries(facts({ state: "VISIT_1_FAILED", ...LETTERS }), NOW)).toEqual([{ section: "VISIT", steps: ["SECOND_VISIT"] }]);
    expect(dueEntries(facts({ state: "REMINDER_SENT", ...LETTERS }), NOW)).toEqual([{ section: "CLOSURE", steps: ["CLOSURE_NO_CONTACT"] }]);
    expect(dueEntries(facts({ state: "SUPPORTED", supported: true, ...LETTERS }), NOW)).toEqual([]);
    expect(dueEntries(facts({ state: "CLOSED", ...LETTERS }), NOW)).toEqual([]);
  });

  it("splits reminders on their due day: due from that day on, upcoming the day before", () => {
    const waiting = facts({ state: "VISIT_2_FAILED", ...LETTERS, reminderDueOn: TODAY });
    expect(dueEntries(waiting, NOW)).toEqual([{ section: "REMINDER_DUE", steps: ["REMINDER"] }]);
    expect(dueEntries(waiting, at("2026-03-09T22:59:00Z"))).toEqual([{ section: "REMINDER_UPCOMING", steps: ["REMINDER"] }]);
    // 23:00 UTC on the 9th is already the 10th in Paris.
    expect(dueEntries(waiting, at("2026-03-09T23:00:00Z"))).toEqual([{ section: "REMINDER_DUE", steps: ["REMINDER"] }]);
  });

  it("offers closure, and no visit or reminder, once the household is proved gone", () => {
    expect(dueEntries(facts({ state: "VISIT_1_FAILED", ...LETTERS, provedGone: true }), NOW)).toEqual([{ section: "CLOSURE", steps: ["CLOSURE_GONE"] }]);
    expect(dueEntries(facts({ state: "VISIT_2_FAILED", ...LETTERS, provedGone: true, reminderDueOn: TODAY }), NOW)).toEqual([
      { section: "CLOSURE", steps: ["CLOSURE_GONE"] },
    ]);
  });

  it("asks for the landlord letter on any open case, support included", () => {
    expect(dueEntries(facts({ state: "SUPPORTED", supported: true, tenantLetterSentOn: day("2026-02-01") }), NOW)).toEqual([
      { section: "LETTER", steps: ["LETTER_LANDLORD"] },
    ]);
    expect(dueEntries(facts({ state: "FIRST_LETTER_SENT", tenantLetterSentOn: day("2026-02-01") }), NOW)).toEqual([
      { section: "VISIT", steps: ["FIRST_VISIT"] },
      { section: "LETTER", steps: ["LETTER_LANDLORD"] },
    ]);
    expect(dueEntries(facts({ state: "CLOSED", supported: true }), NOW)).toEqual([]);
  });

  it("alerts on a hearing 0–45 days ahead with no contact: urgent up to 15 days, with the case's ready steps", () => {
    const visit = facts({ state: "FIRST_LETTER_SENT", ...LETTERS });
    const inDays = (n: number) => new Date(TODAY.getTime() + n * 86_400_000);
    expect(dueEntries({ ...visit, hearingOn: inDays(0) }, NOW)[0]).toEqual({ section: "HEARING_SOON", steps: ["FIRST_VISIT"] });
    expect(dueEntries({ ...visit, hearingOn: inDays(15) }, NOW)[0]?.section).toBe("HEARING_SOON");
    expect(dueEntries({ ...visit, hearingOn: inDays(16) }, NOW).map((e) => e.section)).toEqual(["VISIT", "HEARING_LATER"]);
    expect(dueEntries({ ...visit, hearingOn: inDays(45) }, NOW).map((e) => e.section)).toEqual(["VISIT", "HEARING_LATER"]);
    expect(dueEntries({ ...visit, hearingOn: inDays(46) }, NOW).map((e) => e.section)).toEqual(["VISIT"]);
    expect(dueEntries({ ...visit, hearingOn: inDays(-1) }, NOW).map((e) => e.section)).toEqual(["VISIT"]);
    // A household in contact, or a closed case, raises no alert.
    expect(dueEntries(facts({ state: "SUPPORTED", supported: true, ...LETTERS, hearingOn: inDays(3) }), NOW)).toEqual([]);
    expect(dueEntries(facts({ state: "CLOSED", ...LETTERS, hearingOn: inDays(3) }), NOW)).toEqual([]);
    // A reminder not yet due is no "ready step" of the hearing entry.
    expect(dueEntries(facts({ state: "VISIT_2_FAILED", ...LETTERS, reminderDueOn: inDays(4), hearingOn: inDays(3) }), NOW)).toEqual([
      { section: "HEARING_SOON", steps: [] },
      { section: "REMINDER_UPCOMING", steps: ["REMINDER"] },
    ]);
  });
});

describe("hearingSection", () => {
  it("is urgent up to 15 days inclusive", () => {
    expect(hearingSection(day("2026-03-25"), TODAY)).toBe("HEARING_SOON");
    expect(hearingSection(day("2026-03-26"), TODAY)).toBe("HEARING_LATER");
  });
});

describe("compareDueItems", () => {
  it("orders by date, oldest first, then by case number; no date last", () => {
    const items = [
      { dueOn: day("2026-03-02"), number: 7 },
      { dueOn: null, number: 1 },
      { dueOn: day("2026-03-01"), number: 9 },
      { dueOn: day("2026-03-02"), number: 3 },
    ];
    expect([...items].sort(compareDueItems).map((i) => i.number)).toEqual([9, 3, 7, 1]);
  });
});

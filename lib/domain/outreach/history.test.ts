import { describe, expect, it } from "vitest";

import type { CaseState } from "./states";
import { eventFromRecord, OutreachHistoryError, snapshotFromHistory, type OutreachEventRecord } from "./history";
import { INITIAL_SNAPSHOT } from "./snapshot";
import { at, day, ev } from "./test-support";
import { transition } from "./transitions";

/** Stored rows as a service (or the seed's factories) writes them: with the states they went from and to. */
type StoredRow = OutreachEventRecord & { fromState: CaseState; toState: CaseState };
const row = (r: Partial<StoredRow> & Pick<StoredRow, "kind" | "occurredAt" | "fromState" | "toState">): StoredRow => ({
  visitOutcome: null, noticeLeft: null, indecentHousing: null, jointVisit: false, channel: null, closureReason: null, note: null, ...r,
});

const NO_CONTACT_SEQUENCE: StoredRow[] = [
  row({ kind: "LETTER_TENANT", occurredAt: at("2026-01-05T08:00:00Z"), fromState: "IDENTIFIED", toState: "FIRST_LETTER_SENT", channel: "MAIL" }),
  row({ kind: "LETTER_LANDLORD", occurredAt: at("2026-01-05T08:05:00Z"), fromState: "FIRST_LETTER_SENT", toState: "FIRST_LETTER_SENT", channel: "MAIL" }),
  row({ kind: "VISIT", occurredAt: at("2026-01-15T17:30:00Z"), fromState: "FIRST_LETTER_SENT", toState: "VISIT_1_FAILED", visitOutcome: "ABSENT", noticeLeft: true }),
  row({ kind: "VISIT", occurredAt: at("2026-01-26T06:30:00Z"), fromState: "VISIT_1_FAILED", toState: "VISIT_2_FAILED", visitOutcome: "ABSENT", noticeLeft: true, jointVisit: true }),
  row({ kind: "REMINDER", occurredAt: at("2026-02-10T08:00:00Z"), fromState: "VISIT_2_FAILED", toState: "REMINDER_SENT", channel: "MAIL" }),
  row({ kind: "CLOSURE", occurredAt: at("2026-03-01T14:00:00Z"), fromState: "REMINDER_SENT", toState: "CLOSED", closureReason: "NO_CONTACT" }),
];

const SUPPORT_SEQUENCE: StoredRow[] = [
  row({ kind: "LETTER_TENANT", occurredAt: at("2026-01-05T08:00:00Z"), fromState: "IDENTIFIED", toState: "FIRST_LETTER_SENT" }),
  row({ kind: "LETTER_LANDLORD", occurredAt: at("2026-01-05T08:05:00Z"), fromState: "FIRST_LETTER_SENT", toState: "FIRST_LETTER_SENT" }),
  row({ kind: "LANDLORD_CONTACT", occurredAt: at("2026-01-09T13:00:00Z"), fromState: "FIRST_LETTER_SENT", toState: "FIRST_LETTER_SENT", channel: "PHONE" }),
  row({ kind: "HOUSEHOLD_CONTACT", occurredAt: at("2026-01-12T09:30:00Z"), fromState: "FIRST_LETTER_SENT", toState: "SUPPORTED", channel: "PHONE" }),
  row({ kind: "HOUSEHOLD_CONTACT", occurredAt: at("2026-01-19T09:30:00Z"), fromState: "SUPPORTED", toState: "SUPPORTED", channel: "OFFICE" }),
  row({ kind: "CLOSURE", occurredAt: at("2026-04-30T15:00:00Z"), fromState: "SUPPORTED", toState: "CLOSED", closureReason: "SUPPORT_COMPLETED" }),
];

const GONE_SEQUENCE: StoredRow[] = [
  row({ kind: "LETTER_TENANT", occurredAt: at("2026-01-05T08:00:00Z"), fromState: "IDENTIFIED", toState: "FIRST_LETTER_SENT" }),
  row({ kind: "VISIT", occurredAt: at("2026-01-15T06:30:00Z"), fromState: "FIRST_LETTER_SENT", toState: "VISIT_1_FAILED", visitOutcome: "NOT_AT_ADDRESS", noticeLeft: false }),
  row({ kind: "CLOSURE", occurredAt: at("2026-01-16T15:00:00Z"), fromState: "VISIT_1_FAILED", toState: "CLOSED", closureReason: "NOT_AT_ADDRESS" }),
];

const REOPEN_SEQUENCE: StoredRow[] = [
  ...NO_CONTACT_SEQUENCE,
  row({ kind: "REOPENING", occurredAt: at("2026-03-05T10:00:00Z"), fromState: "CLOSED", toState: "REMINDER_SENT", note: "Le ménage a rappelé." }),
  row({ kind: "HOUSEHOLD_CONTACT", occurredAt: at("2026-03-05T10:05:00Z"), fromState: "REMINDER_SENT", toState: "SUPPORTED", channel: "PHONE" }),
];

describe("snapshotFromHistory agrees with transition", () => {
  it.each([
    ["letter → absent → absent → reminder → close NO_CONTACT", NO_CONTACT_SEQUENCE],
    ["letter → household contact → supported → close SUPPORT_COMPLETED", SUPPORT_SEQUENCE],
    ["letter → visit NOT_AT_ADDRESS → close NOT_AT_ADDRESS", GONE_SEQUENCE],
    ["closed NO_CONTACT → reopened → contact", REOPEN_SEQUENCE],
  ])("%s", (_name, rows) => {
    const events = rows.map((r, i) => eventFromRecord(r, i));
    rows.forEach((stored, i) => {
      const before = snapshotFromHistory(events.slice(0, i));
      expect(before.state, `before event ${i}`).toBe(stored.fromState);
      // Each event, replayed at its own instant, is accepted and leads to the stored state…
      const r = transition(before, events[i]!, { now: stored.occurredAt, actorRole: "SOCIAL_WORKER" });
      if (!r.ok) throw new Error(`event ${i} (${stored.kind}) refused: ${r.code} ${r.message}`);
      expect(r.to, `after event ${i}`).toBe(stored.toState);
      // …and the snapshot it returns is the fold of the history with it.
      expect(r.snapshot).toEqual(snapshotFromHistory(events.slice(0, i + 1)));
    });
  });

  it("folds the no-contact sequence into these facts", () => {
    expect(snapshotFromHistory(NO_CONTACT_SEQUENCE.map((r) => eventFromRecord(r)))).toEqual({
      state: "CLOSED",
      firstLetterTenantSentOn: day("2026-01-05"),
      landlordLetterSentOn: day("2026-01-05"),
      failedVisits: 2,
      lastFailedVisitOn: day("2026-01-26"),
      reminderDueOn: day("2026-02-10"),
      reminderSentOn: day("2026-02-10"),
      provedGone: false,
      supported: false,
      closedOn: day("2026-03-01"),
      closureReason: "NO_CONTACT",
      stateBeforeClosure: "REMINDER_SENT",
      lastEventAt: at("2026-03-01T14:00:00Z"),
    });
  });

  it("folds the support sequence into these facts", () => {
    expect(snapshotFromHistory(SUPPORT_SEQUENCE.map((r) => eventFromRecord(r)))).toEqual({
      state: "CLOSED",
      firstLetterTenantSentOn: day("2026-01-05"),
      landlordLetterSentOn: day("2026-01-05"),
      failedVisits: 0,
      provedGone: false,
      supported: true,
      firstContactOn: day("2026-01-12"),
      closedOn: day("2026-04-30"),
      closureReason: "SUPPORT_COMPLETED",
      stateBeforeClosure: "SUPPORTED",
      lastEventAt: at("2026-04-30T15:00:00Z"),
    });
  });
});

describe("snapshotFromHistory", () => {
  it("starts from an identified case", () => {
    expect(snapshotFromHistory([])).toEqual(INITIAL_SNAPSHOT);
  });

  it("sorts by instant and keeps the given order for equal instants", () => {
    const t = at("2026-01-05T08:00:00Z");
    const shuffled = [ev.visit(at("2026-01-15T17:30:00Z"), "ABSENT"), ev.letterTenant(t), ev.letterLandlord(t)];
    const s = snapshotFromHistory(shuffled);
    expect(s).toMatchObject({ state: "VISIT_1_FAILED", failedVisits: 1, firstLetterTenantSentOn: day("2026-01-05") });
  });

  it("follows the table but not the guards: a stored history is what happened", () => {
    // A reminder sent a day early (before the rule existed) is still folded.
    const s = snapshotFromHistory([
      ev.visit(at("2026-01-15T17:30:00Z"), "ABSENT"),
      ev.visit(at("2026-01-26T06:30:00Z"), "ABSENT"),
      ev.reminder(at("2026-02-09T08:00:00Z")),
    ]);
    expect(s).toMatchObject({ state: "REMINDER_SENT", reminderDueOn: day("2026-02-10"), reminderSentOn: day("2026-02-09") });
  });

  it("throws on a history the table cannot follow", () => {
    expect(() => snapshotFromHistory([ev.letterTenant(at("2026-01-05T08:00:00Z")), ev.reminder(at("2026-01-06T08:00:00Z"))])).toThrow(
      new OutreachHistoryError("event 1: REMINDER is not a step from FIRST_LETTER_SENT", 1),
    );
    expect(() => snapshotFromHistory([ev.close(at("2026-01-05T08:00:00Z"), "ALREADY_FOLLOWED"), ev.sms(at("2026-01-06T08:00:00Z"))])).toThrow(
      OutreachHistoryError,
    );
  });
});

describe("eventFromRecord", () => {
  it("reads a Prisma-shaped row", () => {
    expect(eventFromRecord(NO_CONTACT_SEQUENCE[3]!)).toEqual({
      kind: "VISIT", occurredAt: at("2026-01-26T06:30:00Z"), outcome: "ABSENT", noticeLeft: true, indecentHousing: false, jointVisit: true,
    });
    expect(eventFromRecord(REOPEN_SEQUENCE[6]!)).toEqual({ kind: "REOPENING", occurredAt: at("2026-03-05T10:00:00Z"), reason: "Le ménage a rappelé." });
    expect(eventFromRecord(NO_CONTACT_SEQUENCE[0]!)).toEqual({ kind: "LETTER_TENANT", occurredAt: at("2026-01-05T08:00:00Z") });
  });

  it("throws when a row lacks what its kind needs", () => {
    const t = at("2026-01-05T08:00:00Z");
    expect(() => eventFromRecord({ kind: "VISIT", occurredAt: t }, 4)).toThrow("event 4: VISIT without visitOutcome");
    expect(() => eventFromRecord({ kind: "HOUSEHOLD_CONTACT", occurredAt: t })).toThrow(OutreachHistoryError);
    expect(() => eventFromRecord({ kind: "CLOSURE", occurredAt: t, closureReason: null })).toThrow(OutreachHistoryError);
  });
});

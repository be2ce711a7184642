import { describe, expect, it } from "vitest";

import { toIsoDay } from "@/lib/utils/dates";

import { reminderDueOn } from "./reminder";
import type { CaseSnapshot } from "./snapshot";
import { at, day, ev, SNAPSHOTS, worker } from "./test-support";
import { transition } from "./transitions";

/** The case after its second unsuccessful visit at `visitAt`. */
function afterSecondVisit(visitAt: Date): CaseSnapshot {
  const r = transition(SNAPSHOTS.VISIT_1_FAILED, ev.visit(visitAt, "ABSENT"), worker(visitAt));
  if (!r.ok) throw new Error(r.message);
  return r.snapshot;
}

describe("the reminder, 15 days after the second unsuccessful visit", () => {
  it("falls due 15 Paris calendar days later across the spring daylight-saving change", () => {
    // 19:30 in Paris on 20 March 2026 (UTC+1); clocks go forward on 29 March.
    const visitAt = at("2026-03-20T18:30:00Z");
    const r = transition(SNAPSHOTS.VISIT_1_FAILED, ev.visit(visitAt, "ABSENT"), worker(visitAt));
    expect(r).toMatchObject({ ok: true, to: "VISIT_2_FAILED", effects: { due: "REMINDER", dueOn: day("2026-04-04") } });
    const s = afterSecondVisit(visitAt);
    expect(toIsoDay(s.reminderDueOn as Date)).toBe("2026-04-04");

    // 23:59:59 in Paris on 3 April (UTC+2 by then): too early, and the message gives the date.
    const eve = at("2026-04-03T21:59:59Z");
    expect(transition(s, ev.reminder(eve), worker(eve))).toEqual({
      ok: false,
      code: "TOO_EARLY",
      message: "La relance ne peut être envoyée qu'à partir du 4 avril 2026, 15 jours après la deuxième visite sans contact.",
    });
    // Midnight in Paris on 4 April.
    const midnight = at("2026-04-03T22:00:00Z");
    expect(transition(s, ev.reminder(midnight), worker(midnight))).toMatchObject({ ok: true, to: "REMINDER_SENT" });
  });

  it("counts from the visit's day in Paris, not in UTC, across a month end", () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Paris.
    expect(afterSecondVisit(at("2026-01-31T23:30:00Z")).reminderDueOn).toEqual(day("2026-02-16"));
    // 22:30 UTC is still 31 January in Paris (23:30).
    expect(afterSecondVisit(at("2026-01-31T22:30:00Z")).reminderDueOn).toEqual(day("2026-02-15"));
    const feb15 = at("2026-02-15T12:00:00Z");
    expect(transition(afterSecondVisit(at("2026-01-31T23:30:00Z")), ev.reminder(feb15), worker(feb15))).toMatchObject({ code: "TOO_EARLY" });
  });

  it("crosses the autumn change and a leap day", () => {
    // 20 October 2026, 20:00 Paris (UTC+2); clocks go back on 25 October.
    expect(reminderDueOn(at("2026-10-20T18:00:00Z"))).toEqual(day("2026-11-04"));
    expect(reminderDueOn(at("2028-02-20T10:00:00Z"))).toEqual(day("2028-03-06"));
  });

  it("is judged on the reminder's own date, not the day it is typed in", () => {
    const s = afterSecondVisit(at("2026-01-26T06:30:00Z"));
    const now = at("2026-02-20T10:00:00Z");
    // Typed in late, dated the day before it was due: refused.
    expect(transition(s, ev.reminder(at("2026-02-09T10:00:00Z")), worker(now))).toMatchObject({ code: "TOO_EARLY" });
    expect(transition(s, ev.reminder(at("2026-02-10T10:00:00Z")), worker(now))).toMatchObject({ ok: true });
  });

  it("is refused, as too early, when the snapshot does not know the second visit's date", () => {
    const { reminderDueOn: _unknown, ...s } = SNAPSHOTS.VISIT_2_FAILED;
    expect(transition(s, ev.reminder(at("2026-03-01T10:00:00Z")), worker())).toMatchObject({ code: "TOO_EARLY" });
  });

  it("is not sent twice, nor before two failed visits, nor to a supported household", () => {
    for (const state of ["IDENTIFIED", "FIRST_LETTER_SENT", "VISIT_1_FAILED", "REMINDER_SENT", "SUPPORTED"] as const) {
      expect(transition(SNAPSHOTS[state], ev.reminder(at("2026-03-01T10:00:00Z")), worker())).toMatchObject({ code: "NOT_ALLOWED_FROM_STATE" });
    }
  });
});

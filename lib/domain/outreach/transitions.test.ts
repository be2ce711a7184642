import { describe, expect, it } from "vitest";

import { CLOSURE_REASON_LABELS, OUTREACH_KIND_LABELS, VISIT_OUTCOME_LABELS, type ClosureReason, type OutreachKind, type VisitOutcome } from "@/lib/domain/labels";
import { ROLES } from "@/lib/domain/roles";

import type { OutreachEvent } from "./events";
import type { RefusalCode } from "./refusals";
import type { CaseSnapshot } from "./snapshot";
import { CASE_STATES, type CaseState } from "./states";
import { at, day, ev, NOW, SNAPSHOTS, worker } from "./test-support";
import { findRow, transition, TRANSITIONS } from "./transitions";

const T = at("2026-03-10T09:00:00Z"); // an hour before NOW, after every fixture event

/** One event per column; every kind appears, visits once per outcome. */
const COLUMNS = {
  LETTER_TENANT: ev.letterTenant(T),
  LETTER_LANDLORD: ev.letterLandlord(T),
  SMS: ev.sms(T),
  EMAIL: ev.email(T),
  PHONE_CALL: ev.phoneCall(T),
  HOUSEHOLD_CONTACT: ev.contact(T),
  VISIT_MET: ev.visit(T, "MET"),
  VISIT_ABSENT: ev.visit(T, "ABSENT"),
  VISIT_REFUSED: ev.visit(T, "REFUSED"),
  VISIT_MOVED_OUT: ev.visit(T, "MOVED_OUT"),
  VISIT_NOT_AT_ADDRESS: ev.visit(T, "NOT_AT_ADDRESS"),
  REMINDER: ev.reminder(T),
  LANDLORD_CONTACT: ev.landlordContact(T),
  CLOSURE_ALREADY_FOLLOWED: ev.close(T, "ALREADY_FOLLOWED"),
  CLOSURE_NO_CONTACT: ev.close(T, "NO_CONTACT"),
  CLOSURE_SUPPORT_COMPLETED: ev.close(T, "SUPPORT_COMPLETED"),
  REOPENING: ev.reopen(T),
} satisfies Record<string, OutreachEvent>;
type Column = keyof typeof COLUMNS;

/** The state reached, or the refusal code. Written out by hand: this is the specification. */
type Outcome = CaseState | RefusalCode;
const NA: RefusalCode = "NOT_ALLOWED_FROM_STATE";
const RNA: RefusalCode = "REASON_NOT_ALLOWED";
const CC: RefusalCode = "CASE_CLOSED";

const EXPECTED: Record<CaseState, Record<Column, Outcome>> = {
  IDENTIFIED: {
    LETTER_TENANT: "FIRST_LETTER_SENT", LETTER_LANDLORD: "IDENTIFIED", SMS: "IDENTIFIED", EMAIL: "IDENTIFIED", PHONE_CALL: "IDENTIFIED",
    HOUSEHOLD_CONTACT: "SUPPORTED", VISIT_MET: "SUPPORTED", VISIT_ABSENT: "VISIT_1_FAILED", VISIT_REFUSED: "VISIT_1_FAILED",
    VISIT_MOVED_OUT: "VISIT_1_FAILED", VISIT_NOT_AT_ADDRESS: "VISIT_1_FAILED", REMINDER: NA, LANDLORD_CONTACT: "IDENTIFIED",
    CLOSURE_ALREADY_FOLLOWED: "CLOSED", CLOSURE_NO_CONTACT: RNA, CLOSURE_SUPPORT_COMPLETED: RNA, REOPENING: NA,
  },
  FIRST_LETTER_SENT: {
    LETTER_TENANT: "FIRST_LETTER_SENT", LETTER_LANDLORD: "FIRST_LETTER_SENT", SMS: "FIRST_LETTER_SENT", EMAIL: "FIRST_LETTER_SENT",
    PHONE_CALL: "FIRST_LETTER_SENT", HOUSEHOLD_CONTACT: "SUPPORTED", VISIT_MET: "SUPPORTED", VISIT_ABSENT: "VISIT_1_FAILED",
    VISIT_REFUSED: "VISIT_1_FAILED", VISIT_MOVED_OUT: "VISIT_1_FAILED", VISIT_NOT_AT_ADDRESS: "VISIT_1_FAILED", REMINDER: NA,
    LANDLORD_CONTACT: "FIRST_LETTER_SENT", CLOSURE_ALREADY_FOLLOWED: "CLOSED", CLOSURE_NO_CONTACT: RNA, CLOSURE_SUPPORT_COMPLETED: RNA,
    REOPENING: NA,
  },
  VISIT_1_FAILED: {
    LETTER_TENANT: "VISIT_1_FAILED", LETTER_LANDLORD: "VISIT_1_FAILED", SMS: "VISIT_1_FAILED", EMAIL: "VISIT_1_FAILED",
    PHONE_CALL: "VISIT_1_FAILED", HOUSEHOLD_CONTACT: "SUPPORTED", VISIT_MET: "SUPPORTED", VISIT_ABSENT: "VISIT_2_FAILED",
    VISIT_REFUSED: "VISIT_2_FAILED", VISIT_MOVED_OUT: "VISIT_2_FAILED", VISIT_NOT_AT_ADDRESS: "VISIT_2_FAILED", REMINDER: NA,
    LANDLORD_CONTACT: "VISIT_1_FAILED", CLOSURE_ALREADY_FOLLOWED: "CLOSED", CLOSURE_NO_CONTACT: RNA, CLOSURE_SUPPORT_COMPLETED: RNA,
    REOPENING: NA,
  },
  VISIT_2_FAILED: {
    LETTER_TENANT: "VISIT_2_FAILED", LETTER_LANDLORD: "VISIT_2_FAILED", SMS: "VISIT_2_FAILED", EMAIL: "VISIT_2_FAILED",
    PHONE_CALL: "VISIT_2_FAILED", HOUSEHOLD_CONTACT: "SUPPORTED", VISIT_MET: "SUPPORTED", VISIT_ABSENT: "VISIT_2_FAILED",
    VISIT_REFUSED: "VISIT_2_FAILED", VISIT_MOVED_OUT: "VISIT_2_FAILED", VISIT_NOT_AT_ADDRESS: "VISIT_2_FAILED", REMINDER: "REMINDER_SENT",
    LANDLORD_CONTACT: "VISIT_2_FAILED", CLOSURE_ALREADY_FOLLOWED: "CLOSED", CLOSURE_NO_CONTACT: RNA, CLOSURE_SUPPORT_COMPLETED: RNA,
    REOPENING: NA,
  },
  REMINDER_SENT: {
    LETTER_TENANT: "REMINDER_SENT", LETTER_LANDLORD: "REMINDER_SENT", SMS: "REMINDER_SENT", EMAIL: "REMINDER_SENT",
    PHONE_CALL: "REMINDER_SENT", HOUSEHOLD_CONTACT: "SUPPORTED", VISIT_MET: "SUPPORTED", VISIT_ABSENT: "REMINDER_SENT",
    VISIT_REFUSED: "REMINDER_SENT", VISIT_MOVED_OUT: "REMINDER_SENT", VISIT_NOT_AT_ADDRESS: "REMINDER_SENT", REMINDER: NA,
    LANDLORD_CONTACT: "REMINDER_SENT", CLOSURE_ALREADY_FOLLOWED: "CLOSED", CLOSURE_NO_CONTACT: "CLOSED", CLOSURE_SUPPORT_COMPLETED: RNA,
    REOPENING: NA,
  },
  SUPPORTED: {
    LETTER_TENANT: NA, LETTER_LANDLORD: "SUPPORTED", SMS: "SUPPORTED", EMAIL: "SUPPORTED", PHONE_CALL: "SUPPORTED",
    HOUSEHOLD_CONTACT: "SUPPORTED", VISIT_MET: "SUPPORTED", VISIT_ABSENT: "SUPPORTED", VISIT_REFUSED: "SUPPORTED",
    VISIT_MOVED_OUT: "SUPPORTED", VISIT_NOT_AT_ADDRESS: "SUPPORTED", REMINDER: NA, LANDLORD_CONTACT: "SUPPORTED",
    CLOSURE_ALREADY_FOLLOWED: "CLOSED", CLOSURE_NO_CONTACT: RNA, CLOSURE_SUPPORT_COMPLETED: "CLOSED", REOPENING: NA,
  },
  CLOSED: {
    LETTER_TENANT: CC, LETTER_LANDLORD: CC, SMS: CC, EMAIL: CC, PHONE_CALL: CC, HOUSEHOLD_CONTACT: CC, VISIT_MET: CC,
    VISIT_ABSENT: CC, VISIT_REFUSED: CC, VISIT_MOVED_OUT: CC, VISIT_NOT_AT_ADDRESS: CC, REMINDER: CC, LANDLORD_CONTACT: CC,
    CLOSURE_ALREADY_FOLLOWED: CC, CLOSURE_NO_CONTACT: CC, CLOSURE_SUPPORT_COMPLETED: CC, REOPENING: "REMINDER_SENT",
  },
};

const outcomeOf = (s: CaseSnapshot, e: OutreachEvent): Outcome => {
  const r = transition(s, e, worker());
  return r.ok ? r.to : r.code;
};

describe("the transition table, state × event", () => {
  it("has a column for every kind of event and every visit outcome", () => {
    const kinds = new Set(Object.values(COLUMNS).map((e) => e.kind));
    expect([...kinds].sort()).toEqual((Object.keys(OUTREACH_KIND_LABELS) as OutreachKind[]).sort());
    const outcomes = new Set(Object.values(COLUMNS).flatMap((e) => (e.kind === "VISIT" ? [e.outcome] : [])));
    expect([...outcomes].sort()).toEqual((Object.keys(VISIT_OUTCOME_LABELS) as VisitOutcome[]).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...CASE_STATES].sort());
  });

  const pairs = CASE_STATES.flatMap((state) => (Object.keys(COLUMNS) as Column[]).map((column) => [state, column] as const));
  it.each(pairs)("%s + %s", (state, column) => {
    expect(outcomeOf(SNAPSHOTS[state], COLUMNS[column])).toBe(EXPECTED[state][column]);
  });

  it("never has two rows for the same state, event and visit outcome", () => {
    for (const state of CASE_STATES) {
      for (const e of Object.values(COLUMNS)) {
        const rows = TRANSITIONS.filter(
          (row) => row.event === e.kind && row.from.includes(state) && (e.kind !== "VISIT" || !row.outcomes || row.outcomes.includes(e.outcome)),
        );
        expect(rows.length, `${state} + ${e.kind}`).toBeLessThanOrEqual(1);
        expect(findRow(state, e)).toBe(rows[0]);
      }
    }
  });

  it("gives a French message with every refusal", () => {
    for (const state of CASE_STATES) {
      for (const e of Object.values(COLUMNS)) {
        const r = transition(SNAPSHOTS[state], e, worker());
        if (!r.ok) expect(r.message).toMatch(/[a-zé].*\S/);
      }
    }
    const r = transition(SNAPSHOTS.FIRST_LETTER_SENT, ev.reminder(T), worker());
    expect(r).toMatchObject({ ok: false, message: "La relance n'est possible qu'après la deuxième visite sans contact." });
  });
});

describe("who may record", () => {
  it.each(ROLES)("%s", (role) => {
    const r = transition(SNAPSHOTS.FIRST_LETTER_SENT, ev.visit(T, "ABSENT"), worker(NOW, role));
    const expected: Record<typeof role, boolean> = { SOCIAL_WORKER: true, JURIST: true, COORDINATOR: true, ADMIN: false, FUNDER_VIEWER: false };
    if (expected[role]) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses a funder viewer before saying anything about the case", () => {
    expect(transition(SNAPSHOTS.CLOSED, ev.reopen(T), worker(NOW, "FUNDER_VIEWER"))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the event's instant", () => {
  it("may be now but not one millisecond later", () => {
    const s = SNAPSHOTS.FIRST_LETTER_SENT;
    expect(transition(s, ev.visit(NOW, "ABSENT"), worker()).ok).toBe(true);
    const r = transition(s, ev.visit(new Date(NOW.getTime() + 1), "ABSENT"), worker());
    expect(r).toMatchObject({ ok: false, code: "IN_FUTURE", message: "La date indiquée (10/03/2026 à 11:00) est dans le futur." });
  });

  it("may not be before the case's last event", () => {
    const s = SNAPSHOTS.VISIT_1_FAILED; // last event 2026-01-15T17:30Z
    expect(transition(s, ev.visit(at("2026-01-15T17:29:00Z"), "ABSENT"), worker())).toMatchObject({ code: "BEFORE_LAST_EVENT" });
    expect(transition(s, ev.visit(at("2026-01-15T17:30:00Z"), "ABSENT"), worker()).ok).toBe(true);
  });

  it("may be logged after the fact, but not before the case's identification day (issue 15)", () => {
    const s = SNAPSHOTS.FIRST_LETTER_SENT;
    const ctx = { ...worker(), identifiedOn: at("2026-01-20T00:00:00Z") };
    // 2026-01-19T23:30Z is already the 20th in Paris (UTC+1); 22:30Z is still the 19th.
    expect(transition(s, ev.visit(at("2026-01-19T23:30:00Z"), "ABSENT"), ctx).ok).toBe(true);
    const r = transition(s, ev.visit(at("2026-01-19T22:30:00Z"), "ABSENT"), ctx);
    expect(r).toMatchObject({ ok: false, code: "BEFORE_IDENTIFICATION" });
    expect(!r.ok && r.message).toContain("antérieure à l'identification du dossier (20 janvier 2026)");
  });
});

describe("effects", () => {
  const accepted = (s: CaseSnapshot, e: OutreachEvent) => {
    const r = transition(s, e, worker());
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    return r;
  };

  it("first tenant letter: the first visit is next; the landlord letter changes nothing", () => {
    const r = accepted(SNAPSHOTS.IDENTIFIED, ev.letterTenant(at("2026-01-05T08:00:00Z")));
    expect(r.effects).toEqual({ due: "FIRST_VISIT" });
    expect(r.snapshot.firstLetterTenantSentOn).toEqual(day("2026-01-05"));
    const l = accepted(r.snapshot, ev.letterLandlord(at("2026-01-05T08:05:00Z")));
    expect(l).toMatchObject({ from: "FIRST_LETTER_SENT", to: "FIRST_LETTER_SENT", effects: {} });
    expect(l.snapshot.landlordLetterSentOn).toEqual(day("2026-01-05"));
  });

  it("a visit before the letter (urgent case) is the first visit; the letter sent afterwards does not move the case back", () => {
    const v = accepted(SNAPSHOTS.IDENTIFIED, ev.visit(at("2026-01-05T17:30:00Z"), "ABSENT"));
    expect(v).toMatchObject({ to: "VISIT_1_FAILED", effects: { due: "SECOND_VISIT" } });
    const l = accepted(v.snapshot, ev.letterTenant(at("2026-01-06T08:00:00Z")));
    expect(l.to).toBe("VISIT_1_FAILED");
    expect(l.snapshot.firstLetterTenantSentOn).toEqual(day("2026-01-06"));
  });

  it("a refused visit counts as unsuccessful and does not open the 'declined' closure", () => {
    const r = accepted(SNAPSHOTS.VISIT_1_FAILED, ev.visit(at("2026-01-26T06:30:00Z"), "REFUSED"));
    expect(r).toMatchObject({ to: "VISIT_2_FAILED", effects: { due: "REMINDER", dueOn: day("2026-02-10") } });
    expect(r.snapshot).toMatchObject({ failedVisits: 2, supported: false, provedGone: false });
    expect(transition(r.snapshot, ev.close(T, "DECLINED_TO_CONTINUE"), worker())).toMatchObject({ code: "REASON_NOT_ALLOWED" });
  });

  it("a visit that finds the household gone proves it and makes closure due", () => {
    const r = accepted(SNAPSHOTS.FIRST_LETTER_SENT, ev.visit(at("2026-01-15T17:30:00Z"), "NOT_AT_ADDRESS"));
    expect(r).toMatchObject({ to: "VISIT_1_FAILED", effects: { due: "CLOSURE_GONE" } });
    expect(r.snapshot).toMatchObject({ provedGone: true, failedVisits: 1 });
  });

  it("first contact sets supported and the day of contact, in Paris; later contacts do not", () => {
    // 23:30 UTC on 27 Jan is 00:30 on 28 Jan in Paris.
    const r = accepted(SNAPSHOTS.VISIT_2_FAILED, ev.contact(at("2026-01-27T23:30:00Z"), "OFFICE"));
    expect(r).toMatchObject({ to: "SUPPORTED", effects: { supported: true, firstContactOn: day("2026-01-28") } });
    const again = accepted(r.snapshot, ev.contact(at("2026-02-03T10:00:00Z")));
    expect(again.effects).toEqual({});
    expect(again.snapshot.firstContactOn).toEqual(day("2026-01-28"));
  });

  it("a visit that meets the household is contact, even after the reminder", () => {
    const r = accepted(SNAPSHOTS.REMINDER_SENT, ev.visit(at("2026-02-20T18:00:00Z"), "MET"));
    expect(r).toMatchObject({ to: "SUPPORTED", effects: { supported: true, firstContactOn: day("2026-02-20") } });
    expect(r.snapshot.failedVisits).toBe(2);
  });

  it("a visit during support is an appointment, not a failed outreach visit", () => {
    const r = accepted(SNAPSHOTS.SUPPORTED, ev.visit(at("2026-02-01T17:00:00Z"), "ABSENT"));
    expect(r.effects).toEqual({});
    expect(r.snapshot.failedVisits).toBe(SNAPSHOTS.SUPPORTED.failedVisits);
  });

  it("a third failed visit is recorded without moving the case or the reminder's date", () => {
    const r = accepted(SNAPSHOTS.VISIT_2_FAILED, ev.visit(at("2026-02-02T06:30:00Z"), "ABSENT"));
    expect(r).toMatchObject({ to: "VISIT_2_FAILED", effects: {} });
    expect(r.snapshot).toMatchObject({ failedVisits: 3, lastFailedVisitOn: day("2026-02-02"), reminderDueOn: day("2026-02-10") });
  });

  it("an outgoing call nobody answered changes nothing", () => {
    const r = accepted(SNAPSHOTS.VISIT_1_FAILED, ev.phoneCall(T));
    expect(r).toMatchObject({ from: "VISIT_1_FAILED", to: "VISIT_1_FAILED", effects: {} });
    expect(r.snapshot.supported).toBe(false);
  });

  it("the reminder makes the no-contact closure possible from its day", () => {
    const r = accepted(SNAPSHOTS.VISIT_2_FAILED, ev.reminder(at("2026-02-10T08:00:00Z")));
    expect(r.effects).toEqual({ due: "CLOSURE_NO_CONTACT", dueOn: day("2026-02-10") });
    expect(r.snapshot.reminderSentOn).toEqual(day("2026-02-10"));
  });

  it("closure records the Paris day and the reason", () => {
    // 23:15 UTC on 1 March is 00:15 on 2 March in Paris.
    const r = accepted(SNAPSHOTS.REMINDER_SENT, ev.close(at("2026-03-01T23:15:00Z"), "NO_CONTACT"));
    expect(r.effects).toEqual({ closedOn: day("2026-03-02"), closureReason: "NO_CONTACT" });
    expect(r.snapshot).toMatchObject({ state: "CLOSED", stateBeforeClosure: "REMINDER_SENT", closedOn: day("2026-03-02") });
  });
});

describe("reopening", () => {
  it("goes back to the outreach step the case was closed from, and clears the closure", () => {
    const r = transition(SNAPSHOTS.CLOSED, ev.reopen(T), worker());
    expect(r).toMatchObject({ ok: true, from: "CLOSED", to: "REMINDER_SENT", effects: { closedOn: null, closureReason: null } });
    if (!r.ok) return;
    expect(r.snapshot.closedOn).toBeUndefined();
    expect(r.snapshot.closureReason).toBeUndefined();
    // The sequence resumes where it stopped: a no-contact closure is possible again.
    expect(transition(r.snapshot, ev.close(NOW, "NO_CONTACT"), worker()).ok).toBe(true);
  });

  it("goes back to support for a household that was supported", () => {
    const closed = transition(SNAPSHOTS.SUPPORTED, ev.close(at("2026-02-15T10:00:00Z"), "DECLINED_TO_CONTINUE"), worker());
    if (!closed.ok) throw new Error(closed.message);
    const r = transition(closed.snapshot, ev.reopen(T, "Le ménage souhaite reprendre l'accompagnement."), worker());
    expect(r).toMatchObject({ ok: true, to: "SUPPORTED" });
    if (r.ok) expect(r.snapshot).toMatchObject({ supported: true, firstContactOn: day("2026-01-20") });
  });

  it("needs a reason", () => {
    expect(transition(SNAPSHOTS.CLOSED, ev.reopen(T, "   "), worker())).toMatchObject({
      ok: false,
      code: "MISSING_REASON",
      message: "Indiquez le motif de la réouverture.",
    });
  });

  it("falls back on the supported flag when the snapshot lacks the state before closure", () => {
    const { stateBeforeClosure: _ignored, ...legacy } = SNAPSHOTS.CLOSED;
    expect(transition(legacy, ev.reopen(T), worker())).toMatchObject({ to: "IDENTIFIED" });
    expect(transition({ ...legacy, supported: true }, ev.reopen(T), worker())).toMatchObject({ to: "SUPPORTED" });
  });
});

// The closure matrix: which reasons close a case in each state, without and with a visit that proved the household gone.
const REASONS = Object.keys(CLOSURE_REASON_LABELS) as ClosureReason[];
const ALLOWED_REASONS: Record<Exclude<CaseState, "CLOSED">, { plain: ClosureReason[]; provedGone: ClosureReason[] }> = {
  IDENTIFIED: { plain: ["ALREADY_FOLLOWED"], provedGone: ["ALREADY_FOLLOWED", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"] },
  FIRST_LETTER_SENT: { plain: ["ALREADY_FOLLOWED"], provedGone: ["ALREADY_FOLLOWED", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"] },
  VISIT_1_FAILED: { plain: ["ALREADY_FOLLOWED"], provedGone: ["ALREADY_FOLLOWED", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"] },
  VISIT_2_FAILED: { plain: ["ALREADY_FOLLOWED"], provedGone: ["ALREADY_FOLLOWED", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"] },
  REMINDER_SENT: {
    plain: ["ALREADY_FOLLOWED", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"],
    provedGone: ["ALREADY_FOLLOWED", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"],
  },
  SUPPORTED: {
    plain: ["ALREADY_FOLLOWED", "SUPPORT_COMPLETED", "REFERRED_TO_MDS", "DEBT_PAID_OFF", "DECLINED_TO_CONTINUE", "LEFT_DWELLING", "NOT_AT_ADDRESS"],
    provedGone: ["ALREADY_FOLLOWED", "SUPPORT_COMPLETED", "REFERRED_TO_MDS", "DEBT_PAID_OFF", "DECLINED_TO_CONTINUE", "LEFT_DWELLING", "NOT_AT_ADDRESS"],
  },
};

describe("closure reasons by state", () => {
  const cases = (Object.keys(ALLOWED_REASONS) as (keyof typeof ALLOWED_REASONS)[]).flatMap((state) =>
    [false, true].flatMap((provedGone) => REASONS.map((reason) => [state, provedGone, reason] as const)),
  );
  it.each(cases)("%s, proved gone %s: %s", (state, provedGone, reason) => {
    const s = { ...SNAPSHOTS[state], provedGone };
    const allowed = ALLOWED_REASONS[state][provedGone ? "provedGone" : "plain"].includes(reason);
    const r = transition(s, ev.close(T, reason), worker());
    if (allowed) expect(r).toMatchObject({ ok: true, to: "CLOSED", effects: { closureReason: reason } });
    else expect(r).toMatchObject({ ok: false, code: "REASON_NOT_ALLOWED" });
  });

  it("refuses every reason on a closed case", () => {
    for (const reason of REASONS) expect(outcomeOf(SNAPSHOTS.CLOSED, ev.close(T, reason))).toBe("CASE_CLOSED");
  });
});

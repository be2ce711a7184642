/**
 * Fixtures for the outreach tests only (not used by the app): events by
 * kind, and one hand-written snapshot per state, written out rather than
 * derived from the table so the tests can catch the table going wrong.
 */
import type { ClosureReason, ContactChannel, VisitOutcome } from "@/lib/domain/labels";
import type { Role } from "@/lib/domain/roles";
import { parseCalendarDate } from "@/lib/utils/dates";

import type { OutreachEvent } from "./events";
import type { CaseSnapshot } from "./snapshot";
import type { CaseState } from "./states";
import type { TransitionContext } from "./transitions";

export const at = (iso: string): Date => new Date(iso);
export const day = (iso: string): Date => parseCalendarDate(iso) as Date;

export const ev = {
  letterTenant: (when: Date): OutreachEvent => ({ kind: "LETTER_TENANT", occurredAt: when }),
  letterLandlord: (when: Date): OutreachEvent => ({ kind: "LETTER_LANDLORD", occurredAt: when }),
  sms: (when: Date): OutreachEvent => ({ kind: "SMS", occurredAt: when }),
  email: (when: Date): OutreachEvent => ({ kind: "EMAIL", occurredAt: when }),
  phoneCall: (when: Date): OutreachEvent => ({ kind: "PHONE_CALL", occurredAt: when }),
  contact: (when: Date, channel: ContactChannel = "PHONE"): OutreachEvent => ({ kind: "HOUSEHOLD_CONTACT", occurredAt: when, channel }),
  visit: (when: Date, outcome: VisitOutcome): OutreachEvent => ({
    kind: "VISIT",
    occurredAt: when,
    outcome,
    noticeLeft: outcome === "ABSENT",
    indecentHousing: false,
    jointVisit: false,
  }),
  reminder: (when: Date): OutreachEvent => ({ kind: "REMINDER", occurredAt: when }),
  landlordContact: (when: Date): OutreachEvent => ({ kind: "LANDLORD_CONTACT", occurredAt: when }),
  close: (when: Date, reason: ClosureReason): OutreachEvent => ({ kind: "CLOSURE", occurredAt: when, reason }),
  reopen: (when: Date, reason = "Le ménage a rappelé l'équipe."): OutreachEvent => ({ kind: "REOPENING", occurredAt: when, reason }),
};

/** After every fixture date (and after the reminder's due date). */
export const NOW = at("2026-03-10T10:00:00Z");
export const worker = (now: Date = NOW, actorRole: Role = "SOCIAL_WORKER"): TransitionContext => ({ now, actorRole });

const letters = { firstLetterTenantSentOn: day("2026-01-05"), landlordLetterSentOn: day("2026-01-05") };
const reminderSent = {
  ...letters,
  failedVisits: 2,
  lastFailedVisitOn: day("2026-01-26"),
  reminderDueOn: day("2026-02-10"),
  reminderSentOn: day("2026-02-10"),
  provedGone: false,
  supported: false,
};

/** A typical case in each state, as the fold would build it. */
export const SNAPSHOTS: Readonly<Record<CaseState, CaseSnapshot>> = {
  IDENTIFIED: { state: "IDENTIFIED", failedVisits: 0, provedGone: false, supported: false },
  FIRST_LETTER_SENT: {
    state: "FIRST_LETTER_SENT", ...letters, failedVisits: 0, provedGone: false, supported: false,
    lastEventAt: at("2026-01-05T08:05:00Z"),
  },
  VISIT_1_FAILED: {
    state: "VISIT_1_FAILED", ...letters, failedVisits: 1, lastFailedVisitOn: day("2026-01-15"), provedGone: false, supported: false,
    lastEventAt: at("2026-01-15T17:30:00Z"),
  },
  VISIT_2_FAILED: {
    state: "VISIT_2_FAILED", ...letters, failedVisits: 2, lastFailedVisitOn: day("2026-01-26"), reminderDueOn: day("2026-02-10"),
    provedGone: false, supported: false, lastEventAt: at("2026-01-26T06:30:00Z"),
  },
  REMINDER_SENT: { state: "REMINDER_SENT", ...reminderSent, lastEventAt: at("2026-02-10T08:00:00Z") },
  SUPPORTED: {
    state: "SUPPORTED", ...letters, failedVisits: 1, lastFailedVisitOn: day("2026-01-15"), provedGone: false, supported: true,
    firstContactOn: day("2026-01-20"), lastEventAt: at("2026-01-20T09:30:00Z"),
  },
  CLOSED: {
    state: "CLOSED", ...reminderSent, closedOn: day("2026-03-01"), closureReason: "NO_CONTACT", stateBeforeClosure: "REMINDER_SENT",
    lastEventAt: at("2026-03-01T14:00:00Z"),
  },
};

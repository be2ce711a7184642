import type { ClosureReason } from "@/lib/domain/labels";
import { parisToday } from "@/lib/utils/dates";

import { isGoneOutcome, type OutreachEvent } from "./events";
import { reminderDueOn } from "./reminder";
import { isOpenState, isOutreachState, type CaseState, type OpenState } from "./states";

/**
 * What the workflow rules need to know about a case: its state plus the facts
 * gathered on the way. Rebuilt from the case's outreach events with
 * `snapshotFromHistory` (history.ts); `transition` returns the next one.
 * Calendar dates are days in Europe/Paris as UTC-midnight Dates (STYLE §10).
 */
export interface CaseSnapshot {
  state: CaseState;
  /** Day of the first letter to the tenant (none yet: the to-do shows it). */
  firstLetterTenantSentOn?: Date;
  /** Day of the first letter to the landlord (none yet: "courrier au bailleur non envoyé"). */
  landlordLetterSentOn?: Date;
  /** Unsuccessful outreach visits (any outcome but MET, before support). */
  failedVisits: number;
  lastFailedVisitOn?: Date;
  /** Set by the second unsuccessful visit: that visit's day + 15. */
  reminderDueOn?: Date;
  reminderSentOn?: Date;
  /** A visit found the household gone (MOVED_OUT or NOT_AT_ADDRESS). A fact: reopening keeps it. */
  provedGone: boolean;
  /** The household has been in contact; stays true after closure (Case.supported). */
  supported: boolean;
  firstContactOn?: Date;
  closedOn?: Date;
  closureReason?: ClosureReason;
  /** The state the case was closed from: where REOPENING goes back to. */
  stateBeforeClosure?: OpenState;
  /** Instant of the last event: a new event may not be dated before it. */
  lastEventAt?: Date;
}

/** A case just identified, with no event yet. */
/**
 * Events whose order makes the workflow (letter, visits, reminder, contact,
 * closure, reopening). Side events (landlord letter and contact, SMS, e-mail,
 * an unanswered call) change no state, so recording yesterday's SMS after
 * today's visit is harmless and allowed.
 */
const SEQUENCE_KINDS: ReadonlySet<OutreachEvent["kind"]> = new Set(["LETTER_TENANT", "VISIT", "REMINDER", "HOUSEHOLD_CONTACT", "CLOSURE", "REOPENING"]);

export function isSequenceEvent(e: OutreachEvent): boolean {
  return SEQUENCE_KINDS.has(e.kind);
}

export const INITIAL_SNAPSHOT: Readonly<CaseSnapshot> = Object.freeze({
  state: "IDENTIFIED",
  failedVisits: 0,
  provedGone: false,
  supported: false,
});

/**
 * The facts an accepted event adds, `to` being the state the table chose.
 * No checks here: `transition` checks before calling it, and a stored history
 * is what happened.
 */
export function advance(s: CaseSnapshot, e: OutreachEvent, to: CaseState): CaseSnapshot {
  const day = parisToday(e.occurredAt);
  const next: CaseSnapshot = { ...s, state: to, lastEventAt: isSequenceEvent(e) ? e.occurredAt : s.lastEventAt };
  switch (e.kind) {
    case "LETTER_TENANT":
      next.firstLetterTenantSentOn ??= day;
      break;
    case "LETTER_LANDLORD":
      next.landlordLetterSentOn ??= day;
      break;
    case "VISIT":
      if (isGoneOutcome(e.outcome)) next.provedGone = true;
      // Visits during support are appointments, not outreach attempts.
      if (e.outcome !== "MET" && isOutreachState(s.state)) {
        next.failedVisits = s.failedVisits + 1;
        next.lastFailedVisitOn = day;
        if (s.state === "VISIT_1_FAILED" && to === "VISIT_2_FAILED") next.reminderDueOn = reminderDueOn(e.occurredAt);
      }
      break;
    case "REMINDER":
      next.reminderSentOn ??= day;
      break;
    case "CLOSURE":
      next.closedOn = day;
      next.closureReason = e.reason;
      if (isOpenState(s.state)) next.stateBeforeClosure = s.state;
      break;
    case "REOPENING":
      next.closedOn = undefined;
      next.closureReason = undefined;
      next.stateBeforeClosure = undefined;
      break;
  }
  if (to === "SUPPORTED" && !s.supported) {
    next.supported = true;
    next.firstContactOn = day;
  }
  return next;
}

import {
  CASE_STATE_LABELS,
  OUTREACH_KIND_LABELS,
  type ClosureReason,
  type OutreachKind,
  type OutreachStep,
  type VisitOutcome,
} from "@/lib/domain/labels";
import { scopeOf } from "@/lib/domain/permission-table";
import type { Role } from "@/lib/domain/roles";
import { formatDayLong, formatInstant, parisToday } from "@/lib/utils/dates";

import { closureReasonRefusal } from "./closure-reasons";
import { GONE_OUTCOMES, NO_ANSWER_OUTCOMES, type OutreachEvent } from "./events";
import { refuse, type Refusal } from "./refusals";
import { REMINDER_DELAY_DAYS, reminderDueOn } from "./reminder";
import { advance, isSequenceEvent, type CaseSnapshot } from "./snapshot";
import { OPEN_STATES, OUTREACH_STATES, type CaseState } from "./states";

/**
 * THE outreach workflow ("aller-vers", shared/domain/outreach.md) as one table.
 * For a case in state `from`, an event of kind `event` (for visits: with one
 * of `outcomes`) leads to `to`, provided `guard` does not refuse. No row for
 * (state, event): the step is not possible from that state. Rows never overlap
 * (a test checks it); `transition` applies them, `availableEvents` asks
 * `transition`, so the server and the buttons agree.
 *
 * Decisions (issue 3):
 * - Attempts that do not reach the household (letters, SMS, e-mail, a call
 *   nobody answered, a landlord letter or call) never move the case, except
 *   the first tenant letter, which is the FIRST_LETTER_SENT step.
 * - Any contact (HOUSEHOLD_CONTACT on any channel, whoever started it, or a
 *   visit that MET the household) moves every open outreach state to SUPPORTED.
 * - A visit may come before the letter (urgent case, hearing close): allowed
 *   from IDENTIFIED; the to-do keeps asking for the tenant letter.
 * - A REFUSED visit counts as an unsuccessful visit: the household would not
 *   talk, so no support began; the sequence (second visit, reminder) goes on
 *   and DECLINED_TO_CONTINUE is not offered (it means "after first agreeing").
 * - MOVED_OUT / NOT_AT_ADDRESS visits are unsuccessful visits too (the
 *   sequence advances as in the seed data) and prove the household gone, which
 *   opens the "gone" closures at once (closure-reasons.ts).
 * - Visits after the second failed one are recorded without moving the case
 *   and do not move the reminder's date; visits during support are appointments.
 * - The reminder is one step: only from VISIT_2_FAILED, not before its date.
 *   Further letters are LETTER_TENANT / SMS / EMAIL.
 * - REOPENING returns the case to the state it was closed from (SUPPORTED for
 *   a supported household, the outreach step reached otherwise): what was done
 *   stays done, and a closure by mistake is undone exactly.
 */

/** Where a row leads: a state, the current one, or the one before closure. */
export type Target = CaseState | "SAME" | "STATE_BEFORE_CLOSURE";

/** What an accepted event makes due next (written to OutreachEvent.dueOn with its date). */
export type DueStep = Extract<OutreachStep, "FIRST_VISIT" | "SECOND_VISIT" | "REMINDER" | "CLOSURE_NO_CONTACT" | "CLOSURE_GONE">;

/** A refusal in French, or null to let the event through. Guards are pure. */
export type Guard = (s: CaseSnapshot, e: OutreachEvent) => Refusal | null;

export interface TransitionRow {
  from: readonly CaseState[];
  event: OutreachKind;
  /** VISIT rows only: the outcomes the row is about. */
  outcomes?: readonly VisitOutcome[];
  to: Target;
  /** The step this event makes due. */
  due?: DueStep;
  guard?: Guard;
}

const OPEN = OPEN_STATES;
const OUTREACH = OUTREACH_STATES;
const MET = ["MET"] as const;
const ALL_OUTCOMES = ["MET", ...NO_ANSWER_OUTCOMES, ...GONE_OUTCOMES] as const;

/**
 * The reminder goes 15 days after the second unsuccessful visit, not before:
 * the household gets that time to answer the notice left at the door.
 */
const reminderDue: Guard = (s, e) => {
  if (!s.reminderDueOn) {
    return refuse("TOO_EARLY", "La date de la deuxième visite sans contact est inconnue : la relance ne peut pas encore être envoyée.");
  }
  if (parisToday(e.occurredAt) < s.reminderDueOn) {
    return refuse(
      "TOO_EARLY",
      `La relance ne peut être envoyée qu'à partir du ${formatDayLong(s.reminderDueOn)}, ` +
        `${REMINDER_DELAY_DAYS} jours après la deuxième visite sans contact.`,
    );
  }
  return null;
};

/** Each closure reason has its own condition (closure-reasons.ts). */
const reasonFits: Guard = (s, e) => {
  if (e.kind !== "CLOSURE") return null;
  const refusal = closureReasonRefusal(s, e.reason);
  return refusal ? refuse("REASON_NOT_ALLOWED", refusal) : null;
};

/** A reopening is an exception on a closed file: say why, for the timeline and the audit. */
const reasonGiven: Guard = (_s, e) =>
  e.kind === "REOPENING" && !e.reason.trim() ? refuse("MISSING_REASON", "Indiquez le motif de la réouverture.") : null;

export const TRANSITIONS: readonly TransitionRow[] = [
  // Letters and messages to the household: attempts. The first tenant letter is the step.
  { from: ["IDENTIFIED"], event: "LETTER_TENANT", to: "FIRST_LETTER_SENT", due: "FIRST_VISIT" },
  // Further outreach letters while no contact is made. Once the household is in contact
  // (SUPPORTED), writing to it is casework, not outreach: the outreach steps are no longer offered.
  { from: ["FIRST_LETTER_SENT", "VISIT_1_FAILED", "VISIT_2_FAILED", "REMINDER_SENT"], event: "LETTER_TENANT", to: "SAME" },
  { from: OPEN, event: "SMS", to: "SAME" },
  { from: OPEN, event: "EMAIL", to: "SAME" },
  { from: OPEN, event: "PHONE_CALL", to: "SAME" },

  // The landlord: its letter is expected (the to-do shows it until sent), its call is recorded.
  { from: OPEN, event: "LETTER_LANDLORD", to: "SAME" },
  { from: OPEN, event: "LANDLORD_CONTACT", to: "SAME" },

  // Contact with the household: support, from any step of the sequence.
  { from: OUTREACH, event: "HOUSEHOLD_CONTACT", to: "SUPPORTED" },
  { from: ["SUPPORTED"], event: "HOUSEHOLD_CONTACT", to: "SAME" },

  // Unannounced visits.
  { from: OUTREACH, event: "VISIT", outcomes: MET, to: "SUPPORTED" },
  { from: ["IDENTIFIED", "FIRST_LETTER_SENT"], event: "VISIT", outcomes: NO_ANSWER_OUTCOMES, to: "VISIT_1_FAILED", due: "SECOND_VISIT" },
  { from: ["IDENTIFIED", "FIRST_LETTER_SENT"], event: "VISIT", outcomes: GONE_OUTCOMES, to: "VISIT_1_FAILED", due: "CLOSURE_GONE" },
  { from: ["VISIT_1_FAILED"], event: "VISIT", outcomes: NO_ANSWER_OUTCOMES, to: "VISIT_2_FAILED", due: "REMINDER" },
  { from: ["VISIT_1_FAILED"], event: "VISIT", outcomes: GONE_OUTCOMES, to: "VISIT_2_FAILED", due: "CLOSURE_GONE" },
  { from: ["VISIT_2_FAILED", "REMINDER_SENT"], event: "VISIT", outcomes: NO_ANSWER_OUTCOMES, to: "SAME" },
  { from: ["VISIT_2_FAILED", "REMINDER_SENT"], event: "VISIT", outcomes: GONE_OUTCOMES, to: "SAME", due: "CLOSURE_GONE" },
  { from: ["SUPPORTED"], event: "VISIT", outcomes: ALL_OUTCOMES, to: "SAME" },

  // The reminder, 15 days after the second unsuccessful visit.
  { from: ["VISIT_2_FAILED"], event: "REMINDER", to: "REMINDER_SENT", due: "CLOSURE_NO_CONTACT", guard: reminderDue },

  // Closure and reopening.
  { from: OPEN, event: "CLOSURE", to: "CLOSED", guard: reasonFits },
  { from: ["CLOSED"], event: "REOPENING", to: "STATE_BEFORE_CLOSURE", guard: reasonGiven },
];

/** The row for this event from this state, guards aside; undefined when none. */
export function findRow(state: CaseState, e: OutreachEvent): TransitionRow | undefined {
  return TRANSITIONS.find(
    (row) =>
      row.event === e.kind &&
      row.from.includes(state) &&
      (e.kind !== "VISIT" || !row.outcomes || row.outcomes.includes(e.outcome)),
  );
}

/** The state a row leads to from this snapshot. */
export function resolveTarget(to: Target, s: CaseSnapshot): CaseState {
  if (to === "SAME") return s.state;
  if (to === "STATE_BEFORE_CLOSURE") return s.stateBeforeClosure ?? (s.supported ? "SUPPORTED" : "IDENTIFIED");
  return to;
}

/**
 * May this role record outreach events at all (the permission table's
 * "outreach.record": not admins, who manage accounts, nor funders, who see
 * indicators only)? Team scope is the service's check: canViewCases.
 */
export function canRecordOutreach(role: Role): boolean {
  return scopeOf(role, "outreach.record") !== null;
}

export interface TransitionContext {
  /** The current instant (the service's clock). */
  now: Date;
  actorRole: Role;
  /**
   * The case's identification date (Case.openedOn, a Paris calendar day):
   * no event may be dated before it (issue 15). Absent: not checked.
   */
  identifiedOn?: Date;
}

/**
 * What the service must write besides the event row and `Case.state`:
 * absent fields leave the case as it is; `null` clears a column.
 */
export interface TransitionEffects {
  /** The step this event makes due, and from which day (OutreachEvent.dueOn). */
  due?: DueStep;
  dueOn?: Date;
  /** First contact: Case.supported = true and Case.firstContactOn. */
  supported?: true;
  firstContactOn?: Date;
  /** Closure sets them, reopening clears them (null). */
  closedOn?: Date | null;
  closureReason?: ClosureReason | null;
}

export interface TransitionAccepted {
  ok: true;
  from: CaseState;
  to: CaseState;
  effects: TransitionEffects;
  /** The snapshot after the event (equal to folding the history with it). */
  snapshot: CaseSnapshot;
}

export type TransitionResult = TransitionAccepted | Refusal;

function notAllowedMessage(s: CaseSnapshot, e: OutreachEvent): string {
  if (e.kind === "REOPENING") return "Seul un dossier clôturé peut être rouvert.";
  if (e.kind === "REMINDER") {
    if (s.state === "REMINDER_SENT") return "La relance a déjà été envoyée.";
    if (s.state === "SUPPORTED") return "Le ménage est accompagné : la relance n'a plus lieu d'être.";
    return "La relance n'est possible qu'après la deuxième visite sans contact.";
  }
  return `« ${OUTREACH_KIND_LABELS[e.kind]} » n'est pas possible à l'étape « ${CASE_STATE_LABELS[s.state]} ».`;
}

function dueOnFor(due: DueStep | undefined, e: OutreachEvent): Date | undefined {
  if (due === "REMINDER") return reminderDueOn(e.occurredAt);
  // No waiting period after the reminder is set by the practice: closure is possible from its day.
  if (due === "CLOSURE_NO_CONTACT") return parisToday(e.occurredAt);
  return undefined;
}

/**
 * May this event happen to this case now, and what follows? Checks, in order:
 * role, closed case, the table, the instant (not in the future, not before the
 * case's identification, not before the last event), then the row's guard.
 */
export function transition(s: CaseSnapshot, e: OutreachEvent, ctx: TransitionContext): TransitionResult {
  if (!canRecordOutreach(ctx.actorRole)) {
    return refuse("FORBIDDEN", "Votre rôle ne permet pas d'enregistrer les étapes de l'aller-vers.");
  }
  if (s.state === "CLOSED" && e.kind !== "REOPENING") {
    return refuse("CASE_CLOSED", "Le dossier est clôturé : rouvrez-le avant d'enregistrer un nouvel événement.");
  }
  const row = findRow(s.state, e);
  if (!row) return refuse("NOT_ALLOWED_FROM_STATE", notAllowedMessage(s, e));
  if (e.occurredAt.getTime() > ctx.now.getTime()) {
    return refuse("IN_FUTURE", `La date indiquée (${formatInstant(e.occurredAt)}) est dans le futur.`);
  }
  if (ctx.identifiedOn && parisToday(e.occurredAt).getTime() < ctx.identifiedOn.getTime()) {
    return refuse(
      "BEFORE_IDENTIFICATION",
      `La date indiquée (${formatInstant(e.occurredAt)}) est antérieure à l'identification du dossier (${formatDayLong(ctx.identifiedOn)}).`,
    );
  }
  if (isSequenceEvent(e) && s.lastEventAt && e.occurredAt.getTime() < s.lastEventAt.getTime()) {
    return refuse(
      "BEFORE_LAST_EVENT",
      `La date indiquée (${formatInstant(e.occurredAt)}) est antérieure au dernier événement du dossier ` +
        `(${formatInstant(s.lastEventAt)}).`,
    );
  }
  const refusal = row.guard?.(s, e);
  if (refusal) return refusal;

  const to = resolveTarget(row.to, s);
  const snapshot = advance(s, e, to);
  const effects: TransitionEffects = {};
  if (row.due) {
    effects.due = row.due;
    const dueOn = dueOnFor(row.due, e);
    if (dueOn) effects.dueOn = dueOn;
  }
  if (snapshot.supported && !s.supported) {
    effects.supported = true;
    effects.firstContactOn = snapshot.firstContactOn;
  }
  if (e.kind === "CLOSURE") {
    effects.closedOn = snapshot.closedOn;
    effects.closureReason = e.reason;
  }
  if (e.kind === "REOPENING") {
    effects.closedOn = null;
    effects.closureReason = null;
  }
  return { ok: true, from: s.state, to, effects, snapshot };
}

/**
 * Why the domain refuses an event. Services turn a refusal into an expected
 * error (the action shows `message` as the form's message); the code is for
 * tests, logs and the UI's choice of wording.
 */
export type RefusalCode =
  /** The actor's role may not record outreach events (FUNDER_VIEWER, ADMIN). */
  | "FORBIDDEN"
  /** The case is closed: only REOPENING is possible. */
  | "CASE_CLOSED"
  /** This kind of event is not a step from the case's state (a reminder before two failed visits). */
  | "NOT_ALLOWED_FROM_STATE"
  /** The event's instant is after `now`. */
  | "IN_FUTURE"
  /** The event's instant is before the case's last recorded event: the timeline would no longer be a chain. */
  | "BEFORE_LAST_EVENT"
  /** Issue 15: nothing happens to a case before the team identified it. */
  | "BEFORE_IDENTIFICATION"
  /** The step is not due yet (the reminder before its date). */
  | "TOO_EARLY"
  /** This closure reason does not fit the case (see closure-reasons.ts). */
  | "REASON_NOT_ALLOWED"
  /** A reopening without its reason. */
  | "MISSING_REASON";

export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** French, for the user. */
  message: string;
}

export function refuse(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}

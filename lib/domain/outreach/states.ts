import { CASE_STATE_LABELS, codes, type CaseState } from "@/lib/domain/labels";

/**
 * The case states of the outreach workflow (mirror of Prisma's `CaseState`),
 * grouped the way the rules speak of them.
 */

export type { CaseState };

export const CASE_STATES: readonly CaseState[] = codes(CASE_STATE_LABELS);

/** The no-contact sequence: letters, visits, reminder (shared/domain/outreach.md). */
export const OUTREACH_STATES = [
  "IDENTIFIED",
  "FIRST_LETTER_SENT",
  "VISIT_1_FAILED",
  "VISIT_2_FAILED",
  "REMINDER_SENT",
] as const satisfies readonly CaseState[];
export type OutreachState = (typeof OUTREACH_STATES)[number];

/** Every state but CLOSED: events may be recorded. */
export const OPEN_STATES = [...OUTREACH_STATES, "SUPPORTED"] as const satisfies readonly CaseState[];
export type OpenState = (typeof OPEN_STATES)[number];

export function isOutreachState(state: CaseState): state is OutreachState {
  return (OUTREACH_STATES as readonly CaseState[]).includes(state);
}

export function isOpenState(state: CaseState): state is OpenState {
  return state !== "CLOSED";
}

import { addMonthsUtc, isBeforeDay } from "./calendar";

/**
 * Delays granted by the juge de l'exécution (JEX) after a commandement de
 * quitter les lieux (issue 13). CPCE L412-3: the JEX may grant delays to
 * households whose rehousing cannot happen in normal conditions, and they are
 * renewable; L412-4 (since loi n° 2023-668): from 1 month to 1 year.
 *
 * A decision sets its own delay, either "for N months" from the decision or
 * "until" a date it names. That delay runs ALONGSIDE the CQL's 2 months
 * (L412-1), not after them: the expulsion waits for the later of the two
 * (shared/domain/procedure.md, changed on 2026-12-07). When several decisions
 * are on file (a renewal, an appeal), the latest decision is the one in force.
 */

export type JexDecision = {
  /** The date of the decision. */
  decidedOn: Date;
  /** The last day of the delay granted: the household is protected until the end (24:00) of this day. */
  endsOn: Date;
};

export const JEX_DELAY_MIN_MONTHS = 1;
export const JEX_DELAY_MAX_MONTHS = 12;

/** CPCE L412-4: a JEX delay lasts from 1 month to 1 year. */
export function jexDelayWithinLegalRange(months: number): boolean {
  return Number.isInteger(months) && months >= JEX_DELAY_MIN_MONTHS && months <= JEX_DELAY_MAX_MONTHS;
}

/**
 * The end of a delay "of N months" from the decision: the same day number N
 * months later, or that month's last day (CPC art. 641). 20 June 2025 + 3
 * months → 20 September 2025.
 */
export function jexDelayEndFromMonths(decidedOn: Date, months: number): Date {
  return addMonthsUtc(decidedOn, months);
}

export type JexEndInput = { decidedOn: Date; months?: number | null; until?: Date | null };

export type JexEndResult =
  | { ok: true; endsOn: Date; months: number | null }
  | { ok: false; reason: "MISSING" | "BOTH" | "MONTHS_OUT_OF_RANGE" | "UNTIL_NOT_AFTER_DECISION" };

/**
 * The end of the delay a decision grants, from what was entered: a number of
 * months (1 to 12) or an end date after the decision. Exactly one is required:
 * a JEX decision without a usable end is refused, never silently ignored.
 */
export function jexDelayEnd(input: JexEndInput): JexEndResult {
  const hasMonths = input.months != null;
  const hasUntil = input.until != null;
  if (!hasMonths && !hasUntil) return { ok: false, reason: "MISSING" };
  if (hasMonths && hasUntil) return { ok: false, reason: "BOTH" };
  if (hasMonths) {
    const months = input.months!;
    if (!jexDelayWithinLegalRange(months)) return { ok: false, reason: "MONTHS_OUT_OF_RANGE" };
    return { ok: true, endsOn: jexDelayEndFromMonths(input.decidedOn, months), months };
  }
  if (!isBeforeDay(input.decidedOn, input.until!)) return { ok: false, reason: "UNTIL_NOT_AFTER_DECISION" };
  return { ok: true, endsOn: input.until!, months: null };
}

/** CPCE L412-3 (renewable delays): the decision in force is the latest one; on the same day, the last listed. */
export function jexDecisionInForce(decisions: ReadonlyArray<JexDecision> | null | undefined): JexDecision | null {
  let inForce: JexDecision | null = null;
  for (const d of decisions ?? []) if (!inForce || !isBeforeDay(d.decidedOn, inForce.decidedOn)) inForce = d;
  return inForce;
}

/**
 * Code pénal 315-2 does not apply "while a JEX case is pending": a referral
 * ("JEX saisi le …") with no decision on or after it.
 */
export function jexCasePending(referralOn: Date | null | undefined, decisions: ReadonlyArray<JexDecision> | null | undefined): boolean {
  if (!referralOn) return false;
  return !(decisions ?? []).some((d) => !isBeforeDay(d.decidedOn, referralOn));
}

/**
 * Retention (issue 8.5, docs/decisions/014-retention-and-anonymisation.md):
 * which households are due for anonymisation as of `today`.
 *
 * The unit is the HOUSEHOLD, because the names, contact details and address
 * are the household's, and a household may have several cases (a case closed,
 * then a new one opened for the same family). A household is anonymised only
 * when every one of its cases is closed and its retention period has run out:
 * a case still open, or closed too recently, keeps the whole household as it
 * is — the team still works with that family, and the history of the earlier
 * case is part of that work. The period therefore runs from the household's
 * LAST closure.
 *
 * Pure: no clock (`today` is a parameter), no database.
 */
import { addMonthsUtc, isCalendarDay } from "@/lib/domain/procedure/calendar";

/** Default period after closure, in months (RETENTION_MONTHS_AFTER_CLOSURE). */
export const DEFAULT_RETENTION_MONTHS = 24;
/** Bounds accepted for the setting: at least a month (a reopening stays possible), at most 10 years. */
export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

/** The placeholder that replaces every occupant's name. */
export const ANONYMISED_FIRST_NAME = "Personne";
export const ANONYMISED_LAST_NAME = "anonymisée";
/** What replaces free text that cannot be null (support week actions). */
export const ANONYMISED_TEXT = "[anonymisé]";

export interface RetentionCase {
  caseId: string;
  number: number;
  state: string;
  /** Calendar day (UTC midnight) of the closure; null while open. */
  closedOn: Date | null;
}

export interface RetentionHousehold {
  householdId: string;
  teamId: string;
  anonymisedAt: Date | null;
  cases: ReadonlyArray<RetentionCase>;
}

export type RetentionStatus =
  /** Every case closed and the period over: anonymise now. */
  | { kind: "DUE"; dueOn: Date; lastClosedOn: Date }
  /** Every case closed, the period not over yet. */
  | { kind: "NOT_YET"; dueOn: Date; lastClosedOn: Date }
  /** A case is still open (or closed without a closure date): keep everything. */
  | { kind: "OPEN_CASE" }
  /** No case at all (a household being created): not this rule's business. */
  | { kind: "NO_CASE" }
  | { kind: "ALREADY_ANONYMISED"; anonymisedAt: Date };

/** The day a closure's retention period runs out: closure + `months` (same day number, or the month's last day). */
export function anonymisationDueOn(closedOn: Date, months: number): Date {
  return addMonthsUtc(closedOn, months);
}

export function assertRetentionMonths(months: number): void {
  if (!Number.isInteger(months) || months < MIN_RETENTION_MONTHS || months > MAX_RETENTION_MONTHS) {
    throw new RangeError(`durée de conservation invalide : ${months} mois (entre ${MIN_RETENTION_MONTHS} et ${MAX_RETENTION_MONTHS})`);
  }
}

/** Where one household stands as of `today` (a calendar day) with a period of `months`. */
export function retentionStatus(household: RetentionHousehold, opts: { today: Date; months: number }): RetentionStatus {
  assertRetentionMonths(opts.months);
  if (!isCalendarDay(opts.today)) throw new RangeError("today doit être un jour calendaire (minuit UTC)");
  if (household.anonymisedAt) return { kind: "ALREADY_ANONYMISED", anonymisedAt: household.anonymisedAt };
  if (household.cases.length === 0) return { kind: "NO_CASE" };
  let lastClosedOn: Date | null = null;
  for (const c of household.cases) {
    if (c.state !== "CLOSED" || c.closedOn === null) return { kind: "OPEN_CASE" };
    if (lastClosedOn === null || c.closedOn > lastClosedOn) lastClosedOn = c.closedOn;
  }
  const closed = lastClosedOn as Date;
  const dueOn = anonymisationDueOn(closed, opts.months);
  return dueOn.getTime() <= opts.today.getTime() ? { kind: "DUE", dueOn, lastClosedOn: closed } : { kind: "NOT_YET", dueOn, lastClosedOn: closed };
}

export interface DueHousehold {
  householdId: string;
  teamId: string;
  dueOn: Date;
  lastClosedOn: Date;
  cases: ReadonlyArray<{ caseId: string; number: number; closedOn: Date }>;
}

/** The households due as of `today`, oldest closure first (then by case number). */
export function dueHouseholds(households: ReadonlyArray<RetentionHousehold>, opts: { today: Date; months: number }): DueHousehold[] {
  const due: DueHousehold[] = [];
  for (const h of households) {
    const status = retentionStatus(h, opts);
    if (status.kind !== "DUE") continue;
    due.push({
      householdId: h.householdId,
      teamId: h.teamId,
      dueOn: status.dueOn,
      lastClosedOn: status.lastClosedOn,
      cases: [...h.cases]
        .map((c) => ({ caseId: c.caseId, number: c.number, closedOn: c.closedOn as Date }))
        .sort((a, b) => a.number - b.number),
    });
  }
  return due.sort(
    (a, b) => a.lastClosedOn.getTime() - b.lastClosedOn.getTime() || (a.cases[0]?.number ?? 0) - (b.cases[0]?.number ?? 0),
  );
}

/**
 * The latest closure day that is due as of `today`: a case closed on or
 * before it has run its period. Lets the database preselect candidates
 * (closedOn <= cutoff) before the household rule decides.
 */
export function latestDueClosure(today: Date, months: number): Date {
  assertRetentionMonths(months);
  // The largest d with addMonths(d, months) <= today. addMonthsUtc clamps to
  // the month's end, so step back from today - months until the rule holds
  // and the next day no longer does.
  let d = addMonthsUtc(today, -months);
  while (anonymisationDueOn(d, months).getTime() > today.getTime()) d = new Date(d.getTime() - 86_400_000);
  for (;;) {
    const next = new Date(d.getTime() + 86_400_000);
    if (anonymisationDueOn(next, months).getTime() > today.getTime()) return d;
    d = next;
  }
}

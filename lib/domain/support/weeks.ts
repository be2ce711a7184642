/**
 * Support periods and support weeks (issue 5). Pure: "today" is a parameter;
 * dates are calendar days as UTC-midnight Dates (lib/utils/dates.ts).
 *
 * A support period starts on a day, records one entry per week (the week is
 * named by its Monday) and ends with an outcome. The cap is counted per
 * HOUSEHOLD, across all its support periods and all its cases: a household
 * that comes back under a new case does not get 8 more weeks.
 */

/**
 * At most 8 support weeks per household: the Pas-de-Calais 2025 call for
 * projects (shared/domain/outreach.md, "Support"; indicators.md, "Billing":
 * "55 € per support week, at most 8 weeks (440 €) per household"). The
 * practice rule the app enforces when a week is recorded; the funder's own
 * cap, used for billing, is FunderAgreement.maxSupportWeeks.
 */
export const MAX_SUPPORT_WEEKS_PER_HOUSEHOLD = 8;

const DAY = 86_400_000;

/** The Monday of the week a calendar day falls in. */
export function mondayOf(day: Date): Date {
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day.getTime() - weekday * DAY);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY);
}

const fr = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
const ordinal = (n: number) => (n === 1 ? "1re" : `${n}e`);

export interface WeeksUsage {
  used: number;
  left: number;
  max: number;
}

/** Weeks used and left for a household, from every week recorded for it (distinct Mondays). */
export function weeksUsage(householdWeeks: readonly Date[], max = MAX_SUPPORT_WEEKS_PER_HOUSEHOLD): WeeksUsage {
  const used = new Set(householdWeeks.map((w) => mondayOf(w).getTime())).size;
  return { used, left: Math.max(0, max - used), max };
}

export interface PeriodDates {
  startedOn: Date;
  endedOn: Date | null;
}

export type SupportRefusal = { field: string; message: string };
type Check = { ok: true } | ({ ok: false } & SupportRefusal);
const refuse = (field: string, message: string): Check => ({ ok: false, field, message });

export function capReachedMessage(max: number): string {
  return `Le ménage a déjà bénéficié de ${max} semaines d'accompagnement, le maximum par ménage : une ${ordinal(max + 1)} semaine ne peut pas être enregistrée.`;
}

/**
 * May this week be recorded in this period? `householdWeeks` are the weeks
 * already recorded for the household, all periods and cases together.
 */
export function checkNewWeek(input: {
  weekOf: Date;
  period: PeriodDates;
  householdWeeks: readonly Date[];
  today: Date;
  max?: number;
}): Check {
  const max = input.max ?? MAX_SUPPORT_WEEKS_PER_HOUSEHOLD;
  const week = mondayOf(input.weekOf);
  if (week.getTime() > mondayOf(input.today).getTime()) {
    return refuse("weekOf", "Une semaine à venir ne peut pas être enregistrée : on note ce qui a été fait.");
  }
  if (week.getTime() < mondayOf(input.period.startedOn).getTime()) {
    return refuse("weekOf", `Cette semaine précède le début de l'accompagnement (le ${fr(input.period.startedOn)}).`);
  }
  if (input.period.endedOn && week.getTime() > input.period.endedOn.getTime()) {
    return refuse("weekOf", `Cette semaine suit la fin de l'accompagnement (le ${fr(input.period.endedOn)}).`);
  }
  if (input.householdWeeks.some((w) => mondayOf(w).getTime() === week.getTime())) {
    return refuse("weekOf", `La semaine du ${fr(week)} est déjà enregistrée pour ce ménage.`);
  }
  if (weeksUsage(input.householdWeeks, max).left <= 0) return refuse("weekOf", capReachedMessage(max));
  return { ok: true };
}

/**
 * May a support period start on this day? One open period per case; periods
 * of a household do not overlap; support follows the household's first
 * contact; a household with no week left gets no new period.
 */
export function checkStartPeriod(input: {
  startedOn: Date;
  today: Date;
  firstContactOn: Date | null;
  /** Every support period of the household, all cases. */
  householdPeriods: readonly PeriodDates[];
  householdWeeks: readonly Date[];
  max?: number;
}): Check {
  const max = input.max ?? MAX_SUPPORT_WEEKS_PER_HOUSEHOLD;
  if (input.startedOn.getTime() > input.today.getTime()) return refuse("startedOn", "L'accompagnement ne peut pas commencer à une date à venir.");
  if (input.firstContactOn && input.startedOn.getTime() < input.firstContactOn.getTime()) {
    return refuse("startedOn", `L'accompagnement ne peut pas commencer avant le premier contact du ménage (le ${fr(input.firstContactOn)}).`);
  }
  if (input.householdPeriods.some((p) => p.endedOn === null)) {
    return refuse("startedOn", "Un accompagnement est déjà en cours pour ce ménage : terminez-le avant d'en commencer un autre.");
  }
  const overlapping = input.householdPeriods.find((p) => p.endedOn && input.startedOn.getTime() <= p.endedOn.getTime());
  if (overlapping) {
    return refuse("startedOn", `Un accompagnement précédent du ménage s'est terminé le ${fr(overlapping.endedOn!)} : le nouveau doit commencer après.`);
  }
  if (weeksUsage(input.householdWeeks, max).left <= 0) return refuse("startedOn", capReachedMessage(max));
  return { ok: true };
}

/** May the period end on this day? Not before it started, not in the future, not before a recorded week. */
export function checkEndPeriod(input: { endedOn: Date; period: PeriodDates; periodWeeks: readonly Date[]; today: Date }): Check {
  if (input.period.endedOn) return refuse("endedOn", "Cet accompagnement est déjà terminé.");
  if (input.endedOn.getTime() > input.today.getTime()) return refuse("endedOn", "La fin de l'accompagnement ne peut pas être à une date à venir.");
  if (input.endedOn.getTime() < input.period.startedOn.getTime()) {
    return refuse("endedOn", `La fin ne peut pas précéder le début de l'accompagnement (le ${fr(input.period.startedOn)}).`);
  }
  const last = [...input.periodWeeks].sort((a, b) => b.getTime() - a.getTime())[0];
  if (last && input.endedOn.getTime() < mondayOf(last).getTime()) {
    return refuse("endedOn", `Une semaine est enregistrée jusqu'au ${fr(mondayOf(last))} : la fin ne peut pas la précéder.`);
  }
  return { ok: true };
}

/** The week to propose in the form: the one after the period's latest week, or the period's first, if not in the future. */
export function suggestedWeek(period: PeriodDates, periodWeeks: readonly Date[], today: Date): Date | null {
  const latest = [...periodWeeks].sort((a, b) => b.getTime() - a.getTime())[0];
  const next = latest ? addDays(mondayOf(latest), 7) : mondayOf(period.startedOn);
  if (next.getTime() > mondayOf(today).getTime()) return null;
  if (period.endedOn && next.getTime() > period.endedOn.getTime()) return null;
  return next;
}

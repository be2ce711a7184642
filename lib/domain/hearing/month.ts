/**
 * Months of the rent ledger. A month is carried as the Date of its first day
 * at UTC midnight (RentLedgerLine.month is `@db.Date`), like every calendar
 * date in the app (lib/utils/dates.ts); arithmetic uses the UTC fields only.
 */

const MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

/** The first day of the month of a calendar date. */
export function monthStart(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
}

/** `month` plus `count` months (count may be negative); always a first day. */
export function addMonths(month: Date, count: number): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + count, 1));
}

/** Whole months from `from` to `to` (both months): March → May is 2. */
export function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
}

/** "2026-03": the value of an <input type="month">, and a stable key. */
export function monthKey(month: Date): string {
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** "mars 2026". */
export function formatMonth(month: Date): string {
  return `${MONTH_NAMES[month.getUTCMonth()]} ${month.getUTCFullYear()}`;
}

/** "Mars 2026", to start a sentence or a table cell. */
export function formatMonthTitle(month: Date): string {
  const text = formatMonth(month);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What a user types for a month: "2026-03" (an <input type="month">), or
 * "03/2026" and "3/2026" (browsers without a month picker show a text box).
 * Null when it is not a month.
 */
export function parseMonth(text: string): Date | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(value);
  const french = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec(value);
  const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : french ? [Number(french[2]), Number(french[1])] : [NaN, NaN];
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return null;
  return new Date(Date.UTC(year, month - 1, 1));
}

/**
 * Calendar dates for factories: a day is a UTC-midnight Date, which is how
 * Prisma reads and writes `@db.Date` columns. Only UTC accessors are used, so
 * results do not depend on the process time zone.
 */

const DAY_MS = 86_400_000;

/** The day `year-month-day` (month 1–12) as a UTC-midnight Date. */
export function calendarDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** Parses "YYYY-MM-DD" into a UTC-midnight Date. */
export function parseCalendarDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: "${text}"`);
  const date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (toIsoDate(date) !== text) throw new RangeError(`Not a real date: "${text}"`);
  return date;
}

const parisDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The day an instant falls on in Europe/Paris, where the teams work. */
export function parisDayOf(instant: Date): Date {
  return parseCalendarDate(parisDay.format(instant));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Date, months: number): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day.getUTCDate(), lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** The Monday of the week containing `day`, or `day` itself on a Monday. */
export function mondayOnOrBefore(day: Date): Date {
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/**
 * An instant on a calendar day, `hour:minute` UTC. Hours between 05:00 and
 * 21:00 UTC stay on the same day in Europe/Paris (UTC+1 or UTC+2).
 */
export function atUtc(day: Date, hour: number, minute = 0): Date {
  if (hour < 5 || hour > 21) throw new RangeError("atUtc: keep between 05:00 and 21:00 UTC");
  return new Date(day.getTime() + (hour * 60 + minute) * 60_000);
}

/** Winter truce, 1 November – 31 March (CPCE L412-6): no expulsion is carried out. */
export function inWinterTruce(day: Date): boolean {
  const month = day.getUTCMonth() + 1;
  return month >= 11 || month <= 3;
}

export function toIsoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

import { formatDayLong } from "@/lib/utils/dates";

/**
 * Calendar arithmetic for the procedure's deadlines (issue 4).
 *
 * Every date here is a calendar day in Europe/Paris carried as a Date at UTC
 * midnight (see lib/utils/dates.ts). All arithmetic uses the UTC fields, so a
 * daylight-saving change cannot move a day, whatever the process time zone.
 * date-fns is deliberately not used: it works on local-time Dates.
 */

const DAY_MS = 86_400_000;

/** True when `date` is a valid Date at exactly 00:00:00.000 UTC. */
export function isCalendarDay(date: Date): boolean {
  return !Number.isNaN(date.getTime()) && date.getTime() % DAY_MS === 0;
}

/** Throws when a caller passes an instant instead of a calendar day: a silent shift of one day is worse than a crash. */
export function assertCalendarDay(date: Date, name: string): void {
  if (!isCalendarDay(date)) {
    throw new RangeError(`${name} n'est pas une date calendaire (attendu : minuit UTC), reçu ${String(date)}`);
  }
}

export function utcDay(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

export function addDaysUtc(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

function daysInMonthUtc(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * Adds calendar months with end-of-month clamping: 31 January + 1 month is
 * 28 February (29 in a leap year). This is how French law counts a delay in
 * months: it ends on the day of the last month with the same number as the
 * starting day, or on the last day of that month when there is no such day
 * (CPC art. 641). `months` may be negative.
 */
export function addMonthsUtc(day: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError(`nombre de mois non entier : ${months}`);
  const total = day.getUTCFullYear() * 12 + day.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  return utcDay(year, monthIndex, Math.min(day.getUTCDate(), daysInMonthUtc(year, monthIndex)));
}

export function isSameDay(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}

export function isBeforeDay(a: Date, b: Date): boolean {
  return a.getTime() < b.getTime();
}

export function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/**
 * Easter Sunday of the Gregorian calendar (anonymous algorithm, Meeus/Jones/
 * Butcher). Easter Monday, Ascension and Whit Monday follow from it.
 */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDay(year, month - 1, dayOfMonth);
}

/**
 * French public holidays (jours fériés, Code du travail art. L3133-1) of a
 * year, in date order. Not included: the two extra days of Alsace-Moselle
 * (Good Friday, 26 December, Code du travail art. L3134-13) and the overseas
 * abolition-of-slavery days; no team of the app works there yet.
 */
export function frenchPublicHolidays(year: number): Date[] {
  const easter = easterSunday(year);
  const days = [
    utcDay(year, 0, 1), // Jour de l'an
    addDaysUtc(easter, 1), // Lundi de Pâques
    utcDay(year, 4, 1), // Fête du travail
    utcDay(year, 4, 8), // Victoire 1945
    addDaysUtc(easter, 39), // Ascension
    addDaysUtc(easter, 50), // Lundi de Pentecôte
    utcDay(year, 6, 14), // Fête nationale
    utcDay(year, 7, 15), // Assomption
    utcDay(year, 10, 1), // Toussaint
    utcDay(year, 10, 11), // Armistice 1918
    utcDay(year, 11, 25), // Noël
  ];
  return days.sort((x, y) => x.getTime() - y.getTime());
}

const holidayCache = new Map<number, ReadonlySet<number>>();

export function isFrenchPublicHoliday(day: Date): boolean {
  const year = day.getUTCFullYear();
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(frenchPublicHolidays(year).map((d) => d.getTime()));
    holidayCache.set(year, set);
  }
  return set.has(day.getTime());
}

/** A working day (jour ouvré): Monday to Friday, not a public holiday. */
export function isWorkingDay(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isFrenchPublicHoliday(day);
}

/**
 * The |n|-th working day after `day` (n > 0) or before it (n < 0); `day`
 * itself is never counted. "Within 15 working days of the referral" ends on
 * addWorkingDays(referral, 15).
 */
export function addWorkingDays(day: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError(`nombre de jours ouvrés non entier : ${n}`);
  const step = n >= 0 ? 1 : -1;
  let current = day;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDaysUtc(current, step);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** `day` when it is a working day, else the next one (CPC art. 642 extension of a delay). */
export function nextWorkingDayFrom(day: Date): Date {
  let current = day;
  while (!isWorkingDay(current)) current = addDaysUtc(current, 1);
  return current;
}

/** 2026-04-01 → "1er avril 2026"; 2026-03-15 → "15 mars 2026". */
export function frenchDay(day: Date): string {
  const long = formatDayLong(day);
  return day.getUTCDate() === 1 ? long.replace(/^1 /, "1er ") : long;
}

import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { fr } from "date-fns/locale";

/**
 * Calendar dates (a hearing day, a commandement's date) are days in
 * Europe/Paris, not instants (STYLE §10). They are stored as `@db.Date` and
 * travel in JavaScript as a Date at UTC midnight of that day, so that no time
 * zone or daylight-saving change can move them.
 */

export const PARIS = "Europe/Paris";
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-15" → Date at 2026-03-15T00:00:00Z; null when not a real day. */
export function parseCalendarDate(text: string): Date | null {
  const m = ISO_DAY.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** A calendar date back to "YYYY-MM-DD" (for inputs of type date). */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar day it is in Paris at the instant `now`, as a UTC-midnight Date. */
export function parisToday(now: Date): Date {
  const paris = new TZDate(now.getTime(), PARIS);
  return new Date(Date.UTC(paris.getFullYear(), paris.getMonth(), paris.getDate()));
}

/** Whole days from `from` to `to` (both calendar dates). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

/** 2026-03-15 → "15/03/2026". */
export function formatDay(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
}

/** 2026-03-15 → "15 mars 2026". */
export function formatDayLong(date: Date): string {
  return format(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()), "d MMMM yyyy", { locale: fr });
}

/** An instant shown in Paris time: "15/03/2026 à 19:05". */
export function formatInstant(instant: Date): string {
  return format(new TZDate(instant.getTime(), PARIS), "dd/MM/yyyy 'à' HH:mm", { locale: fr });
}

/** A day and a wall-clock time in Paris ("19:05") → the instant; null when the time is not HH:MM. */
export function parisInstant(day: Date, time: string): Date | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!m) return null;
  const instant = new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), Number(m[1]), Number(m[2]), PARIS);
  return new Date(instant.getTime());
}

/** The wall-clock time in Paris of an instant ("19:05"). */
export function parisTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), PARIS), "HH:mm");
}

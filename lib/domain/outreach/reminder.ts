import { parisToday } from "@/lib/utils/dates";

/**
 * The reminder (relance) falls due 15 calendar days after the second
 * unsuccessful visit (Essonne practice, shared/domain/outreach.md §5).
 */
export const REMINDER_DELAY_DAYS = 15;

const DAY_MS = 86_400_000;

/** Calendar day (UTC-midnight Date) plus whole days; UTC midnights know no daylight saving. */
export function addCalendarDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/**
 * The day the reminder may be sent: the visit's calendar day in Europe/Paris
 * (a visit at 00:30 Paris on 1 Feb is a 1 Feb visit, though 31 Jan in UTC)
 * plus 15 days.
 */
export function reminderDueOn(secondVisitAt: Date): Date {
  return addCalendarDays(parisToday(secondVisitAt), REMINDER_DELAY_DAYS);
}

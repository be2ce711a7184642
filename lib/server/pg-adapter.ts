import { PrismaPg } from "@prisma/adapter-pg";

/**
 * The session settings every connection of the app starts with (the
 * PostgreSQL startup packet's `options`, so no statement is spent on them).
 *
 * TimeZone=UTC: Prisma's `relationJoins` reads the relations of a row from
 * JSON built by PostgreSQL, and JSON carries a timestamptz in the session's
 * time zone (`2026-06-01T10:00:00+02:00`); Prisma reads that text as UTC and
 * drops the offset. With a session in UTC the JSON's time *is* UTC, so an
 * instant read through a relation equals the one read directly. PGlite runs in
 * UTC already; a PostgreSQL server's default is its `timezone` setting
 * (Europe/Paris on a French server). Nothing in the app relies on the session
 * time zone: Paris days are computed with `AT TIME ZONE 'Europe/Paris'` or in
 * JavaScript (decision 045).
 */
export const SESSION_OPTIONS = "-c TimeZone=UTC";

/** The driver adapter for a PostgreSQL URL (PGlite's socket or a server). */
export function createPgAdapter(connectionString: string, max: number): PrismaPg {
  return new PrismaPg({ connectionString, max, options: SESSION_OPTIONS });
}

import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, OutreachStep } from "@/lib/domain/labels";
import { GONE_OUTCOMES } from "@/lib/domain/outreach/events";
import { addCalendarDays } from "@/lib/domain/outreach/reminder";
import { OPEN_STATES } from "@/lib/domain/outreach/states";
import {
  compareDueItems,
  DUE_SECTIONS,
  dueEntries,
  HEARING_ALERT_DAYS,
  HEARING_URGENT_DAYS,
  type DueSection,
} from "@/lib/domain/outreach/urgency";
import { daysToHearing } from "@/lib/domain/procedure/deadlines";
import { canViewDueWork } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { parisToday, toIsoDay } from "@/lib/utils/dates";

/** Items listed per section by default (the visit round, the digest, the calendar feed); the total still counts them all. */
export const DUE_WORK_SECTION_LIMIT = 50;
/**
 * Items the "À faire" page lists per section (issue 17, decision 047: the field
 * workers read it on a phone); a "Voir les N" link lists one section up to
 * DUE_WORK_EXPANDED_LIMIT items.
 */
export const DUE_WORK_PAGE_LIMIT = 10;
export const DUE_WORK_EXPANDED_LIMIT = 200;

/** "Moi": cases the actor follows (as worker or jurist); "Équipe": all the team's. */
export type DueWorkScope = "me" | "team";

export interface DueWorkFilter {
  teamId: string;
  scope: DueWorkScope;
  /** The current instant; "today" is its day in Paris. */
  now: Date;
  /** Items listed per section (DUE_WORK_SECTION_LIMIT by default). */
  limit?: number;
  /** The one section listed up to DUE_WORK_EXPANDED_LIMIT items instead of `limit`. */
  expand?: DueSection | null;
}

export interface DueItem {
  caseId: string;
  number: number;
  tenantName: string;
  city: string;
  state: CaseState;
  /** What is due (OUTREACH_STEP_LABELS); on a hearing item, the case's ready steps. */
  steps: OutreachStep[];
  /** The day it fell due (or falls due, for an upcoming reminder); the hearing day for a hearing item. */
  dueOn: Date | null;
  hearingOn: Date | null;
  daysToHearing: number | null;
  workerName: string | null;
  juristName: string | null;
}

export interface DueWorkSection {
  section: DueSection;
  /** Every matching case, even beyond the items listed. */
  total: number;
  items: DueItem[];
}

export interface DueWork {
  today: Date;
  scope: DueWorkScope;
  sections: DueWorkSection[];
}

/** An enum literal list from the code's own constants (never user input), for the raw SQL below. */
function literals(values: readonly string[]): Prisma.Sql {
  for (const v of values) if (!/^[A-Z0-9_]+$/.test(v)) throw new Error(`not an enum literal: ${v}`);
  return Prisma.raw(values.map((v) => `'${v}'`).join(", "));
}

const OPEN = literals(OPEN_STATES);
const day = (d: Date) => Prisma.sql`${toIsoDay(d)}::date`;

/**
 * The WHERE clause of each section: the database's version of `dueEntries`
 * (lib/domain/outreach/urgency.ts), which the integration test holds it to.
 * Each one narrows by team first and then by an indexed column:
 * (teamId, state), (teamId, hearingOn) or (teamId, reminderDueOn).
 */
function sectionWhere(section: DueSection, today: Date): Prisma.Sql {
  switch (section) {
    case "HEARING_SOON":
      return Prisma.sql`c."state" IN (${OPEN}) AND NOT c."supported" AND c."hearingOn" BETWEEN ${day(today)} AND ${day(addCalendarDays(today, HEARING_URGENT_DAYS))}`;
    case "HEARING_LATER":
      return Prisma.sql`c."state" IN (${OPEN}) AND NOT c."supported"
        AND c."hearingOn" BETWEEN ${day(addCalendarDays(today, HEARING_URGENT_DAYS + 1))} AND ${day(addCalendarDays(today, HEARING_ALERT_DAYS))}`;
    case "REMINDER_DUE":
      return Prisma.sql`c."state" = 'VISIT_2_FAILED' AND NOT c."provedGone" AND c."reminderDueOn" <= ${day(today)}`;
    case "REMINDER_UPCOMING":
      return Prisma.sql`c."state" = 'VISIT_2_FAILED' AND NOT c."provedGone" AND (c."reminderDueOn" > ${day(today)} OR c."reminderDueOn" IS NULL)`;
    case "VISIT":
      return Prisma.sql`c."state" IN ('FIRST_LETTER_SENT', 'VISIT_1_FAILED') AND NOT c."provedGone"`;
    case "LETTER":
      // The tenant's first letter until sent (a visit may have come first); the landlord's on any open case.
      return Prisma.sql`c."state" IN (${OPEN}) AND ((NOT c."supported" AND c."tenantLetterSentOn" IS NULL) OR c."landlordLetterSentOn" IS NULL)`;
    case "CLOSURE":
      return Prisma.sql`c."state" IN (${OPEN}) AND NOT c."supported" AND (c."state" = 'REMINDER_SENT' OR c."provedGone")`;
  }
}

function sectionOrder(section: DueSection): Prisma.Sql {
  switch (section) {
    case "HEARING_SOON":
    case "HEARING_LATER":
      return Prisma.sql`c."hearingOn" ASC, c."number" ASC`;
    case "REMINDER_DUE":
    case "REMINDER_UPCOMING":
      return Prisma.sql`c."reminderDueOn" ASC NULLS LAST, c."number" ASC`;
    default:
      // The day each step fell due comes from the case's events; the oldest
      // cases first, then the page is sorted by that day (compareDueItems).
      return Prisma.sql`c."openedOn" ASC, c."number" ASC`;
  }
}

/**
 * The event that made a visit or a closure due: the last failed visit (second
 * visit), the reminder or the visit that found the household gone (closure).
 * Only for the few rows listed, through the (caseId, occurredAt) index.
 */
const TRIGGER_VISIT = DUE_SECTIONS.indexOf("VISIT");
const TRIGGER_CLOSURE = DUE_SECTIONS.indexOf("CLOSURE");
const GONE = literals(GONE_OUTCOMES);

interface Row {
  s: number;
  total: number;
  id: string;
  number: number;
  state: CaseState;
  openedOn: Date;
  hearingOn: Date | null;
  tenantLetterSentOn: Date | null;
  landlordLetterSentOn: Date | null;
  reminderDueOn: Date | null;
  provedGone: boolean;
  supported: boolean;
  city: string;
  firstName: string | null;
  lastName: string | null;
  workerName: string | null;
  juristName: string | null;
  triggerAt: Date | null;
}

function dueOnOf(section: DueSection, row: Row): Date | null {
  const triggerDay = row.triggerAt ? parisToday(row.triggerAt) : null;
  switch (section) {
    case "HEARING_SOON":
    case "HEARING_LATER":
      return row.hearingOn;
    case "REMINDER_DUE":
    case "REMINDER_UPCOMING":
      return row.reminderDueOn;
    case "LETTER":
      return row.openedOn;
    case "VISIT":
      return row.state === "VISIT_1_FAILED" ? (triggerDay ?? row.tenantLetterSentOn ?? row.openedOn) : (row.tenantLetterSentOn ?? row.openedOn);
    case "CLOSURE":
      return triggerDay ?? row.openedOn;
  }
}

function toItem(section: DueSection, row: Row, now: Date, today: Date): DueItem {
  const entry = dueEntries(row, now).find((e) => e.section === section);
  return {
    caseId: row.id,
    number: row.number,
    tenantName: row.lastName !== null ? `${row.lastName.toUpperCase()} ${row.firstName}` : "—",
    city: row.city,
    state: row.state,
    steps: entry?.steps ?? [],
    dueOn: dueOnOf(section, row),
    hearingOn: row.hearingOn,
    daysToHearing: row.hearingOn ? daysToHearing(row.hearingOn, today) : null,
    workerName: row.workerName,
    juristName: row.juristName,
  };
}

/**
 * The team's (or the actor's) due work at `now`, section by section, most
 * urgent first. **One statement** (issue 17, decision 047): each section is a
 * narrow, LIMITed select over the team's cases with its count (a window over
 * the matching rows, no second statement), the sections are glued by UNION
 * ALL, and only the rows listed are joined to their tenant, worker, jurist and
 * triggering event. Null when the actor may not see it: the page answers "not found".
 */
export async function listDueWork(db: Db, actor: Actor, filter: DueWorkFilter): Promise<DueWork | null> {
  if (!canViewDueWork(actor, filter.teamId)) return null;
  const today = parisToday(filter.now);
  const scope = filter.scope === "me" ? Prisma.sql`AND (c."assignedWorkerId" = ${actor.id} OR c."assignedJuristId" = ${actor.id})` : Prisma.empty;
  const pages = DUE_SECTIONS.map((section, s) => {
    const limit = section === filter.expand ? DUE_WORK_EXPANDED_LIMIT : (filter.limit ?? DUE_WORK_SECTION_LIMIT);
    return Prisma.sql`(SELECT ${s}::int AS s, (count(*) OVER ())::int AS total, c."id", c."number", c."state"::text AS "state", c."openedOn",
        c."hearingOn", c."tenantLetterSentOn", c."landlordLetterSentOn", c."reminderDueOn", c."provedGone", c."supported",
        c."householdId", c."assignedWorkerId", c."assignedJuristId"
      FROM "Case" c
      WHERE c."teamId" = ${filter.teamId} ${scope} AND ${sectionWhere(section, today)}
      ORDER BY ${sectionOrder(section)}
      LIMIT ${limit}::int)`;
  });
  const rows = await db.$queryRaw<Row[]>`
    SELECT p."s", p."total", p."id", p."number", p."state", p."openedOn", p."hearingOn", p."tenantLetterSentOn", p."landlordLetterSentOn",
           p."reminderDueOn", p."provedGone", p."supported", h."city", t."firstName", t."lastName", w."name" AS "workerName", j."name" AS "juristName",
           CASE p."s"
             WHEN ${TRIGGER_VISIT}::int THEN (SELECT e."occurredAt" FROM "OutreachEvent" e
                                               WHERE e."caseId" = p."id" AND e."kind" = 'VISIT' ORDER BY e."occurredAt" DESC LIMIT 1)
             WHEN ${TRIGGER_CLOSURE}::int THEN (SELECT e."occurredAt" FROM "OutreachEvent" e
                                                 WHERE e."caseId" = p."id" AND (e."kind" = 'REMINDER' OR (e."kind" = 'VISIT' AND e."visitOutcome" IN (${GONE})))
                                                 ORDER BY e."occurredAt" DESC LIMIT 1)
           END AS "triggerAt"
      FROM (${Prisma.join(pages, " UNION ALL ")}) p
      JOIN "Household" h ON h."id" = p."householdId"
      LEFT JOIN "User" w ON w."id" = p."assignedWorkerId"
      LEFT JOIN "User" j ON j."id" = p."assignedJuristId"
      LEFT JOIN LATERAL (SELECT o."firstName", o."lastName" FROM "Occupant" o
                          WHERE o."householdId" = p."householdId" AND o."role" = 'TENANT' ORDER BY o."position" ASC LIMIT 1) t ON true`;

  const sections = DUE_SECTIONS.map((section, s): DueWorkSection => {
    const mine = rows.filter((r) => r.s === s);
    const items = mine.map((row) => toItem(section, row, filter.now, today)).sort(compareDueItems);
    return { section, total: mine[0]?.total ?? 0, items };
  });
  return { today, scope: filter.scope, sections };
}

import "server-only";
import { storedDeadlineSentence } from "@/lib/domain/procedure/wording";
import { DEADLINE_KIND_LABELS } from "@/lib/domain/labels";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, DeadlineKind } from "@/lib/domain/labels";
import { addCalendarDays } from "@/lib/domain/outreach/reminder";
import { canViewDueWork } from "@/lib/domain/permissions";
import { RULES, type RuleId } from "@/lib/domain/procedure/rules";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { ensureDeadlinesCurrent } from "@/lib/server/services/refresh-deadlines";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import type { DueWorkScope } from "./list-due-work";

/** "Échéances de procédure" horizons offered on "À faire", in days from today. */
export const DEADLINE_HORIZONS = [7, 15, 30, 60] as const;
export const DEFAULT_DEADLINE_HORIZON = 30;
/** "À faire" lists the first 10 deadlines; "Voir les N" up to 200 (as its other sections, decision 047; decision 050). */
export const PROCEDURE_DEADLINES_PAGE_LIMIT = 10;
export const PROCEDURE_DEADLINES_EXPANDED_LIMIT = 200;

export interface ProcedureDeadlineItem {
  caseId: string;
  number: number;
  tenantName: string;
  city: string;
  state: CaseState;
  kind: DeadlineKind;
  on: Date;
  /** Issue 13: for an act "possible from" `on`, the day the delay holding it back expires, and the two in words. */
  expiresOn: Date | null;
  twoDates: string | null;
  daysLeft: number;
  /** The article the date comes from; empty for a date that is not a legal rule (the hearing itself). */
  legalBasis: string;
  workerName: string | null;
  juristName: string | null;
}

export interface ProcedureDeadlines {
  today: Date;
  horizonDays: number;
  /** Every deadline in the window, even beyond the items listed. */
  total: number;
  items: ProcedureDeadlineItem[];
}

interface Row {
  kind: DeadlineKind;
  on: Date;
  ruleId: string;
  expiresOn: Date | null;
  caseId: string;
  number: number;
  state: CaseState;
  total: number;
  city: string;
  firstName: string | null;
  lastName: string | null;
  workerName: string | null;
  juristName: string | null;
}

/**
 * The legal deadlines of the team's open cases (or the actor's) from today to
 * today + horizon, soonest first: one statement over CaseDeadline and the team's cases.
 */
export async function listProcedureDeadlines(
  db: Db,
  actor: Actor,
  filter: { teamId: string; scope: DueWorkScope; now: Date; horizonDays: number; limit?: number },
): Promise<ProcedureDeadlines | null> {
  if (!canViewDueWork(actor, filter.teamId)) return null;
  const today = parisToday(filter.now);
  await ensureDeadlinesCurrent(db, today);
  const until = addCalendarDays(today, filter.horizonDays);
  const scope = filter.scope === "me" ? Prisma.sql`AND (c."assignedWorkerId" = ${actor.id} OR c."assignedJuristId" = ${actor.id})` : Prisma.empty;
  // One statement (issue 17, decision 047): the window's rows, narrow, with
  // their count (a window over every matching row) and their order; only the
  // rows listed are joined to their tenant, worker and jurist.
  const rows = await db.$queryRaw<Row[]>`
    SELECT p."kind", p."on", p."ruleId", p."expiresOn", p."caseId", p."number", p."state", p."total",
           h."city", t."firstName", t."lastName", w."name" AS "workerName", j."name" AS "juristName"
      FROM (SELECT d."kind"::text AS "kind", d."on", d."ruleId", d."expiresOn", c."id" AS "caseId", c."number", c."state"::text AS "state",
                   c."householdId", c."assignedWorkerId", c."assignedJuristId", (count(*) OVER ())::int AS "total",
                   row_number() OVER (ORDER BY d."on" ASC, d."kind" ASC, c."number" ASC) AS "rank"
              FROM "CaseDeadline" d
              JOIN "Case" c ON c."id" = d."caseId"
             WHERE d."on" BETWEEN ${toIsoDay(today)}::date AND ${toIsoDay(until)}::date
               AND c."teamId" = ${filter.teamId} AND c."state" <> 'CLOSED' ${scope}
             ORDER BY "rank"
             LIMIT ${filter.limit ?? PROCEDURE_DEADLINES_PAGE_LIMIT}::int) p
      JOIN "Household" h ON h."id" = p."householdId"
      LEFT JOIN "User" w ON w."id" = p."assignedWorkerId"
      LEFT JOIN "User" j ON j."id" = p."assignedJuristId"
      LEFT JOIN LATERAL (SELECT o."firstName", o."lastName" FROM "Occupant" o
                          WHERE o."householdId" = p."householdId" AND o."role" = 'TENANT' ORDER BY o."position" ASC LIMIT 1) t ON true
     ORDER BY p."rank"`;
  const total = rows[0]?.total ?? 0;
  const dayMs = 86_400_000;
  return {
    today,
    horizonDays: filter.horizonDays,
    total,
    items: rows.map((r) => {
      const rule = RULES[r.ruleId as RuleId];
      return {
        caseId: r.caseId,
        number: r.number,
        tenantName: r.lastName !== null ? `${r.lastName.toUpperCase()} ${r.firstName}` : "—",
        city: r.city,
        state: r.state,
        kind: r.kind,
        on: r.on,
        expiresOn: r.expiresOn,
        twoDates: r.expiresOn ? storedDeadlineSentence({ kind: r.kind, on: r.on, expiresOn: r.expiresOn, ruleId: r.ruleId as RuleId }, DEADLINE_KIND_LABELS[r.kind], today) : null,
        daysLeft: Math.round((r.on.getTime() - today.getTime()) / dayMs),
        // The teams' own practices (the hearing countdown) are not presented as law.
        legalBasis: rule?.isLaw ? rule.article : "",
        workerName: r.workerName,
        juristName: r.juristName,
      };
    }),
  };
}

import "server-only";
import { storedDeadlineSentence } from "@/lib/domain/procedure/wording";
import { DEADLINE_KIND_LABELS } from "@/lib/domain/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, DeadlineKind } from "@/lib/domain/labels";
import { addCalendarDays } from "@/lib/domain/outreach/reminder";
import { canViewDueWork } from "@/lib/domain/permissions";
import { RULES, type RuleId } from "@/lib/domain/procedure/rules";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { ensureDeadlinesCurrent } from "@/lib/server/services/refresh-deadlines";
import { parisToday } from "@/lib/utils/dates";
import type { DueWorkScope } from "./list-due-work";

/** "Échéances de procédure" horizons offered on "À faire", in days from today. */
export const DEADLINE_HORIZONS = [7, 15, 30, 60] as const;
export const DEFAULT_DEADLINE_HORIZON = 30;
export const PROCEDURE_DEADLINES_LIMIT = 50;

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

/**
 * The legal deadlines of the team's open cases (or the actor's) from today to
 * today + horizon, soonest first: one indexed range over CaseDeadline.
 */
export async function listProcedureDeadlines(
  db: Db,
  actor: Actor,
  filter: { teamId: string; scope: DueWorkScope; now: Date; horizonDays: number },
): Promise<ProcedureDeadlines | null> {
  if (!canViewDueWork(actor, filter.teamId)) return null;
  const today = parisToday(filter.now);
  await ensureDeadlinesCurrent(db, today);
  const until = addCalendarDays(today, filter.horizonDays);
  const scope: Prisma.CaseWhereInput =
    filter.scope === "me" ? { OR: [{ assignedWorkerId: actor.id }, { assignedJuristId: actor.id }] } : {};
  const where: Prisma.CaseDeadlineWhereInput = {
    on: { gte: today, lte: until },
    case: { teamId: filter.teamId, state: { not: "CLOSED" }, ...scope },
  };
  const [total, rows] = await Promise.all([
    db.caseDeadline.count({ where }),
    db.caseDeadline.findMany({
      where,
      orderBy: [{ on: "asc" }, { kind: "asc" }, { case: { number: "asc" } }],
      take: PROCEDURE_DEADLINES_LIMIT,
      select: {
        kind: true,
        on: true,
        ruleId: true,
        expiresOn: true,
        case: {
          select: {
            id: true,
            number: true,
            state: true,
            assignedWorker: { select: { name: true } },
            assignedJurist: { select: { name: true } },
            household: {
              select: {
                city: true,
                occupants: { where: { role: "TENANT" }, orderBy: { position: "asc" }, take: 1, select: { firstName: true, lastName: true } },
              },
            },
          },
        },
      },
    }),
  ]);
  const dayMs = 86_400_000;
  return {
    today,
    horizonDays: filter.horizonDays,
    total,
    items: rows.map((r) => {
      const tenant = r.case.household.occupants[0];
      const rule = RULES[r.ruleId as RuleId];
      return {
        caseId: r.case.id,
        number: r.case.number,
        tenantName: tenant ? `${tenant.lastName.toUpperCase()} ${tenant.firstName}` : "—",
        city: r.case.household.city,
        state: r.case.state,
        kind: r.kind,
        on: r.on,
        expiresOn: r.expiresOn,
        twoDates: r.expiresOn ? storedDeadlineSentence({ kind: r.kind, on: r.on, expiresOn: r.expiresOn, ruleId: r.ruleId as RuleId }, DEADLINE_KIND_LABELS[r.kind], today) : null,
        daysLeft: Math.round((r.on.getTime() - today.getTime()) / dayMs),
        // The teams' own practices (the hearing countdown) are not presented as law.
        legalBasis: rule?.isLaw ? rule.article : "",
        workerName: r.case.assignedWorker?.name ?? null,
        juristName: r.case.assignedJurist?.name ?? null,
      };
    }),
  };
}

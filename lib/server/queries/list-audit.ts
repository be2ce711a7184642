import "server-only";
import { auditActionLabel } from "@/lib/domain/labels";
import { auditScopeIsGlobal, canViewAuditLog } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { parisInstant } from "@/lib/utils/dates";

/**
 * The audit page (issue 8 §3): the history of writes (AuditLog, with
 * before/after) and the reads of cases' personal data (AccessLog). An
 * administrator sees every entry; a coordinator the entries about their
 * team's cases; anyone else nothing (the page answers "not found").
 */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  view: "modifications" | "consultations";
  userId?: string;
  caseNumber?: number;
  action?: string;
  /** Calendar days (UTC-midnight Dates), both included, in Paris time. */
  from?: Date;
  to?: Date;
  page: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  userName: string | null;
  action: string;
  actionLabel: string;
  entity: string;
  caseId: string | null;
  caseNumber: number | null;
  before: unknown;
  after: unknown;
}

export interface AccessRow {
  id: string;
  at: Date;
  userName: string;
  caseId: string;
  caseNumber: number;
}

export interface AuditPage<R> {
  rows: R[];
  total: number;
  page: number;
  pageCount: number;
}

interface Scope {
  /** Null: every case (admin). */
  caseIds: string[] | null;
  /** Team-level entries (a team's procedure settings, issue 13) the viewer may read, besides their cases'. */
  teamIds?: readonly string[];
}

/** The audit rows of the scope: its cases' and, without a case filter, its teams' own settings. */
function auditWhere(scope: Scope): Prisma.AuditLogWhereInput {
  if (!scope.caseIds) return {};
  const cases: Prisma.AuditLogWhereInput = { caseId: { in: scope.caseIds } };
  if (!scope.teamIds?.length) return cases;
  return { OR: [cases, { caseId: null, entity: "Team", entityId: { in: [...scope.teamIds] } }] };
}

async function scopeFor(db: Db, actor: Actor, caseNumber: number | undefined): Promise<Scope | "none"> {
  if (!canViewAuditLog(actor)) return "none";
  if (caseNumber !== undefined) {
    const c = await db.case.findUnique({ where: { number: caseNumber }, select: { id: true, teamId: true } });
    // Another team's case number finds nothing, like an unknown one.
    if (!c || (!auditScopeIsGlobal(actor) && !actor.teamIds.includes(c.teamId))) return { caseIds: [] };
    return { caseIds: [c.id] };
  }
  if (auditScopeIsGlobal(actor)) return { caseIds: null };
  const cases = await db.case.findMany({ where: { teamId: { in: [...actor.teamIds] } }, select: { id: true } });
  return { caseIds: cases.map((c) => c.id), teamIds: actor.teamIds };
}

function period(filters: AuditFilters): { gte?: Date; lt?: Date } | undefined {
  const gte = filters.from ? parisInstant(filters.from, "00:00") ?? undefined : undefined;
  const lt = filters.to ? parisInstant(new Date(filters.to.getTime() + 86_400_000), "00:00") ?? undefined : undefined;
  return gte || lt ? { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } : undefined;
}

function pageOf(total: number, page: number) {
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  return { pageCount, current, skip: (current - 1) * AUDIT_PAGE_SIZE };
}

export async function listAuditEntries(db: Db, actor: Actor, filters: AuditFilters): Promise<AuditPage<AuditRow>> {
  const scope = await scopeFor(db, actor, filters.caseNumber);
  if (scope === "none") return { rows: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.AuditLogWhereInput = {
    ...auditWhere(scope),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(period(filters) ? { at: period(filters) } : {}),
  };
  const total = await db.auditLog.count({ where });
  const { pageCount, current, skip } = pageOf(total, filters.page);
  const entries = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip,
    take: AUDIT_PAGE_SIZE,
    select: { id: true, at: true, action: true, entity: true, caseId: true, before: true, after: true, user: { select: { name: true } } },
  });
  const caseIds = [...new Set(entries.map((e) => e.caseId).filter((id): id is string => !!id))];
  const numbers = new Map(
    (await db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, number: true } })).map((c) => [c.id, c.number]),
  );
  return {
    rows: entries.map((e) => ({
      id: e.id,
      at: e.at,
      userName: e.user?.name ?? null,
      action: e.action,
      actionLabel: auditActionLabel(e.action),
      entity: e.entity,
      caseId: e.caseId,
      caseNumber: e.caseId ? numbers.get(e.caseId) ?? null : null,
      before: e.before,
      after: e.after,
    })),
    total,
    page: current,
    pageCount,
  };
}

export async function listCaseAccesses(db: Db, actor: Actor, filters: AuditFilters): Promise<AuditPage<AccessRow>> {
  const scope = await scopeFor(db, actor, filters.caseNumber);
  if (scope === "none") return { rows: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.AccessLogWhereInput = {
    ...(scope.caseIds ? { caseId: { in: scope.caseIds } } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(period(filters) ? { at: period(filters) } : {}),
  };
  const total = await db.accessLog.count({ where });
  const { pageCount, current, skip } = pageOf(total, filters.page);
  const entries = await db.accessLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip,
    take: AUDIT_PAGE_SIZE,
    select: { id: true, at: true, caseId: true, user: { select: { name: true } }, case: { select: { number: true } } },
  });
  return {
    rows: entries.map((e) => ({ id: e.id, at: e.at, userName: e.user.name, caseId: e.caseId, caseNumber: e.case.number })),
    total,
    page: current,
    pageCount,
  };
}

/** The filters' choices: people and actions within the viewer's scope. */
export async function auditFilterOptions(db: Db, actor: Actor): Promise<{ users: { id: string; name: string }[]; actions: { code: string; label: string }[] }> {
  if (!canViewAuditLog(actor)) return { users: [], actions: [] };
  const global = auditScopeIsGlobal(actor);
  const users = await db.user.findMany({
    where: global ? {} : { memberships: { some: { teamId: { in: [...actor.teamIds] } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const scope = await scopeFor(db, actor, undefined);
  const groups = await db.auditLog.groupBy({
    by: ["action"],
    where: scope !== "none" ? auditWhere(scope) : {},
    orderBy: { action: "asc" },
  });
  const actions = groups.map((g) => ({ code: g.action, label: auditActionLabel(g.action) })).sort((a, b) => a.label.localeCompare(b.label, "fr"));
  return { users, actions };
}

import "server-only";
import { auditActionLabel } from "@/lib/domain/labels";
import { auditScopeIsGlobal, canViewAuditLog } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { parisInstant } from "@/lib/utils/dates";

/**
 * The audit page (issue 8 §3): the history of writes (AuditLog, with
 * before/after) and the reads of cases' personal data (AccessLog). An
 * administrator sees every entry; a coordinator the entries about their
 * team's cases; anyone else nothing (the page answers "not found").
 *
 * Issue 17: a team's scope is a join on its cases, never the list of its
 * (10 000) case ids; entries are read newest first from the `at` indexes and
 * counted up to AUDIT_COUNT_CAP (the page says "more than"), so a page costs
 * a short index walk whatever the size of the journal.
 */
export const AUDIT_PAGE_SIZE = 50;
/** Entries are counted up to this many: past it the page says "plus de" and offers the first pages only. */
export const AUDIT_COUNT_CAP = 1000;

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
  /** Exact up to AUDIT_COUNT_CAP; `capped` when there are more. */
  total: number;
  page: number;
  pageCount: number;
  capped?: true;
}

/** Whose entries the viewer reads: every one (admin), one case's, or their teams' (their cases and the teams' own settings). */
type Scope = { kind: "all" } | { kind: "case"; caseId: string | null } | { kind: "teams"; teamIds: string[] };

async function scopeFor(db: Db, actor: Actor, caseNumber: number | undefined): Promise<Scope | "none"> {
  if (!canViewAuditLog(actor)) return "none";
  if (caseNumber !== undefined) {
    const c = await db.case.findUnique({ where: { number: caseNumber }, select: { id: true, teamId: true } });
    // Another team's case number finds nothing, like an unknown one.
    if (!c || (!auditScopeIsGlobal(actor) && !actor.teamIds.includes(c.teamId))) return { kind: "case", caseId: null };
    return { kind: "case", caseId: c.id };
  }
  if (auditScopeIsGlobal(actor)) return { kind: "all" };
  return { kind: "teams", teamIds: [...actor.teamIds] };
}

/** The audit rows of the scope (alias `a`). */
function auditScopeSql(scope: Scope): Prisma.Sql {
  if (scope.kind === "all") return Prisma.sql`TRUE`;
  if (scope.kind === "case") return scope.caseId ? Prisma.sql`a."caseId" = ${scope.caseId}` : Prisma.sql`FALSE`;
  if (!scope.teamIds.length) return Prisma.sql`FALSE`;
  const teams = Prisma.join(scope.teamIds);
  return Prisma.sql`(a."caseId" IN (SELECT c.id FROM "Case" c WHERE c."teamId" IN (${teams}))
    OR (a."caseId" IS NULL AND a.entity = 'Team' AND a."entityId" IN (${teams})))`;
}

function period(filters: AuditFilters): { gte?: Date; lt?: Date } | undefined {
  const gte = filters.from ? parisInstant(filters.from, "00:00") ?? undefined : undefined;
  const lt = filters.to ? parisInstant(new Date(filters.to.getTime() + 86_400_000), "00:00") ?? undefined : undefined;
  return gte || lt ? { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } : undefined;
}

function pageOf(counted: number, page: number) {
  const total = Math.min(counted, AUDIT_COUNT_CAP);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  return { total, pageCount, current, ...(counted > AUDIT_COUNT_CAP ? { capped: true as const } : {}) };
}

const EMPTY = { rows: [], total: 0, page: 1, pageCount: 1 };

/**
 * Reads the requested page with the (capped) count, together; a page past the
 * end is read again, clamped.
 */
async function paged<R>(count: () => Promise<number>, read: (skip: number) => Promise<R[]>, page: number): Promise<AuditPage<R>> {
  const wanted = Math.min(Math.max(1, page), AUDIT_COUNT_CAP / AUDIT_PAGE_SIZE);
  const [counted, first] = await Promise.all([count(), read((wanted - 1) * AUDIT_PAGE_SIZE)]);
  const { total, pageCount, current, capped } = pageOf(counted, wanted);
  const rows = current === wanted ? first : await read((current - 1) * AUDIT_PAGE_SIZE);
  return { rows, total, page: current, pageCount, ...(capped ? { capped } : {}) };
}

export async function listAuditEntries(db: Db, actor: Actor, filters: AuditFilters): Promise<AuditPage<AuditRow>> {
  const scope = await scopeFor(db, actor, filters.caseNumber);
  if (scope === "none") return { ...EMPTY };
  const when = period(filters);
  const where = Prisma.join(
    [
      auditScopeSql(scope),
      ...(filters.userId ? [Prisma.sql`a."userId" = ${filters.userId}`] : []),
      ...(filters.action ? [Prisma.sql`a.action = ${filters.action}`] : []),
      ...(when?.gte ? [Prisma.sql`a.at >= ${when.gte}`] : []),
      ...(when?.lt ? [Prisma.sql`a.at < ${when.lt}`] : []),
    ],
    " AND ",
  );
  const count = async () => {
    const [row] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM "AuditLog" a WHERE ${where} LIMIT ${AUDIT_COUNT_CAP + 1}) capped`;
    return row?.n ?? 0;
  };
  const read = (skip: number) =>
    db.$queryRaw<Array<Omit<AuditRow, "actionLabel">>>`
      SELECT a.id, a.at, a.action, a.entity, a."caseId", a.before, a.after, u.name AS "userName", c.number AS "caseNumber"
        FROM "AuditLog" a
        LEFT JOIN "User" u ON u.id = a."userId"
        LEFT JOIN "Case" c ON c.id = a."caseId"
       WHERE ${where}
       ORDER BY a.at DESC, a.id DESC
       LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${skip}`;
  const result = await paged(count, read, filters.page);
  return {
    ...result,
    rows: result.rows.map((e) => ({
      id: e.id,
      at: e.at,
      userName: e.userName ?? null,
      action: e.action,
      actionLabel: auditActionLabel(e.action),
      entity: e.entity,
      caseId: e.caseId,
      caseNumber: e.caseNumber ?? null,
      before: e.before,
      after: e.after,
    })),
  };
}

export async function listCaseAccesses(db: Db, actor: Actor, filters: AuditFilters): Promise<AuditPage<AccessRow>> {
  const scope = await scopeFor(db, actor, filters.caseNumber);
  if (scope === "none") return { ...EMPTY };
  const when = period(filters);
  const inScope: Prisma.AccessLogWhereInput =
    scope.kind === "all" ? {} : scope.kind === "case" ? { caseId: scope.caseId ?? { in: [] } } : { case: { teamId: { in: scope.teamIds } } };
  const where: Prisma.AccessLogWhereInput = {
    ...inScope,
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(when ? { at: when } : {}),
  };
  const count = () => db.accessLog.count({ where, take: AUDIT_COUNT_CAP + 1 });
  const read = (skip: number) =>
    db.accessLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, caseId: true, user: { select: { name: true } }, case: { select: { number: true } } },
    });
  const result = await paged(count, read, filters.page);
  return { ...result, rows: result.rows.map((e) => ({ id: e.id, at: e.at, userName: e.user.name, caseId: e.caseId, caseNumber: e.case.number })) };
}

/**
 * The filters' choices: people and actions within the viewer's scope. The
 * actions are the distinct codes of the journal found by a loose scan of the
 * `(action, at)` index (one probe per code, a few dozen), each kept when the
 * scope has an entry with it — never a scan of the scope's entries.
 */
export async function auditFilterOptions(db: Db, actor: Actor): Promise<{ users: { id: string; name: string }[]; actions: { code: string; label: string }[] }> {
  if (!canViewAuditLog(actor)) return { users: [], actions: [] };
  const global = auditScopeIsGlobal(actor);
  const scope = await scopeFor(db, actor, undefined);
  const [users, codes] = await Promise.all([
    db.user.findMany({
      where: global ? {} : { memberships: { some: { teamId: { in: [...actor.teamIds] } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    scope === "none"
      ? Promise.resolve([])
      : db.$queryRaw<Array<{ action: string }>>`
          WITH RECURSIVE d(action) AS (
            (SELECT action FROM "AuditLog" ORDER BY action LIMIT 1)
            UNION ALL
            SELECT (SELECT n.action FROM "AuditLog" n WHERE n.action > d.action ORDER BY n.action LIMIT 1) FROM d WHERE d.action IS NOT NULL
          )
          SELECT d.action FROM d
           WHERE d.action IS NOT NULL
             AND EXISTS (SELECT 1 FROM "AuditLog" a WHERE a.action = d.action AND ${auditScopeSql(scope)})`,
  ]);
  const actions = codes.map((g) => ({ code: g.action, label: auditActionLabel(g.action) })).sort((a, b) => a.label.localeCompare(b.label, "fr"));
  return { users, actions };
}

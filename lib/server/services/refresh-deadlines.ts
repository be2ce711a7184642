import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeadlineKind } from "@/lib/domain/labels";
import { nextDeadline, PROCEDURE_DEADLINES_VERSION, procedureDeadlines } from "@/lib/domain/procedure/deadline-list";
import { procedureFacts } from "@/lib/domain/procedure/facts";
import type { Db } from "@/lib/server/db";
import { loadTeamsProcedureSettings } from "@/lib/server/procedure-settings";

/**
 * The procedure deadlines kept for lists (decision 008): every dated deadline
 * of a case in CaseDeadline, computed from its acts (not from today), and the
 * first one from today on cached in Case.nextDeadlineOn / nextDeadlineKind so
 * that "À faire" and the caseload filter and sort with an index.
 *
 * - Services that change a case's procedure call `refreshDeadlinesForCases`
 *   inside their transaction.
 * - `ensureDeadlinesCurrent` runs before the lists read them: it recomputes the
 *   cases written without deadlines or with an older PROCEDURE_DEADLINES_VERSION
 *   (seeds, factories, a rule change).
 * - `rollNextDeadlinesForward` moves the cached next deadline forward once a
 *   day for the cases whose next deadline has passed, in the background
 *   (lib/server/jobs/deadline-job.ts). Neither touches Case.version: this is
 *   derived data, not a user's write.
 */

type Tx = Prisma.TransactionClient | Db;

const BATCH = 500;

/** Recomputes and stores the deadlines of these cases; returns how many were written. */
export async function refreshDeadlinesForCases(tx: Tx, caseIds: readonly string[], today: Date): Promise<number> {
  let written = 0;
  for (let i = 0; i < caseIds.length; i += BATCH) {
    const ids = caseIds.slice(i, i + BATCH);
    const cases = await tx.case.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        teamId: true,
        debtCents: true,
        lease: { select: { signedOn: true, rentCents: true, landlord: { select: { kind: true } } } },
        procedureEvents: {
          orderBy: [{ date: "asc" }, { createdAt: "asc" }],
          select: { stage: true, date: true, delayMonths: true, delayEndsOn: true },
        },
      },
    });
    // Issue 13: each case is computed with its team's settings.
    const settingsByTeam = await loadTeamsProcedureSettings(tx, cases.map((c) => c.teamId));
    const rows: Prisma.CaseDeadlineCreateManyInput[] = [];
    // Cases sharing the same next deadline are updated together.
    const byNext = new Map<string, { on: Date | null; kind: DeadlineKind | null; expiresOn: Date | null; ids: string[] }>();
    for (const c of cases) {
      const facts = procedureFacts({
        events: c.procedureEvents,
        leaseSignedOn: c.lease?.signedOn ?? null,
        landlordKind: c.lease?.landlord.kind ?? null,
        monthlyRentCents: c.lease?.rentCents ?? null,
        debtCents: c.debtCents,
        householdMet: false,
      });
      const deadlines = procedureDeadlines(facts, settingsByTeam.get(c.teamId));
      for (const d of deadlines) rows.push({ caseId: c.id, kind: d.kind, on: d.on, ruleId: d.ruleId, expiresOn: d.expiresOn ?? null });
      const next = nextDeadline(deadlines, today);
      const key = next ? `${next.on.toISOString()}|${next.kind}|${next.expiresOn?.toISOString() ?? ""}` : "none";
      const group = byNext.get(key) ?? { on: next?.on ?? null, kind: next?.kind ?? null, expiresOn: next?.expiresOn ?? null, ids: [] };
      group.ids.push(c.id);
      byNext.set(key, group);
    }
    const found = cases.map((c) => c.id);
    await tx.caseDeadline.deleteMany({ where: { caseId: { in: found } } });
    if (rows.length) await tx.caseDeadline.createMany({ data: rows });
    for (const group of byNext.values()) {
      await tx.case.updateMany({
        where: { id: { in: group.ids } },
        data: {
          nextDeadlineOn: group.on,
          nextDeadlineKind: group.kind,
          nextDeadlineExpiresOn: group.expiresOn,
          deadlinesVersion: PROCEDURE_DEADLINES_VERSION,
        },
      });
    }
    written += found.length;
  }
  return written;
}

/** Issue 13: a team's settings changed; recompute that team's cases only (inside the setting's transaction). */
export async function refreshTeamDeadlines(tx: Tx, teamId: string, today: Date): Promise<number> {
  const ids = await tx.case.findMany({ where: { teamId }, select: { id: true } });
  return refreshDeadlinesForCases(tx, ids.map((c) => c.id), today);
}

/** Cases never computed, or computed with older rules. */
export async function recomputeOutdatedDeadlines(db: Db, today: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const outdated = await db.case.findMany({
      where: { deadlinesVersion: { lt: PROCEDURE_DEADLINES_VERSION } },
      select: { id: true },
      take: BATCH,
    });
    if (outdated.length === 0) return total;
    total += await db.$transaction((tx) => refreshDeadlinesForCases(tx, outdated.map((c) => c.id), today), { timeout: 120_000 });
  }
}

/**
 * Moves Case.nextDeadlineOn to the next CaseDeadline on or after today for the
 * cases whose cached next deadline has passed (an indexed range: nothing to do
 * on most days). Ties go to the first kind in the enum's order, as in nextDeadline().
 */
export async function rollNextDeadlinesForward(db: Db, today: Date): Promise<number> {
  const [moved, cleared] = await db.$transaction([
    db.$executeRaw`
      UPDATE "Case" AS c
         SET "nextDeadlineOn" = d."on", "nextDeadlineKind" = d."kind", "nextDeadlineExpiresOn" = d."expiresOn"
        FROM (
          SELECT DISTINCT ON (cd."caseId") cd."caseId", cd."on", cd."kind", cd."expiresOn"
            FROM "CaseDeadline" AS cd
            JOIN "Case" AS stale ON stale."id" = cd."caseId"
           WHERE stale."nextDeadlineOn" < ${today}::date AND cd."on" >= ${today}::date
           ORDER BY cd."caseId", cd."on", cd."kind"
        ) AS d
       WHERE c."id" = d."caseId"`,
    db.$executeRaw`
      UPDATE "Case" SET "nextDeadlineOn" = NULL, "nextDeadlineKind" = NULL, "nextDeadlineExpiresOn" = NULL
       WHERE "nextDeadlineOn" < ${today}::date`,
  ]);
  return moved + cleared;
}

/**
 * How long a check that left no outdated case is trusted, per process (issue
 * 17, decision 047): set only by the app server's deadline job
 * (lib/server/jobs/deadline-job.ts), which recomputes at start-up itself. The
 * app's own writers compute deadlines in their transactions; only a bulk
 * writer outside the app (a seed, a script) leaves cases without them, and
 * those are then computed by the first list request after the trust expires.
 * Kept on globalThis: Next.js loads the job (instrumentation) and the pages
 * in separate module graphs.
 */
const check = globalThis as unknown as { maintienOutdatedCheck?: { trustMs: number; cleanAt: number } };

export function trustOutdatedDeadlinesCheck(trustMs: number): void {
  check.maintienOutdatedCheck = { trustMs, cleanAt: Number.NEGATIVE_INFINITY };
}

/**
 * Called by the queries that read the next deadline, before they read it:
 * recomputes the cases written without deadlines or with older rules (an
 * indexed lookup, nothing to do on most requests; in the app server, skipped
 * for a minute after a check: trustOutdatedDeadlinesCheck). The daily
 * roll-forward is not here any more: it runs in the background
 * (lib/server/jobs/deadline-job.ts, `npm run deadlines:roll`; issue 17,
 * decision 036), and the lists show only deadlines from today on meanwhile.
 */
export async function ensureDeadlinesCurrent(db: Db, today: Date): Promise<void> {
  const trusted = check.maintienOutdatedCheck;
  // A monotonic clock: this is a cache's age, not the domain's "now".
  if (trusted && performance.now() - trusted.cleanAt < trusted.trustMs) return;
  await recomputeOutdatedDeadlines(db, today);
  if (trusted) trusted.cleanAt = performance.now();
}

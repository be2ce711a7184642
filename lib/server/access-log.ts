import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";

/**
 * Who read a case's personal data, and when (issue 8 §3; GDPR art. 5(2)
 * accountability, art. 32 traceability): the case page, the hearing file and
 * its PDF, the support tab, letters. Call it only AFTER the read was
 * authorised (the query returned the case), so a refused attempt writes
 * nothing and the log never holds ids of cases the reader may not see.
 *
 * A page is rendered again after each form it holds is sent (revalidation):
 * one row per person, case and minute is enough to answer "who looked at
 * this household, when", without a row per re-render.
 */
export const ACCESS_LOG_DEDUP_MS = 60_000;

export async function logCaseAccess(db: Db, actor: Pick<Actor, "id">, caseId: string, now: Date = new Date()): Promise<void> {
  // One statement (issue 17, decision 045): the row is inserted unless one of
  // the last minute exists, in the same round trip as the check.
  const since = new Date(now.getTime() - ACCESS_LOG_DEDUP_MS);
  await db.$executeRaw`
    INSERT INTO "AccessLog" ("id", "userId", "caseId", "at")
    SELECT ${rowId()}::text, ${actor.id}::text, ${caseId}::text, ${now}::timestamptz
     WHERE NOT EXISTS (
       SELECT 1 FROM "AccessLog"
        WHERE "userId" = ${actor.id}::text AND "caseId" = ${caseId}::text
          AND "at" > ${since}::timestamptz AND "at" <= ${now}::timestamptz)`;
}

/** A cuid-shaped row id, as Prisma's `@default(cuid())` would give (raw SQL does not). */
let counter = 0;
function rowId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  let random = "";
  for (const byte of randomBytes(12)) random += (byte % 36).toString(36);
  return `c${time}${counter.toString(36).padStart(4, "0")}${random}`;
}

/** Several cases read at once (a batch of letters in one PDF): one query to find the recent rows, one insert. */
export async function logCaseAccesses(db: Db, actor: Pick<Actor, "id">, caseIds: readonly string[], now: Date = new Date()): Promise<void> {
  const unique = [...new Set(caseIds)];
  if (!unique.length) return;
  const recent = await db.accessLog.findMany({
    where: { userId: actor.id, caseId: { in: unique }, at: { gt: new Date(now.getTime() - ACCESS_LOG_DEDUP_MS), lte: now } },
    select: { caseId: true },
  });
  const seen = new Set(recent.map((r) => r.caseId));
  const rows = unique.filter((id) => !seen.has(id)).map((caseId) => ({ userId: actor.id, caseId, at: now }));
  if (rows.length) await db.accessLog.createMany({ data: rows });
}

/**
 * A document of the case was read (issue 19: a preview or a download). One
 * row per read of each document, deduplicated only within the same minute for
 * the same person and document (a browser asking twice for one preview), so
 * opening two documents in a minute leaves two rows.
 */
export async function logAttachmentAccess(db: Db, actor: Pick<Actor, "id">, caseId: string, attachmentId: string, now: Date = new Date()): Promise<void> {
  const recent = await db.accessLog.findFirst({
    where: { userId: actor.id, caseId, attachmentId, at: { gt: new Date(now.getTime() - ACCESS_LOG_DEDUP_MS), lte: now } },
    select: { id: true },
  });
  if (recent) return;
  await db.accessLog.create({ data: { userId: actor.id, caseId, attachmentId, at: now } });
}

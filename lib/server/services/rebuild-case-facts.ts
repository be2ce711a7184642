import "server-only";
import type { Db } from "@/lib/server/db";

/**
 * Recomputes every case's facts row (`CaseFacts`, decision 035) from the case
 * and its events, in batches of `batch` cases, each in its own statement.
 * The triggers of migration issue17_case_facts keep the rows current; this is
 * for repairs and for a migration that changes what the facts hold
 * (`npm run facts:rebuild`). Rows already right are not rewritten (the
 * function compares before it updates), so it returns how many it changed.
 */
export async function rebuildCaseFacts(db: Db, options: { batch?: number; onProgress?: (done: number) => void } = {}): Promise<{ cases: number; changed: number }> {
  const batch = options.batch ?? 5000;
  let last = "";
  let cases = 0;
  let changed = 0;
  for (;;) {
    const ids = (await db.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Case" WHERE id > ${last} ORDER BY id LIMIT ${batch}`).map((r) => r.id);
    if (!ids.length) break;
    // Changed: rows missing or different before the refresh (compared as text).
    const before = await db.$queryRaw<Array<{ row: string }>>`SELECT f::text AS row FROM "CaseFacts" f WHERE f."caseId" = ANY(${ids}::text[])`;
    await db.$executeRaw`SELECT maintien_refresh_case_facts(${ids}::text[])`;
    const after = await db.$queryRaw<Array<{ row: string }>>`SELECT f::text AS row FROM "CaseFacts" f WHERE f."caseId" = ANY(${ids}::text[])`;
    const seen = new Set(before.map((r) => r.row));
    changed += after.filter((r) => !seen.has(r.row)).length;
    cases += ids.length;
    last = ids[ids.length - 1] as string;
    options.onProgress?.(cases);
  }
  return { cases, changed };
}

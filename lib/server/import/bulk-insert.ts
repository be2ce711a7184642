import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Inserts many rows of one table in ONE statement with ONE parameter: the
 * rows as a JSON array, expanded by PostgreSQL's json_populate_recordset.
 *
 * Why not createMany: on the embedded database a 1 000-row createMany binds
 * 10 000+ parameters and took ~3 s per table (measured by
 * scripts/bench/import-10k.ts), which put a 10 000-row list far above the
 * 15 s target; one JSON parameter takes a few tens of milliseconds. Columns
 * left out take their default (Case.number's sequence, createdAt…), exactly
 * as with Prisma. Table and column names come from this code, never from a
 * file; values only travel in the JSON parameter.
 */

export type BulkValue = string | number | boolean | null | Prisma.InputJsonValue;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

export async function bulkInsert(tx: Prisma.TransactionClient, table: string, rows: ReadonlyArray<Record<string, BulkValue | undefined>>, chunkSize = 5000): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`bulkInsert: unexpected identifier ${name}`);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const part = rows.slice(i, i + chunkSize);
    await tx.$executeRawUnsafe(sql, JSON.stringify(part));
  }
}

/** A calendar date (UTC midnight) as the "YYYY-MM-DD" a date column takes; null stays null. */
export function sqlDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

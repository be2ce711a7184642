// Bulk inserts for the benchmarks: one `INSERT … SELECT … FROM unnest($1::text[], …)`
// per chunk of rows, one array parameter per column. As fast as COPY for our
// purpose, needs nothing beyond `pg`, and works the same on PostgreSQL and on
// PGlite behind its socket. Values go as text and are cast to each column's
// type (read from information_schema), so enums, dates and JSON need no code.
import type pg from "pg";

interface Column {
  name: string;
  /** The SQL type to cast the text to: integer, date, "CaseState"… */
  cast: string;
  notNull: boolean;
  defaultExpr: string | null;
  isDate: boolean;
}

export type Row = Record<string, unknown>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const cache = new Map<string, Map<string, Column>>();

async function columnsOf(client: pg.ClientBase, table: string): Promise<Map<string, Column>> {
  const known = cache.get(table);
  if (known) return known;
  const { rows } = await client.query<{ column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(
    `SELECT column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  if (!rows.length) throw new Error(`bulk insert: no table "${table}"`);
  const columns = new Map<string, Column>();
  for (const r of rows) {
    const cast = r.data_type === "USER-DEFINED" ? quote(r.udt_name) : r.data_type;
    columns.set(r.column_name, {
      name: r.column_name,
      cast,
      notNull: r.is_nullable === "NO",
      defaultExpr: r.column_default,
      isDate: r.data_type === "date",
    });
  }
  cache.set(table, columns);
  return columns;
}

function toText(value: unknown, column: Column): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return column.isDate ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Inserts `rows` into `table`, `chunk` rows a statement. A key absent from a
 * row takes the column's default (NOT NULL columns with a default), as with
 * Prisma's createMany; `updatedAt` (set by Prisma, no SQL default) must be given.
 */
export async function bulkInsert(client: pg.ClientBase, table: string, rows: ReadonlyArray<Row>, chunk = 5000): Promise<void> {
  if (!rows.length) return;
  const columns = await columnsOf(client, table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => rows.some((r) => r[k] !== undefined));
  for (const key of keys) if (!columns.has(key)) throw new Error(`bulk insert: "${table}" has no column "${key}"`);
  for (const column of columns.values()) {
    if (column.notNull && column.defaultExpr === null && !keys.includes(column.name)) {
      throw new Error(`bulk insert: "${table}"."${column.name}" is required and has no default`);
    }
  }
  const cols = keys.map((k) => columns.get(k) as Column);
  const select = cols
    .map((c, i) => {
      const value = `t.c${i}::${c.cast}`;
      return c.notNull && c.defaultExpr !== null ? `COALESCE(${value}, ${c.defaultExpr})` : value;
    })
    .join(", ");
  const sql =
    `INSERT INTO ${quote(table)} (${cols.map((c) => quote(c.name)).join(", ")}) ` +
    `SELECT ${select} FROM unnest(${cols.map((_, i) => `$${i + 1}::text[]`).join(", ")}) AS t(${cols.map((_, i) => `c${i}`).join(", ")})`;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params = cols.map((c) => slice.map((r) => toText(r[c.name], c)));
    await client.query(sql, params);
  }
}

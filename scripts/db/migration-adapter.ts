// The driver adapter given to the WebAssembly schema engine: @prisma/adapter-pg
// with three fixes the engine needs (each found by running it, see
// docs/decisions/002-offline-migrations.md):
//
// 1. `"char"` columns (oid 18, e.g. pg_constraint.contype) are rejected by
//    adapter-pg. The engine's schema describer reads them with `as char`, so we
//    keep the value as text but report the column type as
//    ColumnTypeEnum.Character (reporting Text makes the describer panic).
// 2. adapter-pg's `executeScript` splits the script on ";" (breaks on strings,
//    dollar-quoted bodies) and runs statements one by one, so a failing
//    migration leaves its first half applied. We send the whole script as one
//    simple-protocol query: PostgreSQL runs it as one implicit transaction,
//    exactly like the native engine does.
// 3. Shadow databases: adapter-pg drops the temporary database before closing
//    its pool (the drop fails, databases pile up) and would reuse the main
//    database name. Ours are provided by a `ShadowDatabaseSource`.

import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

/** Result rows arrays of queries that returned `"char"` columns → their indexes. */
const charColumns = new WeakMap<object, number[]>();

/**
 * A pg Client that rewrites `"char"` fields to text before adapter-pg sees
 * them, remembering which columns they were (keyed by the rows array, which
 * adapter-pg returns as is).
 */
class CharAwareClient extends pg.Client {
  // pg's query() has many overloads: post-process both callback results (as
  // pg.Pool#query uses) and promise results (transactions).
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, res: pg.QueryResult) => {
        if (!error && res) markCharColumns(res);
        return (callback as (e: unknown, r: unknown) => unknown)(error, res);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<pg.QueryResult>).then((res) => {
        markCharColumns(res);
        return res;
      }) as never;
    }
    return result as never;
  }
}

function markCharColumns(res: pg.QueryResult | pg.QueryResult[]): void {
  for (const r of Array.isArray(res) ? res : [res]) {
    if (!r?.fields) continue;
    const indexes: number[] = [];
    r.fields.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length && r.rows) charColumns.set(r.rows, indexes);
  }
}

function fixColumnTypes(result: SqlResultSet): SqlResultSet {
  const indexes = charColumns.get(result.rows);
  if (indexes) {
    for (const i of indexes) result.columnTypes[i] = ColumnTypeEnum.Character;
  }
  return result;
}

function fixQueryable<T extends { queryRaw(q: SqlQuery): Promise<SqlResultSet> }>(target: T): T {
  const original = target.queryRaw.bind(target);
  target.queryRaw = async (query: SqlQuery) => fixColumnTypes(await original(query));
  return target;
}

function toDriverError(error: unknown): DriverAdapterError {
  const e = error as { code?: string; severity?: string; message?: string; detail?: string; column?: string; hint?: string };
  if (typeof e?.code === "string" && typeof e.severity === "string") {
    return new DriverAdapterError({
      kind: "postgres",
      code: e.code,
      severity: e.severity,
      message: e.message ?? String(error),
      detail: e.detail,
      column: e.column,
      hint: e.hint,
    });
  }
  throw error;
}

/** Wrap an adapter-pg adapter with the fixes above. */
function fixAdapter(adapter: SqlDriverAdapter, pool: pg.Pool, onDispose?: () => Promise<void>): SqlDriverAdapter {
  fixQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => fixQueryable<Transaction>(await startTransaction(isolationLevel));
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      throw toDriverError(error);
    }
  };
  // Idempotent: the engine may dispose an adapter, and the session closes all.
  const dispose = adapter.dispose.bind(adapter);
  let disposing: Promise<void> | null = null;
  adapter.dispose = () => {
    disposing ??= (async () => {
      try {
        await dispose();
      } finally {
        await onDispose?.();
      }
    })();
    return disposing;
  };
  return adapter;
}

export interface PoolOptions {
  /** Pool size; 1 on the embedded database (PGlite socket). */
  max?: number;
}

/** A pg Pool using the `"char"`-aware client. */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: options.max ?? 2,
    Client: CharAwareClient as unknown as typeof pg.Client,
  });
}

/** Connect to `url` and return a fixed adapter that ends its own pool on dispose. */
export async function connectAdapter(url: string, options: PoolOptions = {}): Promise<SqlDriverAdapter> {
  const pool = createPool(url, options);
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const adapter = await factory.connect();
  return fixAdapter(adapter, pool);
}

/** Where the engine gets an empty database to replay migrations into. */
export interface ShadowDatabaseSource {
  /** Returns an empty database; `release` drops or resets it. */
  acquire(): Promise<{ url: string; poolMax?: number; release(): Promise<void> }>;
}

export interface MigrationAdapterOptions extends PoolOptions {
  /** Needed by createMigration / evaluateDataLoss / diagnose with shadow. */
  shadow?: ShadowDatabaseSource;
}

/** The factory handed to the engine (wrap it with bindMigrationAwareSqlAdapterFactory). */
export function createMigrationAdapterFactory(
  url: string,
  options: MigrationAdapterOptions = {},
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(url, options),
    connectToShadowDb: async () => {
      if (!options.shadow) {
        throw new Error("This operation needs a shadow database, and none was configured.");
      }
      const lease = await options.shadow.acquire();
      try {
        const pool = createPool(lease.url, { max: lease.poolMax ?? 2 });
        const factory = new PrismaPg(pool, { disposeExternalPool: true });
        const adapter = await factory.connect();
        // dispose() ends the pool first, then the lease drops the database.
        return fixAdapter(adapter, pool, lease.release);
      } catch (error) {
        await lease.release();
        throw error;
      }
    },
  };
}

/** Replace the database name in a PostgreSQL URL (keeps host/socket params). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/**
 * Shadow databases created on a PostgreSQL server (temporary databases named
 * prisma_migrate_shadow_db_<uuid>), dropped after their pool is closed.
 */
export function serverShadowSource(serverUrl: string): ShadowDatabaseSource {
  return {
    async acquire() {
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return {
        url: withDatabase(serverUrl, name),
        async release() {
          const c = new pg.Client({ connectionString: serverUrl });
          await c.connect();
          try {
            await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          } finally {
            await c.end();
          }
        },
      };
    },
  };
}

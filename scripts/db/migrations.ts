// The migration operations, usable from scripts and tests. Each takes a
// PostgreSQL connection URL (a real server, or the embedded database's socket
// URL from startEmbeddedDatabase) and drives Prisma's WebAssembly schema
// engine through our driver adapter. Failures throw MigrationEngineError
// (with Prisma's error code, e.g. P3018 for a migration that failed).

import { createMigrationAdapterFactory, type ShadowDatabaseSource } from "./migration-adapter";
import { listMigrations, readSchemaFiles, writeMigration } from "./migrations-dir";
import { defaultMigrationsDir, defaultSchemaPath } from "./paths";
import { startScratchServer, type ScratchChoice } from "./scratch";
import { emptySchemaFilter, MigrationEngineError, openEngine, type EngineSession } from "./wasm-engine";

export { MigrationEngineError } from "./wasm-engine";

export interface MigrationOptions {
  /** Default: prisma/migrations of this project. */
  migrationsDir?: string;
  /**
   * Connections the engine may open. Default 1, which the embedded database
   * (PGlite socket) requires and which is plenty for migrations.
   */
  poolMax?: number;
  /** Progress lines. Default: silent. */
  log?: (line: string) => void;
}

/** Engine sessions run one at a time in a process (they share one WebAssembly instance). */
let queue: Promise<unknown> = Promise.resolve();

function withEngine<T>(
  url: string,
  options: { poolMax?: number; shadow?: ShadowDatabaseSource },
  fn: (engine: EngineSession) => Promise<T>,
): Promise<T> {
  const run = async () => {
    const engine = await openEngine(
      createMigrationAdapterFactory(url, { max: options.poolMax ?? 1, shadow: options.shadow }),
    );
    try {
      return await fn(engine);
    } finally {
      await engine.close();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}

/**
 * Apply every pending migration (what `prisma migrate deploy` does). A
 * migration runs as one transaction; if it fails, it is recorded as failed in
 * `_prisma_migrations` and this throws (P3018); later runs refuse (P3009)
 * until it is resolved or the database reset.
 */
export async function applyMigrations(url: string, options: MigrationOptions = {}): Promise<{ applied: string[] }> {
  const migrationsList = listMigrations(options.migrationsDir ?? defaultMigrationsDir());
  return withEngine(url, options, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: emptySchemaFilter() });
    for (const name of appliedMigrationNames) options.log?.(`Applied ${name}`);
    return { applied: appliedMigrationNames };
  });
}

export interface MigrationStatus {
  /** All applied, none failed, none edited after being applied. */
  upToDate: boolean;
  /** Migration directories, in order. */
  local: string[];
  /** Local migrations not yet applied. */
  pending: string[];
  /** Migrations recorded as failed in the database. */
  failed: string[];
  /** Applied migrations whose migration.sql changed since. */
  edited: string[];
  /** Applied in the database but absent from the migrations directory. */
  missingLocally: string[];
  hasMigrationsTable: boolean;
}

/** Compare the migrations directory with the database's `_prisma_migrations`. Read-only. */
export async function migrationStatus(url: string, options: MigrationOptions = {}): Promise<MigrationStatus> {
  const migrationsList = listMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const local = migrationsList.migrationDirectories.map((d) => d.path);
  return withEngine(url, options, async (engine) => {
    const result = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: emptySchemaFilter(),
    });
    const history = result.history;
    const pending =
      history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge"
        ? history.unappliedMigrationNames
        : [];
    const missingLocally =
      history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge"
        ? history.unpersistedMigrationNames
        : [];
    return {
      upToDate: history === null && result.failedMigrationNames.length === 0 && result.editedMigrationNames.length === 0,
      local,
      pending,
      failed: result.failedMigrationNames,
      edited: result.editedMigrationNames,
      missingLocally,
      hasMigrationsTable: result.hasMigrationsTable,
    };
  });
}

/**
 * Drop everything in the database (tables, types, data, the migrations
 * table), then re-apply all migrations unless `apply: false`.
 */
export async function resetDatabase(
  url: string,
  options: MigrationOptions & { apply?: boolean } = {},
): Promise<{ applied: string[] }> {
  await withEngine(url, options, (engine) => engine.reset({ filter: emptySchemaFilter() }));
  options.log?.("Database reset: everything dropped.");
  if (options.apply === false) return { applied: [] };
  return applyMigrations(url, options);
}

export interface CreateMigrationOptions extends MigrationOptions {
  /** Migration name; becomes <timestamp>_<name>. Non [A-Za-z0-9_] characters become "_". */
  name: string;
  /** Default: prisma/schema.prisma of this project (a folder of .prisma files also works). */
  schemaPath?: string;
  /**
   * The database to bring up to date: pending migrations are applied first,
   * data loss is evaluated on it, and the new migration is applied to it.
   * Omit (or set createOnly) to only write the migration.
   */
  targetUrl?: string;
  /** Only write migration.sql (even an empty one, to fill by hand); apply nothing. */
  createOnly?: boolean;
  /** Proceed although the migration would lose data on the target. */
  acceptDataLoss?: boolean;
  /** Where to generate: throwaway PostgreSQL cluster if available, else PGlite ("auto", default). */
  scratch?: ScratchChoice;
}

export interface CreateMigrationResult {
  /** Null when the schema matched the migrations (nothing to create). */
  migrationName: string | null;
  directory: string | null;
  script: string | null;
  /** Data-loss warnings on the target (accepted with acceptDataLoss). */
  warnings: string[];
  /** Migrations applied to the target (pending ones and the new one). */
  applied: string[];
  scratch: "postgres" | "pglite" | "url";
}

export function sanitizeMigrationName(name: string): string {
  const cleaned = name.trim().replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 200);
  if (!cleaned) throw new Error(`Invalid migration name: "${name}" (use letters, digits and underscores).`);
  return cleaned;
}

/** Generate a migration from the schema change (what `prisma migrate dev` does). */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const log = options.log ?? (() => {});
  const migrationName = sanitizeMigrationName(options.name);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const schema = readSchemaFiles(options.schemaPath ?? defaultSchemaPath());
  const target = options.createOnly ? undefined : options.targetUrl;
  const applied: string[] = [];

  if (target) {
    // Refuse a target whose history does not match the migrations directory.
    const status = await migrationStatus(target, { migrationsDir, poolMax: options.poolMax });
    const problems: string[] = [];
    if (status.failed.length) problems.push(`failed migrations in the database: ${status.failed.join(", ")}`);
    if (status.edited.length) problems.push(`migrations edited after being applied: ${status.edited.join(", ")}`);
    if (status.missingLocally.length) {
      problems.push(`migrations applied to the database but missing locally: ${status.missingLocally.join(", ")}`);
    }
    if (problems.length) {
      throw new MigrationEngineError(
        `The target database's migration history does not match ${migrationsDir}:\n- ${problems.join("\n- ")}\n` +
          `Fix it (or reset a development database with db:reset), or use --create-only.`,
        "HISTORY_MISMATCH",
        status,
      );
    }
  }

  const scratch = await startScratchServer(options.scratch ?? "auto");
  log(`Generating the migration with ${scratch.description}.`);
  let created: { name: string; directory: string; script: string } | null = null;
  const warnings: string[] = [];
  try {
    const main = target ? { url: target, poolMax: options.poolMax ?? 1 } : await scratch.mainUrl();
    await withEngine(main.url, { poolMax: main.poolMax, shadow: scratch.shadow }, async (engine) => {
      const migrationsList = listMigrations(migrationsDir);
      const filters = emptySchemaFilter();
      // Bring the main database up to date (the target's pending migrations;
      // the whole history on a scratch database). This also creates
      // _prisma_migrations, without which devDiagnostic fails.
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters });
      if (target) {
        for (const name of appliedMigrationNames) log(`Applied pending migration ${name}`);
        applied.push(...appliedMigrationNames);
      }
      // devDiagnostic replays the history into the shadow database and caches
      // the result; evaluateDataLoss and createMigration need that cache (they
      // fail with "shadow DB must be provided through an external factory"
      // otherwise). It also detects drift on the main database.
      const diagnostic = await engine.devDiagnostic({ migrationsList, filters });
      if (diagnostic.action.tag === "reset") {
        throw new MigrationEngineError(
          `The database does not match its migration history (drift):\n${diagnostic.action.reason}\n` +
            `Reset a development database with db:reset, or use --create-only.`,
          "DRIFT",
          diagnostic,
        );
      }
      if (target) {
        const loss = await engine.evaluateDataLoss({ migrationsList, schema, filters });
        if (loss.unexecutableSteps.length) {
          throw new MigrationEngineError(
            `The migration cannot be applied to the target database as is:\n- ` +
              loss.unexecutableSteps.map((s) => s.message).join("\n- ") +
              `\nUse --create-only, edit the generated migration.sql, then run db:migrate.`,
            "UNEXECUTABLE",
            loss,
          );
        }
        warnings.push(...loss.warnings.map((w) => w.message));
        if (warnings.length && !options.acceptDataLoss) {
          throw new MigrationEngineError(
            `The migration would lose data on the target database:\n- ${warnings.join("\n- ")}\n` +
              `Re-run with --accept-data-loss, or use --create-only and edit the migration.`,
            "DATA_LOSS",
            loss,
          );
        }
      }
      const output = await engine.createMigration({
        draft: options.createOnly === true,
        migrationName,
        migrationsList,
        schema,
        filters,
      });
      if (output.migrationScript === null) return;
      const directory = writeMigration({
        migrationsDir,
        directoryName: output.generatedMigrationName,
        script: output.migrationScript,
        extension: output.extension,
        connectorType: output.connectorType,
      });
      created = { name: output.generatedMigrationName, directory, script: output.migrationScript };
      log(`Created ${directory}`);
    });
  } finally {
    await scratch.stop();
  }

  const made = created as { name: string; directory: string; script: string } | null;
  if (!made) log("The schema matches the migrations: no migration created.");
  if (target && made) {
    applied.push(...(await applyMigrations(target, { migrationsDir, poolMax: options.poolMax, log })).applied);
  }
  return {
    migrationName: made?.name ?? null,
    directory: made?.directory ?? null,
    script: made?.script ?? null,
    warnings,
    applied,
    scratch: scratch.kind,
  };
}

// Database tooling CLI (Prisma Migrate without Prisma's native engine).
//
//   tsx scripts/db/cli.ts generate [--force]
//   tsx scripts/db/cli.ts create --name <name> [--create-only] [--accept-data-loss]
//                                [--scratch auto|postgres|pglite] [--scratch-url URL]
//   tsx scripts/db/cli.ts deploy
//   tsx scripts/db/cli.ts status
//   tsx scripts/db/cli.ts reset [--force]
//
// Common options: --schema <file|dir> (default prisma/schema.prisma),
// --migrations <dir> (default prisma/migrations).
// Database: DATABASE_URL when set, else the embedded database folder
// ($EMBEDDED_DB_DIR, default data/pglite). See scripts/db/README.md.

import path from "node:path";
import { parseArgs } from "node:util";

import { generateClient } from "./generate";
import { applyMigrations, createMigration, migrationStatus, resetDatabase } from "./migrations";
import { defaultMigrationsDir, defaultSchemaPath } from "./paths";
import type { ScratchChoice } from "./scratch";
import { onShutdown, runShutdownCleanups } from "./shutdown";
import { openTarget, type DatabaseTarget } from "./target";

const USAGE = `Usage: tsx scripts/db/cli.ts <command> [options]

Commands:
  generate [--force]             prisma generate offline (skipped when the client is newer than the schema)
  create --name <name>           create a migration from the schema change, then apply it
         [--create-only]         only write migration.sql (may be empty, to edit by hand)
         [--accept-data-loss]    proceed when the migration drops data on the database
         [--scratch auto|postgres|pglite] [--scratch-url URL]
                                 where to generate (default: throwaway PostgreSQL cluster, else PGlite)
  deploy                         apply pending migrations
  status                         compare migrations with the database (exit 1 unless up to date)
  reset [--force]                drop everything and re-apply all migrations
                                 (--force required unless on the embedded database)

Options: --schema <file|dir>  --migrations <dir>
Database: DATABASE_URL if set, else the embedded PGlite folder $EMBEDDED_DB_DIR (default data/pglite).`;

function installSignalHandlers(): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping…`);
      void runShutdownCleanups().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
}

async function withTarget<T>(exclusive: boolean, fn: (target: DatabaseTarget) => Promise<T>): Promise<T> {
  const target = await openTarget({ exclusive, log: (line) => console.error(line) });
  onShutdown(() => target.release());
  console.log(`Database: ${target.description}`);
  try {
    return await fn(target);
  } finally {
    await target.release();
  }
}

const rel = (p: string) => path.relative(process.cwd(), p) || ".";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "create-only": { type: "boolean", default: false },
      "accept-data-loss": { type: "boolean", default: false },
      scratch: { type: "string", default: "auto" },
      "scratch-url": { type: "string" },
      force: { type: "boolean", default: false },
      schema: { type: "string" },
      migrations: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const schemaPath = values.schema ? path.resolve(values.schema) : defaultSchemaPath();
  const migrationsDir = values.migrations ? path.resolve(values.migrations) : defaultMigrationsDir();
  const log = (line: string) => console.log(line);

  switch (command) {
    case "generate": {
      const started = Date.now();
      const { skipped } = generateClient({ force: values.force, schemaPath });
      console.log(
        skipped
          ? "Prisma client is up to date (newer than the schema); use --force to regenerate."
          : `Prisma client generated in ${Date.now() - started} ms.`,
      );
      return 0;
    }

    case "create": {
      if (!values.name) {
        console.error("create needs --name <name> (e.g. --name add_household_phone).");
        return 2;
      }
      let scratch: ScratchChoice;
      if (values["scratch-url"]) scratch = { url: values["scratch-url"] };
      else if (values.scratch === "auto" || values.scratch === "postgres" || values.scratch === "pglite") {
        scratch = values.scratch;
      } else {
        console.error(`--scratch must be auto, postgres or pglite (got ${values.scratch}).`);
        return 2;
      }
      const run = (targetUrl: string | undefined, poolMax: number | undefined) =>
        createMigration({
          name: values.name as string,
          schemaPath,
          migrationsDir,
          targetUrl,
          poolMax,
          createOnly: values["create-only"],
          acceptDataLoss: values["accept-data-loss"],
          scratch,
          log,
        });
      const result = values["create-only"]
        ? await run(undefined, undefined)
        : await withTarget(false, (target) => run(target.url, target.poolMax));
      for (const warning of result.warnings) console.log(`Accepted data loss: ${warning}`);
      if (result.directory) {
        console.log(`\nNew migration: ${rel(path.join(result.directory, "migration.sql"))}`);
        if (values["create-only"]) console.log("Not applied (--create-only). Review it, then run: npm run db:migrate");
      }
      if (!values["create-only"]) console.log(result.applied.length ? "Database is up to date." : "Nothing applied.");
      return 0;
    }

    case "deploy": {
      return withTarget(false, async (target) => {
        const started = Date.now();
        const { applied } = await applyMigrations(target.url, { migrationsDir, poolMax: target.poolMax, log });
        console.log(
          applied.length
            ? `${applied.length} migration(s) applied in ${Date.now() - started} ms.`
            : "No pending migrations: database is up to date.",
        );
        return 0;
      });
    }

    case "status": {
      return withTarget(false, async (target) => {
        const s = await migrationStatus(target.url, { migrationsDir, poolMax: target.poolMax });
        console.log(`${s.local.length} migration(s) in ${rel(migrationsDir)}`);
        const list = (label: string, names: string[]) => {
          if (names.length) console.log(`${label}:\n${names.map((n) => `  - ${n}`).join("\n")}`);
        };
        list("Pending (not yet applied)", s.pending);
        list("FAILED (recorded as failed in _prisma_migrations)", s.failed);
        list("Edited after being applied", s.edited);
        list("Applied to the database but missing locally", s.missingLocally);
        if (s.upToDate) {
          console.log("Database schema is up to date.");
          return 0;
        }
        if (s.failed.length) {
          console.log(
            "A failed migration blocks further deploys: fix the database by hand and record the outcome, " +
              "or (development) run npm run db:reset.",
          );
        } else if (s.pending.length) {
          console.log("Run npm run db:migrate to apply pending migrations.");
        }
        return 1;
      });
    }

    case "reset": {
      const onEmbedded = !process.env.DATABASE_URL?.trim();
      if (!onEmbedded && !values.force) {
        console.error(
          "Refusing to reset a PostgreSQL server (DATABASE_URL is set): this drops every table and all data. " +
            "Re-run with --force if you mean it.",
        );
        return 1;
      }
      return withTarget(true, async (target) => {
        const { applied } = await resetDatabase(target.url, { migrationsDir, poolMax: target.poolMax, log });
        console.log(`Reset done; ${applied.length} migration(s) applied.`);
        return 0;
      });
    }

    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

installSignalHandlers();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as Error & { code?: string | null };
    console.error(`\nError${e.code ? ` [${e.code}]` : ""}: ${e.message ?? String(error)}`);
    if (process.env.DEBUG_DB_CLI && e.stack) console.error(e.stack);
    process.exit(1);
  },
);

// The offline migration tooling (scripts/db), end to end: Prisma's WebAssembly
// schema engine creates a migration from scratch for a tiny schema, and the
// migration is applied to the embedded database (in-memory PGlite) and to a
// throwaway PostgreSQL cluster. It relies on Prisma internals (see
// docs/decisions/002-offline-migrations.md): this test is what tells us an
// upgrade of a Prisma package broke it.
//
// Tests in the first block run in order and share the migrations directory.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/db/embedded-server";
import { withDatabase } from "../../scripts/db/migration-adapter";
import {
  applyMigrations,
  createMigration,
  MigrationEngineError,
  migrationStatus,
  resetDatabase,
} from "../../scripts/db/migrations";
import { findPostgresBinaries, MISSING_POSTGRES_MESSAGE, startThrowawayCluster } from "../../scripts/db/pg-cluster";
import { acquirePidLock, DatabaseLockedError, liveLockOwner } from "../../scripts/db/pid-lock";

// This file starts its own engines (an embedded PGlite and, when the binaries
// are there, its own PostgreSQL cluster) whatever TEST_DB says: it runs once,
// in the embedded suite, and is skipped (reported as such) in the PostgreSQL one.
const ONCE = process.env.TEST_DB === "postgres";
const postgres = findPostgresBinaries();
if (!postgres) {
  console.warn(`[migrations.test] PostgreSQL cluster tests SKIPPED: ${MISSING_POSTGRES_MESSAGE}`);
}

const SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Status {
  OPEN
  CLOSED
}

model Household {
  id        String   @id @default(cuid())
  name      String
  status    Status   @default(OPEN)
  createdAt DateTime @default(now()) @db.Timestamptz(3)
  members   Member[]
}

model Member {
  id          Int       @id @default(autoincrement())
  householdId String
  household   Household @relation(fields: [householdId], references: [id], onDelete: Cascade)
  email       String    @unique
  birthDate   DateTime? @db.Date

  @@index([householdId])
}
`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function tableNames(url: string): Promise<string[]> {
  const rows = await query<{ tablename: string }>(
    url,
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((r) => r.tablename);
}

let workDir: string;
let schemaPath: string;
let migrationsDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-migrations-test-"));
  schemaPath = path.join(workDir, "schema.prisma");
  migrationsDir = path.join(workDir, "migrations");
  fs.writeFileSync(schemaPath, SCHEMA);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe.skipIf(ONCE)("offline migrations (WebAssembly schema engine)", () => {
  let embedded: EmbeddedDatabase | null = null;

  afterAll(async () => {
    await embedded?.stop();
  });

  it("creates the first migration from the schema, in Prisma's standard layout", async () => {
    const result = await createMigration({ name: "init", schemaPath, migrationsDir, createOnly: true });

    expect(result.migrationName).toMatch(/^\d{14}_init$/);
    const sql = fs.readFileSync(path.join(migrationsDir, result.migrationName as string, "migration.sql"), "utf8");
    expect(sql).toContain(`CREATE TYPE "Status" AS ENUM ('OPEN', 'CLOSED')`);
    expect(sql).toContain(`CREATE TABLE "Household"`);
    expect(sql).toContain(`CREATE UNIQUE INDEX "Member_email_key"`);
    expect(sql).toContain(`FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE`);
    expect(fs.readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );

    // Nothing changed since: no second migration.
    const again = await createMigration({ name: "nothing", schemaPath, migrationsDir });
    expect(again.migrationName).toBeNull();
  }, 180_000);

  it("applies it to a fresh embedded PGlite; status is up to date; applying again is a no-op", async () => {
    embedded = await startEmbeddedDatabase({ inMemory: true, handleSignals: false, log: () => {} });
    const url = embedded.url;
    const options = { migrationsDir, poolMax: embedded.poolMax };

    const before = await migrationStatus(url, options);
    expect(before.upToDate).toBe(false);
    expect(before.pending).toHaveLength(1);

    const first = await applyMigrations(url, options);
    expect(first.applied).toEqual(before.pending);
    expect(await tableNames(url)).toEqual(["Household", "Member", "_prisma_migrations"]);

    const status = await migrationStatus(url, options);
    expect(status).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [], missingLocally: [] });

    expect((await applyMigrations(url, options)).applied).toEqual([]);
    expect((await migrationStatus(url, options)).upToDate).toBe(true);
  }, 180_000);

  it("creates a migration on PGlite alone (no PostgreSQL binaries needed) and applies it", async () => {
    expect(embedded).not.toBeNull();
    const url = (embedded as EmbeddedDatabase).url;
    await query(url, `INSERT INTO "Household" (id, name) VALUES ('h1', 'Martin')`);
    fs.writeFileSync(schemaPath, SCHEMA.replace("  name      String\n", "  name      String\n  phone     String?\n"));

    const result = await createMigration({
      name: "add phone",
      schemaPath,
      migrationsDir,
      targetUrl: url,
      poolMax: 1,
      scratch: "pglite",
    });

    expect(result.scratch).toBe("pglite");
    expect(result.migrationName).toMatch(/^\d{14}_add_phone$/);
    expect(result.script).toContain(`ALTER TABLE "Household" ADD COLUMN     "phone" TEXT`);
    expect(result.applied).toEqual([result.migrationName]);
    expect((await migrationStatus(url, { migrationsDir })).upToDate).toBe(true);
    expect(await query(url, `SELECT name, phone FROM "Household"`)).toEqual([{ name: "Martin", phone: null }]);
  }, 240_000);

  it.skipIf(!postgres)("applies the migrations to a throwaway PostgreSQL cluster; applying again is a no-op", async () => {
    const cluster = await startThrowawayCluster();
    try {
      const options = { migrationsDir };
      const applied = await applyMigrations(cluster.url, options);
      expect(applied.applied).toHaveLength(2);
      expect(await tableNames(cluster.url)).toEqual(["Household", "Member", "_prisma_migrations"]);
      expect((await migrationStatus(cluster.url, options)).upToDate).toBe(true);
      expect((await applyMigrations(cluster.url, options)).applied).toEqual([]);

      // A CHECK constraint (outside Prisma's schema) used to make the engine's
      // schema describer panic on "char" columns; creating against this
      // database must still work, and find nothing to change.
      await query(cluster.url, `ALTER TABLE "Member" ADD CONSTRAINT email_has_at CHECK (position('@' in email) > 0)`);
      const noop = await createMigration({ name: "noop", schemaPath, migrationsDir, targetUrl: cluster.url });
      expect(noop.migrationName).toBeNull();
      expect((await migrationStatus(cluster.url, options)).upToDate).toBe(true);
    } finally {
      await cluster.stop();
    }
  }, 180_000);
});

describe.skipIf(ONCE)("a migration with an SQL error", () => {
  let brokenDir: string;
  let brokenName: string;

  beforeAll(() => {
    brokenDir = path.join(workDir, "broken-migrations");
    fs.cpSync(migrationsDir, brokenDir, { recursive: true });
    brokenName = "29991231000000_broken";
    fs.mkdirSync(path.join(brokenDir, brokenName));
    fs.writeFileSync(
      path.join(brokenDir, brokenName, "migration.sql"),
      `CREATE TABLE "Partial" (id integer);\nALTER TABLE "Member" ADD COLUMN "note" TEXT;\nSELECT 1 / 0;\n`,
    );
  });

  async function expectReportedAsFailed(url: string, poolMax: number) {
    const options = { migrationsDir: brokenDir, poolMax };
    const error = await applyMigrations(url, options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationEngineError);
    expect((error as MigrationEngineError).code).toBe("P3018");
    expect((error as MigrationEngineError).message).toContain(brokenName);
    expect((error as MigrationEngineError).message).toContain("division by zero");

    // Rolled back as a whole: nothing of it remains.
    expect(await tableNames(url)).not.toContain("Partial");
    const columns = await query(url, `SELECT 1 FROM information_schema.columns WHERE column_name = 'note'`);
    expect(columns).toEqual([]);

    // Recorded as failed; status says so; later deploys refuse.
    const status = await migrationStatus(url, options);
    expect(status.upToDate).toBe(false);
    expect(status.failed).toEqual([brokenName]);
    await expect(applyMigrations(url, options)).rejects.toMatchObject({ code: "P3009" });

    // A reset drops everything; re-applying fails the same way again.
    await resetDatabase(url, { ...options, apply: false });
    expect(await tableNames(url)).toEqual([]);
    await expect(applyMigrations(url, options)).rejects.toMatchObject({ code: "P3018" });
  }

  it("fails visibly on the embedded PGlite", async () => {
    const db = await startEmbeddedDatabase({ inMemory: true, handleSignals: false, log: () => {} });
    try {
      await expectReportedAsFailed(db.url, db.poolMax);
    } finally {
      await db.stop();
    }
  }, 180_000);

  it.skipIf(!postgres)("fails visibly on PostgreSQL", async () => {
    const cluster = await startThrowawayCluster();
    try {
      await query(cluster.url, "CREATE DATABASE broken");
      await expectReportedAsFailed(withDatabase(cluster.url, "broken"), 1);
    } finally {
      await cluster.stop();
    }
  }, 180_000);
});

describe.skipIf(ONCE)("embedded database lock", () => {
  it("refuses a folder owned by a live process and takes over a stale lock", () => {
    const lockPath = path.join(workDir, "lock.json");
    const dataDir = path.join(workDir, "data");

    // A live owner (our parent process).
    fs.writeFileSync(lockPath, JSON.stringify({ pid: process.ppid, dataDir, url: "postgresql://x" }));
    expect(liveLockOwner(lockPath)?.pid).toBe(process.ppid);
    expect(() => acquirePidLock(lockPath, dataDir)).toThrow(DatabaseLockedError);

    // A dead owner: a process that has exited.
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(lockPath, JSON.stringify({ pid: Number(child.stdout), dataDir, url: null }));
    expect(liveLockOwner(lockPath)).toBeNull();
    const lock = acquirePidLock(lockPath, dataDir);
    expect(liveLockOwner(lockPath)?.pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});

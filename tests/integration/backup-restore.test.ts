// Backup and restore (issue 8.7): seed cases, back up with scripts/db/backup.ts,
// restore into a NEW empty database with scripts/db/restore.ts, and find every
// case: the same ids, the same row count in every table, the same values in
// every row (each row of each table compared as JSON).
//
// TEST_DB=embedded: PGlite data folders (dumpDataDir archive), the way
// `npm run db:backup` / `db:restore` work on the embedded database.
// TEST_DB=postgres: pg_dump --format=custom / pg_restore into a new database
// of the test cluster.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { createPgAdapter } from "@/lib/server/pg-adapter";
import { afterAll, describe, expect, inject, it } from "vitest";

import { PrismaClient } from "@/lib/generated/prisma/client";

import { backupEmbedded, backupPostgres } from "../../scripts/db/backup";
import { startEmbeddedDatabase } from "../../scripts/db/embedded-server";
import { applyMigrations } from "../../scripts/db/migrations";
import { restoreEmbedded, restorePostgres } from "../../scripts/db/restore";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";

const target = inject("testDatabase");
const NOW = new Date("2026-06-10T09:00:00Z");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-backup-"));

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function client(url: string, max = 1): PrismaClient {
  return new PrismaClient({ adapter: createPgAdapter(url, max) });
}

/** A small caseload with every kind of row: cases at several states, history, support, audit. */
async function seed(db: PrismaClient): Promise<string[]> {
  const team = await createTeam(db, { name: "Équipe mobile Essonne", sectors: ["Nord", "Sud"] });
  const worker = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  const ids: string[] = [];
  const specs = [
    { state: "IDENTIFIED", stage: "ASSIGNATION", openedOn: calendarDate(2026, 6, 1) },
    { state: "REMINDER_SENT", stage: "ASSIGNATION", openedOn: calendarDate(2026, 3, 2) },
    { state: "SUPPORTED", stage: "HEARING", contactAfter: "VISIT_1_FAILED", openedOn: calendarDate(2026, 1, 5), diagnostic: "IN_DEPTH", supportWeeks: 4 },
    { state: "CLOSED", closureReason: "NO_CONTACT", stage: "JUDGMENT", openedOn: calendarDate(2025, 9, 1) },
  ] as const;
  for (const spec of specs) {
    const c = await caseAtState(db, { teamId: team.id, now: NOW, assignedWorkerId: worker.id, sectorId: team.sectors[0]!.id, ...spec });
    ids.push(c.id);
  }
  // Text with accents and quotes, JSON, an instant: the values a restore must keep exactly.
  await db.auditLog.create({ data: { userId: worker.id, action: "case.note", entity: "Case", entityId: ids[0]!, caseId: ids[0]!, after: { note: "Mme « Brûlé » l'a dit", n: 1 } } });
  await db.household.updateMany({ data: { notes: "Remarque : ménage d'Évry, 2ᵉ étage" } });
  return ids.sort();
}

/** Every row of every table as JSON text, sorted: equal snapshots mean nothing was lost or changed. */
async function snapshot(db: PrismaClient): Promise<Record<string, string[]>> {
  const tables = await db.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name`;
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    // The migration history is compared without its timing columns' precision issues: it is data too.
    const rows = await db.$queryRawUnsafe<Array<{ j: string }>>(`SELECT row_to_json(t)::text AS j FROM "${table_name.replaceAll('"', '""')}" t`);
    out[table_name] = rows.map((r) => r.j).sort();
  }
  return out;
}

function expectSameDatabase(restored: Record<string, string[]>, original: Record<string, string[]>, caseIds: string[]) {
  expect(Object.keys(restored)).toEqual(Object.keys(original));
  for (const table of Object.keys(original)) {
    expect(restored[table]!.length, `rows of ${table}`).toBe(original[table]!.length);
    expect(restored[table], `values of ${table}`).toEqual(original[table]);
  }
  const restoredCaseIds = (restored.Case ?? []).map((j) => (JSON.parse(j) as { id: string }).id).sort();
  expect(restoredCaseIds).toEqual(caseIds);
  expect(original.Case!.length).toBe(4);
  expect(original.OutreachEvent!.length).toBeGreaterThan(4);
  expect(original.SupportWeek!.length).toBe(4);
}

describe.runIf(target.kind === "embedded" && !target.skipped)("backup and restore of the embedded database (PGlite folder)", () => {
  it("restores every case into a new folder, every row equal; refuses a served folder and a non-empty target", async () => {
    const dataDir = path.join(work, "pglite");
    const served = await startEmbeddedDatabase({ dataDir, socketDir: path.join(work, "s1"), handleSignals: false, log: () => {} });
    let original: Record<string, string[]>;
    let caseIds: string[];
    try {
      await applyMigrations(served.url, { poolMax: served.poolMax });
      const db = client(served.url);
      try {
        caseIds = await seed(db);
        original = await snapshot(db);
      } finally {
        await db.$disconnect();
      }
      // While the app (here: this server, in this process) holds the folder, a backup is refused
      // (from another process: DatabaseLockedError, "in use by process …").
      await expect(backupEmbedded({ dataDir, out: path.join(work, "refused.tar.gz") })).rejects.toThrow(/already holds the lock|in use by process/);
      expect(fs.existsSync(path.join(work, "refused.tar.gz"))).toBe(false);
    } finally {
      await served.stop();
    }

    const archive = path.join(work, "maintien.tar.gz");
    const backup = await backupEmbedded({ dataDir, out: archive });
    expect(backup.counts.Case).toBe(4);
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    await expect(backupEmbedded({ dataDir, out: archive })).rejects.toThrow(/existe déjà/);

    const restoredDir = path.join(work, "restored");
    const restored = await restoreEmbedded({ from: archive, dataDir: restoredDir });
    expect(restored.counts.Case).toBe(4);
    await expect(restoreEmbedded({ from: archive, dataDir: restoredDir })).rejects.toThrow(/n'est pas vide/);

    const again = await startEmbeddedDatabase({ dataDir: restoredDir, socketDir: path.join(work, "s2"), handleSignals: false, log: () => {} });
    try {
      const db = client(again.url);
      try {
        expectSameDatabase(await snapshot(db), original!, caseIds!);
        // The restored database is usable: it takes new writes, the case numbers continue.
        const team = await db.team.findFirstOrThrow();
        const next = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 6, 9), now: NOW });
        expect(next.number).toBe(5);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await again.stop();
    }

    // --force keeps the folder it replaces, under another name.
    const forced = await restoreEmbedded({ from: archive, dataDir: restoredDir, force: true });
    expect(forced.movedAside).toMatch(/restored\.before-restore-/);
    expect(fs.existsSync(path.join(forced.movedAside as string, "PG_VERSION"))).toBe(true);
    expect(forced.counts.Case).toBe(4);
  }, 300_000);
});

describe.runIf(target.kind === "postgres" && !target.skipped)("backup and restore of a PostgreSQL database (pg_dump / pg_restore)", () => {
  it("restores every case into a new database, every row equal", async () => {
    const { db } = await import("@/lib/server/db");
    const caseIds = await seed(db as unknown as PrismaClient);
    const original = await snapshot(db as unknown as PrismaClient);

    const archive = path.join(work, "maintien.dump");
    // This worker's database (setup-database-env.ts), not necessarily target.url.
    const backup = await backupPostgres({ url: process.env.DATABASE_URL!, out: archive });
    expect(backup.entries).toBeGreaterThan(20);

    const name = `maintien_restored_${process.pid}`;
    await db.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name}`);
    await db.$executeRawUnsafe(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const restored = await restorePostgres({ from: archive, url: url.toString() });
      expect(restored.counts.Case).toBe(4);
      await expect(restorePostgres({ from: archive, url: url.toString() })).rejects.toThrow(/contient déjà des tables/);
      const other = client(url.toString());
      try {
        expectSameDatabase(await snapshot(other), original, caseIds);
      } finally {
        await other.$disconnect();
      }
    } finally {
      await db.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }, 300_000);
});

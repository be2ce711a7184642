// Vitest global setup for the integration projects: one migrated template
// database for the run, copied into one database per test worker, whose URLs
// go to the workers through `provide` (support/setup-database-env.ts picks its
// own by VITEST_POOL_ID before each file and empties it).
//
// - embedded: an in-memory PGlite migrated once, archived with `dumpDataDir()`
//   (kept in the temp folder, keyed by the migrations, for the next runs), then
//   one PGlite process per worker started from that archive
//   (support/embedded-slot-process.ts): no initdb, no migration per worker;
// - postgres: a throwaway cluster, the migrations applied to `maintien_template`,
//   then `CREATE DATABASE maintien_wN TEMPLATE maintien_template` per worker;
//   TEST_DATABASE_URL: that database alone, one worker.
//
// The clock check's projects (`integration@<clock>`) run in the same Vitest
// run: the databases are set up once for all of them (a process-wide
// singleton; Vitest calls this once per project).
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import type { TestProject } from "vitest/node";

import { startEmbeddedDatabase } from "../../scripts/db/embedded-server";
import { startThrowawayCluster } from "../../scripts/db/pg-cluster";
import { applyMigrations } from "../../scripts/db/migrations";
import { defaultMigrationsDir } from "../../scripts/db/paths";
import { integrationWorkers, postgresTargetUnavailable, testDbKind, type TestDatabase } from "./support/test-db-target";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Databases {
  provided: TestDatabase;
  stop: () => Promise<void>;
  projects: number;
}

const KEY = Symbol.for("maintien.integration.databases");
const shared = globalThis as unknown as Record<symbol, Promise<Databases> | undefined>;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared[KEY] ??= startDatabases();
  const databases = await shared[KEY];
  databases.projects += 1;
  project.provide("testDatabase", databases.provided);
  return async () => {
    databases.projects -= 1;
    if (databases.projects === 0) {
      shared[KEY] = undefined;
      await databases.stop();
    }
  };
}

async function startDatabases(): Promise<Databases> {
  const kind = testDbKind();
  const skipped = postgresTargetUnavailable();
  if (skipped) return { provided: { kind, url: "", urls: [], poolMax: 1, skipped }, stop: async () => {}, projects: 0 };

  const workers = integrationWorkers();
  const started = Date.now();
  const { urls, poolMax, label, stop } =
    kind === "embedded" ? await embeddedDatabases(workers) : await postgresDatabases(workers);
  console.log(`[integration] ${label}: ${urls.length} database(s) ready in ${Date.now() - started} ms`);
  return { provided: { kind, url: urls[0]!, urls, poolMax, skipped: null }, stop, projects: 0 };
}

// ───────────────────────────── embedded (PGlite)

/** Everything the template depends on: the migrations and the PGlite build. */
function templateKey(): string {
  const hash = crypto.createHash("sha256");
  const dir = defaultMigrationsDir();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  walk(dir);
  hash.update(JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version as string);
  return hash.digest("hex").slice(0, 16);
}

/** The migrated template's archive: from an earlier run when the migrations are the same. */
async function embeddedTemplate(): Promise<{ file: string; reused: boolean }> {
  const file = path.join(os.tmpdir(), `maintien-it-template-${templateKey()}.tar`);
  if (fs.existsSync(file)) return { file, reused: true };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-it-"));
  const embedded = await startEmbeddedDatabase({ inMemory: true, socketDir: path.join(dir, "run"), handleSignals: false, log: () => {} });
  let archive: Buffer;
  try {
    await applyMigrations(embedded.url);
    archive = Buffer.from(await (await embedded.dumpDataDir()).arrayBuffer());
  } finally {
    await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Written aside then renamed: another run reading it never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, archive);
  fs.renameSync(partial, file);
  return { file, reused: false };
}

async function embeddedDatabases(workers: number) {
  const { file, reused } = await embeddedTemplate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-it-"));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
            child.once("exit", () => {
              clearTimeout(killer);
              resolve();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const urls = await Promise.all(
      Array.from({ length: workers }, (_, i) => startSlot(file, path.join(dir, `w${i + 1}`), children)),
    );
    return { urls, poolMax: 1, label: `embedded PGlite (in memory, ${reused ? "template reused" : "template migrated"})`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startSlot(template: string, socketDir: string, children: ChildProcess[]): Promise<string> {
  const script = path.join(ROOT, "tests/integration/support/embedded-slot-process.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, template, socketDir], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /^READY (\S+)$/m.exec(out);
      if (ready) resolve(ready[1]!);
    });
    child.once("exit", (code) => reject(new Error(`embedded test database exited (${code}): ${err.trim()}`)));
  });
}

// ───────────────────────────── PostgreSQL

async function postgresDatabases(workers: number) {
  if (process.env.TEST_DATABASE_URL) {
    const url = process.env.TEST_DATABASE_URL;
    await applyMigrations(url);
    return { urls: [url], poolMax: 5, label: "PostgreSQL at TEST_DATABASE_URL (every table is emptied before each test file)", stop: async () => {} };
  }
  const cluster = await startThrowawayCluster();
  try {
    const at = (name: string) => {
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      return url.toString();
    };
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query("CREATE DATABASE maintien_template");
      await applyMigrations(at("maintien_template"));
      const urls: string[] = [];
      for (let i = 1; i <= workers; i++) {
        await admin.query(`CREATE DATABASE maintien_w${i} TEMPLATE maintien_template`);
        urls.push(at(`maintien_w${i}`));
      }
      return { urls, poolMax: 5, label: `throwaway ${cluster.version}`, stop: () => cluster.stop() };
    } finally {
      await admin.end();
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

// Vitest global setup for the integration project: start a fresh database for
// this run, apply the migrations, and hand its URL to the test workers through
// `provide` (read by support/setup-database-env.ts before each file).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startEmbeddedDatabase } from "../../scripts/db/embedded-server";
import { startThrowawayCluster } from "../../scripts/db/pg-cluster";
import { applyMigrations } from "../../scripts/db/migrations";
import { postgresTargetUnavailable, testDbKind } from "./support/test-db-target";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = testDbKind();
  const skipped = postgresTargetUnavailable();
  if (skipped) {
    project.provide("testDatabase", { kind, url: "", poolMax: 1, skipped });
    return async () => {};
  }

  const started = Date.now();
  let url: string;
  let poolMax: number;
  let stop: () => Promise<void>;
  let label: string;

  if (kind === "embedded") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-it-"));
    const embedded = await startEmbeddedDatabase({
      inMemory: true,
      socketDir: path.join(dir, "run"),
      handleSignals: false,
      log: () => {},
    });
    url = embedded.url;
    poolMax = embedded.poolMax;
    label = "embedded PGlite (in memory)";
    stop = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  } else if (process.env.TEST_DATABASE_URL) {
    url = process.env.TEST_DATABASE_URL;
    poolMax = 5;
    label = "PostgreSQL at TEST_DATABASE_URL (every table is emptied before each test file)";
    stop = async () => {};
  } else {
    const cluster = await startThrowawayCluster();
    url = cluster.url;
    poolMax = 5;
    label = `throwaway ${cluster.version}`;
    stop = () => cluster.stop();
  }

  try {
    await applyMigrations(url);
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(`[integration] ${label}, migrations applied in ${Date.now() - started} ms`);

  project.provide("testDatabase", { kind, url, poolMax, skipped: null });
  return stop;
}

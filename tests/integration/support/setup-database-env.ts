// Runs in the test worker before each integration test file (setupFiles):
// points lib/server/env.ts at this worker's database (one per worker,
// VITEST_POOL_ID 1…n, copies of the run's migrated template: global-setup.ts),
// so test files can simply `import { db } from "@/lib/server/db"`, and empties
// it before the file so each file starts clean.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";

import { resetDefaultRng } from "../../factories/random";
import { TEST_AUTH_SECRET } from "./test-db-target";

// The factories' shared generator starts from its seed for each file, as when
// each file had its own module graph (docs/decisions/049).
resetDefaultRng();

const target = inject("testDatabase");

// Two files at once must never share a database: one worker, one database.
const worker = Number(process.env.VITEST_POOL_ID ?? "1");
const url = target.urls[worker - 1];
if (!target.skipped && !url) {
  throw new Error(`integration worker ${worker} has no database (${target.urls.length} set up): maxWorkers must not exceed integrationWorkers()`);
}

// A syntactically valid URL when skipped: importing lib/server/db must not
// throw while Vitest collects the (skipped) tests; nothing connects to it.
process.env.DATABASE_URL = target.skipped ? "postgresql://skipped@127.0.0.1:1/skipped" : url;
process.env.DATABASE_POOL_MAX = String(target.poolMax);
process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
process.env.TEST_DB = target.kind;
// Attachments (issue 19): files and their key in a throwaway folder, never in
// the checkout's data/ (tests that compare backends set their own).
// One folder per worker process: files that share the worker's module graph
// (docs/decisions/049) also share it, and it goes when the worker ends.
const OWN_DATA_DIR = Symbol.for("maintien.integration.data-dir");
const own = globalThis as unknown as Record<symbol, string | undefined>;
if (!process.env.DATA_DIR || process.env.DATA_DIR === own[OWN_DATA_DIR]) {
  if (!own[OWN_DATA_DIR] || !fs.existsSync(own[OWN_DATA_DIR])) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-it-data-"));
    own[OWN_DATA_DIR] = dir;
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  process.env.DATA_DIR = own[OWN_DATA_DIR];
}

if (!target.skipped) {
  beforeAll(async () => {
    const { resetDatabase } = await import("./reset-database");
    await resetDatabase();
  });

  afterAll(async () => {
    // Release this file's connection before the next file opens its own: the
    // embedded server accepts only a few connections at once.
    const { db } = await import("@/lib/server/db");
    await db.$disconnect();
  });
}

// A child process that serves the embedded database on a data folder exactly
// as `npm start` does (scripts/start.ts): startEmbeddedDatabase on the folder
// (taking its pid lock), then applyMigrations. Used by crash-recovery.test.ts,
// which SIGKILLs it while writes are in flight and starts it again.
//
//   node --import tsx tests/integration/support/embedded-db-process.ts <dataDir>
//
// Run it with `node --import tsx`, not the tsx CLI: the CLI runs the script in
// a grandchild, which a SIGKILL sent to the CLI would leave running.
//
// stdout: one line `READY {"url":…,"pid":…,"applied":n,"openMs":…,"migrateMs":…}` once it serves.
// A folder served by another live process: the lock's message on stderr, exit 3.
// Any other failure: exit 1. SIGTERM/SIGINT: clean stop, exit 0.

import { startEmbeddedDatabase } from "../../../scripts/db/embedded-server";
import { applyMigrations } from "../../../scripts/db/migrations";
import { DatabaseLockedError } from "../../../scripts/db/pid-lock";

// Mirrored in crash-recovery.test.ts (importing this file would run it).
const READY_PREFIX = "READY ";
const EXIT_LOCKED = 3;

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error("usage: embedded-db-process.ts <dataDir>");

  const t0 = Date.now();
  const embedded = await startEmbeddedDatabase({
    dataDir,
    handleSignals: false,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    embedded.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  const t1 = Date.now();
  const { applied } = await applyMigrations(embedded.url, { poolMax: embedded.poolMax });
  const ready = { url: embedded.url, pid: process.pid, applied: applied.length, openMs: t1 - t0, migrateMs: Date.now() - t1 };
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(ready)}\n`);
  // The socket server keeps the event loop alive until stopped or killed.
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_LOCKED);
  }
  console.error(error);
  process.exit(1);
});

// One test worker's embedded database for an integration run (global-setup.ts
// starts one per worker): an in-memory PGlite started from the run's migrated
// template (a `dumpDataDir()` archive, so no initdb and no migration here),
// served on a unix socket as `npm start` serves it. In a process of its own so
// that the workers' databases use both cores (PGlite runs on one thread).
//
//   node --import tsx tests/integration/support/embedded-slot-process.ts <template.tar> <socketDir>
//
// stdout: one line `READY <url>` once it serves. SIGTERM/SIGINT, or its parent
// gone (stdin closed): clean stop, exit 0. Any failure: exit 1.
import fs from "node:fs";

import { startEmbeddedDatabase } from "../../../scripts/db/embedded-server";

async function main(): Promise<void> {
  const [template, socketDir] = process.argv.slice(2);
  if (!template || !socketDir) throw new Error("usage: embedded-slot-process.ts <template.tar> <socketDir>");
  const embedded = await startEmbeddedDatabase({
    inMemory: true,
    loadDataDir: new Blob([fs.readFileSync(template)]),
    socketDir,
    handleSignals: false,
    log: () => {},
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
  // A vitest run killed outright (its budget ran out) must not leave us behind.
  process.stdin.on("end", stop);
  process.stdin.on("error", stop);
  process.stdin.resume();
  process.stdout.write(`READY ${embedded.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

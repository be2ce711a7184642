// Bench: a 10 000-row préfecture list, read + previewed + imported end to end
// on the embedded database (PGlite on disk, one connection), served by a child
// process as `npm start` serves it to the app (the database and the app do not
// share a thread). Target (issue 7): under 15 s end to end.
//
//   npm run bench:import            (10 000 rows)
//   npm run bench:import -- 20000   (another size)
//
// It starts its own embedded database in a temporary folder (through
// tests/integration/support/embedded-db-process.ts, which applies the
// migrations), creates a team and a coordinator, generates the file in
// Windows-1252 with ";" (what Excel writes on a French Windows), then times:
// the preview (read + parse + match, no write), the import (one transaction),
// and a second import of the same file (everything matched, nothing created).

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { spawn } from "node:child_process";

const ROWS = Number(process.argv[2] ?? 10_000);
const TARGET_MS = 15_000;

/** The embedded database in a child process; resolves with its URL once migrated. */
function startDatabase(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = path.join(import.meta.dirname, "../../tests/integration/support/embedded-db-process.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("READY "));
      if (line) {
        const ready = JSON.parse(line.slice("READY ".length)) as { url: string };
        resolve({
          url: ready.url,
          stop: async () => {
            child.kill("SIGTERM");
            await exited;
          },
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`embedded database exited (${code}): ${err}`)));
  });
}

async function main(): Promise<void> {
  process.env.TZ = "Europe/Paris";
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "maintien-bench-import-"));
  const database = await startDatabase(path.join(dataDir, "pglite"));
  try {
    process.env.DATABASE_URL = database.url;
    process.env.DATABASE_POOL_MAX = "1";
    process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";

    // Imported after the environment is set: lib/server/db reads it on first use.
    const { db } = await import("@/lib/server/db");
    const { encodeWindows1252, sampleRow, SAMPLE_HEADERS, toCells, toCsvText } = await import("@/lib/domain/import/sample-list");
    const { previewImport } = await import("@/lib/server/import/preview-import");
    const { importList } = await import("@/lib/server/import/run-import");

    const now = new Date();
    const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
    const team = await db.team.create({ data: { name: "Équipe bench", departement: "91" } });
    const user = await db.user.create({ data: { email: "bench@example.org", name: "Bench", role: "COORDINATOR", passwordHash: "x" } });
    await db.teamMembership.create({ data: { teamId: team.id, userId: user.id } });
    const actor = { id: user.id, role: "COORDINATOR" as const, teamIds: [team.id] };

    let t = performance.now();
    const lines = [[...SAMPLE_HEADERS], ...Array.from({ length: ROWS }, (_, i) => toCells(sampleRow(i, today)))];
    const bytes = encodeWindows1252(toCsvText(lines));
    const generateMs = performance.now() - t;
    const input = { teamId: team.id, fileName: `liste-${ROWS}.csv`, bytes };

    t = performance.now();
    const plan = await previewImport(db, actor, input, now);
    const previewMs = performance.now() - t;
    if (!plan.ok) throw new Error(plan.message);

    t = performance.now();
    let lastProgress = 0;
    const result = await importList(db, actor, input, now, { onProgress: (p) => (lastProgress = p.done) });
    const importMs = performance.now() - t;

    t = performance.now();
    const again = await importList(db, actor, input, now);
    const reimportMs = performance.now() - t;

    const cases = await db.case.count({ where: { teamId: team.id } });
    const landlords = await db.landlord.count({ where: { teamId: team.id } });
    const total = previewMs + importMs;
    const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`Import bench: ${ROWS} rows, ${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB (Windows-1252, ";"), embedded database (PGlite in its own process, 1 connection)`);
    console.log(`  generate file           ${fmt(generateMs)}`);
    console.log(`  preview (no write)      ${fmt(previewMs)}   create ${plan.counts.create}, update ${plan.counts.update}, skip ${plan.counts.skip}, reject ${plan.counts.reject}`);
    console.log(`  import (1 transaction)  ${fmt(importMs)}   created ${result.createdCount}, progress reached ${lastProgress}`);
    console.log(`  preview + import        ${fmt(total)}   target < ${fmt(TARGET_MS)}: ${total < TARGET_MS ? "OK" : "TOO SLOW"}`);
    console.log(`  re-import (same file)   ${fmt(reimportMs)}   created ${again.createdCount}, skipped ${again.skippedCount}`);
    console.log(`  database: ${cases} cases, ${landlords} landlords`);
    await db.$disconnect();
    if (result.createdCount !== ROWS || again.createdCount !== 0 || cases !== ROWS) throw new Error("Unexpected counts");
    if (total >= TARGET_MS) process.exitCode = 1;
  } finally {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${path.join(dataDir, "pglite")}.run`, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run facts:rebuild`: recomputes every case's indicator facts
 * (CaseFacts, decision 035) from the cases and their events. The database
 * keeps them current by itself (triggers); run this after a migration that
 * changes what the facts hold, or to repair. Safe to run at any time, twice
 * does nothing more; prints how many rows it changed.
 *
 * Database: DATABASE_URL, else the embedded database (data/pglite, or
 * $EMBEDDED_DB_DIR), through the app's socket when the app is running.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createPgAdapter } from "@/lib/server/pg-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { rebuildCaseFacts } from "@/lib/server/services/rebuild-case-facts";

import { openTarget } from "./db/target";

async function main(): Promise<number> {
  const target = await openTarget({ log: (line) => console.error(line) });
  const db = new PrismaClient({ adapter: createPgAdapter(target.url, target.poolMax) });
  try {
    const started = Date.now();
    const { cases, changed } = await rebuildCaseFacts(db, { onProgress: (n) => process.stderr.write(`\r${n} dossiers…`) });
    process.stderr.write("\n");
    console.log(`Indicateurs : faits recalculés pour ${cases} dossier(s), ${changed} ligne(s) corrigée(s). Base : ${target.description}. Durée : ${Date.now() - started} ms.`);
    return 0;
  } finally {
    await db.$disconnect();
    await target.release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

/**
 * `npm run deadlines:roll`: the daily roll-forward of procedure deadlines
 * (decision 008), for cron. The server already runs it in the background
 * (lib/server/jobs/deadline-job.ts); this command is for deployments that
 * prefer cron, and for repairs. Running it twice the same day does nothing more.
 *
 * Database: DATABASE_URL, else the embedded database, through the app's
 * socket when the app is running.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createPgAdapter } from "@/lib/server/pg-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { recomputeOutdatedDeadlines, rollNextDeadlinesForward } from "@/lib/server/services/refresh-deadlines";
import { parisToday } from "@/lib/utils/dates";

import { openTarget } from "./db/target";

async function main(): Promise<number> {
  const target = await openTarget({ log: (line) => console.error(line) });
  const db = new PrismaClient({ adapter: createPgAdapter(target.url, target.poolMax) });
  try {
    const today = parisToday(new Date());
    const recomputed = await recomputeOutdatedDeadlines(db, today);
    const rolled = await rollNextDeadlinesForward(db, today);
    console.log(`Échéances : ${recomputed} dossier(s) recalculé(s), ${rolled} prochaine(s) échéance(s) avancée(s) au ${today.toISOString().slice(0, 10)}. Base : ${target.description}.`);
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

/**
 * The daily e-mail digest of due work (issue 20), for cron:
 *
 *   npm run digest -- [--now YYYY-MM-DD]
 *
 * Sends each active worker who opted in (Mon compte) the counts and case
 * numbers of their due work, never a household's name, through the SMTP
 * server of the SMTP_* variables (README "E-mail"). Once a day per person:
 * running it twice sends nothing more. Exit code 0 on success (even with
 * nobody to write to), 1 when a message failed or on error, 2 on bad usage.
 *
 * Database: DATABASE_URL, else the embedded database, like `npm run retention`.
 */
import { parseArgs } from "node:util";
import { createPgAdapter } from "@/lib/server/pg-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sendDigests } from "@/lib/server/services/send-digests";
import { openTarget } from "./db/target";
import { parseNowOption } from "./retention";

async function main(): Promise<number> {
  let now: Date;
  try {
    const { values } = parseArgs({ options: { now: { type: "string" } } });
    now = parseNowOption(values.now);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const target = await openTarget({ log: (line) => console.error(line) });
  const db = new PrismaClient({ adapter: createPgAdapter(target.url, target.poolMax), transactionOptions: { maxWait: 15_000, timeout: 60_000 } });
  try {
    const report = await sendDigests(db, now);
    console.log(`Récapitulatif du ${report.today.toISOString().slice(0, 10)} : ${report.sent.length} envoyé(s), ${report.nothingToDo} sans rien à faire, ${report.alreadySent} déjà envoyé(s) aujourd'hui, ${report.failed.length} échec(s).`);
    for (const f of report.failed) console.error(`  - compte ${f.userId} : ${f.reason}`);
    return report.failed.length ? 1 : 0;
  } finally {
    await db.$disconnect();
    await target.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

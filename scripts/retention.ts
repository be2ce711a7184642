/**
 * Retention (issue 8.5): anonymises the households whose cases are all closed
 * since more than RETENTION_MONTHS_AFTER_CLOSURE months (default 24).
 *
 *   npm run retention -- [--dry-run] [--now YYYY-MM-DD]
 *
 * --dry-run   lists what would be anonymised (case numbers and dates, never a
 *             name) and writes nothing.
 * --now       the day to count from (default: today in Europe/Paris).
 *
 * Database: DATABASE_URL, else the embedded database (data/pglite, or
 * $EMBEDDED_DB_DIR), through the app's socket when the app is running.
 * Meant to run daily from cron (docs/security.md, "Retention"); running it
 * twice does nothing more. Exit code 0 on success, 1 on error, 2 on bad usage.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createPgAdapter } from "@/lib/server/pg-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { retentionMonthsFrom } from "@/lib/server/env";
import { anonymiseClosedCases, type AnonymiseResult } from "@/lib/server/services/anonymise-closed-cases";

import { openTarget } from "./db/target";

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** "YYYY-MM-DD" → noon in Paris that day; absent → the clock. */
export function parseNowOption(text: string | undefined): Date {
  if (!text) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UsageError(`--now : date invalide « ${text} » (attendu AAAA-MM-JJ)`);
  const date = new Date(`${text}T12:00:00+01:00`);
  if (Number.isNaN(date.getTime()) || iso(new Date(`${text}T00:00:00Z`)) !== text) throw new UsageError(`--now : date invalide « ${text} »`);
  return date;
}

class UsageError extends Error {}

/** The report printed by the command: case numbers and dates only, never a name. */
export function formatRetentionReport(result: AnonymiseResult): string[] {
  const lines = [
    `Conservation : ${result.months} mois après la dernière clôture du ménage. ` +
      `Jour de référence : ${iso(result.today)} (ménages dont la dernière clôture date du ${iso(result.latestDueClosure)} ou avant).`,
  ];
  if (result.dryRun) lines.push("Simulation (--dry-run) : rien n'est écrit.");
  const n = result.households.length;
  const verb = result.dryRun ? "à anonymiser" : "anonymisé(s)";
  lines.push(n === 0 ? `Aucun ménage ${result.dryRun ? "à anonymiser" : "anonymisé"}.` : `${n} ménage(s) ${verb} :`);
  for (const h of result.households) {
    const cases = h.cases.map((c) => `dossier n° ${c.number} (clos le ${iso(c.closedOn)})`).join(", ");
    lines.push(`  - ${cases} ; échéance le ${iso(h.dueOn)}`);
  }
  if (result.skipped.length) {
    lines.push(`${result.skipped.length} ménage(s) laissé(s) tel(s) quel(s) :`);
    for (const s of result.skipped) lines.push(`  - ménage ${s.householdId} : ${s.reason}`);
  }
  return lines;
}

async function main(): Promise<number> {
  let values: { "dry-run"?: boolean; now?: string; help?: boolean };
  let now: Date;
  let months: number;
  try {
    ({ values } = parseArgs({
      options: { "dry-run": { type: "boolean", default: false }, now: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
    if (values.help) {
      console.log("npm run retention -- [--dry-run] [--now AAAA-MM-JJ]   (RETENTION_MONTHS_AFTER_CLOSURE, défaut 24)");
      return 0;
    }
    now = parseNowOption(values.now);
    months = retentionMonthsFrom(process.env.RETENTION_MONTHS_AFTER_CLOSURE);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }

  const target = await openTarget({ log: (line) => console.error(line) });
  const db = new PrismaClient({
    adapter: createPgAdapter(target.url, target.poolMax),
    transactionOptions: { maxWait: 15_000, timeout: 60_000 },
  });
  try {
    const started = Date.now();
    const result = await anonymiseClosedCases(db, null, { months, dryRun: values["dry-run"] === true, trigger: "CLI" }, now);
    for (const line of formatRetentionReport(result)) console.log(line);
    console.log(`Base : ${target.description}. Durée : ${Date.now() - started} ms.`);
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

// Restore of a backup made by scripts/db/backup.ts (issue 8.7; docs/security.md).
//
//   npm run db:restore -- --from <file> [--force]
//
// Embedded database (no DATABASE_URL): the archive becomes the data folder
// ($EMBEDDED_DB_DIR, default data/pglite). The app must be stopped. The
// folder must be empty or absent; with --force an existing folder is moved
// aside to `<folder>.before-restore-<date>` (never deleted).
//
// PostgreSQL (DATABASE_URL): `pg_restore --no-owner --no-privileges
// --exit-on-error --single-transaction` into that database, which must be
// empty (a fresh `createdb`); with --force its objects are dropped first
// (--clean --if-exists). All or nothing: a failure leaves it as it was.
//
// The documents beside the archive (`<file>.documents/`, issue 19) are put back
// where they came from. Then the database's row counts are printed; `npm run db:status` tells
// whether migrations newer than the backup remain to apply (`npm start`
// applies them).

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

import { COUNTED_TABLES, countRowsPglite, postgresTool, type TableCounts } from "./backup";
import { embeddedLockPath } from "./embedded-server";
import { defaultEmbeddedDataDir } from "./paths";
import { acquirePidLock } from "./pid-lock";
import { redactUrl } from "./target";

const run = promisify(execFile);

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Restores an archive of backupEmbedded() into a data folder no process serves. */
export async function restoreEmbedded(opts: { from: string; dataDir: string; force?: boolean }): Promise<{ dataDir: string; movedAside: string | null; counts: TableCounts }> {
  const dataDir = path.resolve(opts.dataDir);
  const archive = fs.readFileSync(path.resolve(opts.from));
  fs.mkdirSync(path.dirname(embeddedLockPath(dataDir)), { recursive: true, mode: 0o700 });
  const lock = acquirePidLock(embeddedLockPath(dataDir), dataDir);
  try {
    let movedAside: string | null = null;
    if (!isEmptyDir(dataDir)) {
      if (!opts.force) throw new Error(`${dataDir} n'est pas vide : restaurez dans un dossier vide (EMBEDDED_DB_DIR) ou ajoutez --force (l'ancien dossier est mis de côté).`);
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dataDir, movedAside);
    }
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const db = await PGlite.create(dataDir, { loadDataDir: new Blob([new Uint8Array(archive)]) });
    try {
      await db.exec("CHECKPOINT");
      return { dataDir, movedAside, counts: await countRowsPglite(db) };
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/** Row counts of every application table of a PostgreSQL database. */
export async function countRowsPostgres(url: string): Promise<TableCounts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       ORDER BY table_name`,
    );
    const counts: TableCounts = {};
    for (const { table_name } of tables.rows) {
      const r = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${table_name.replaceAll('"', '""')}"`);
      counts[table_name] = r.rows[0]?.n ?? 0;
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** pg_restore of a `pg_dump --format=custom` archive, in one transaction. */
export async function restorePostgres(opts: { from: string; url: string; force?: boolean }): Promise<{ counts: TableCounts }> {
  const existing = await countRowsPostgres(opts.url);
  if (Object.keys(existing).length > 0 && !opts.force) {
    throw new Error("La base cible contient déjà des tables : restaurez dans une base vide (createdb) ou ajoutez --force pour les remplacer.");
  }
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...(opts.force ? ["--clean", "--if-exists"] : []), "--dbname", opts.url, path.resolve(opts.from)];
  await run(postgresTool("pg_restore"), args, { maxBuffer: 64 * 1024 * 1024 });
  return { counts: await countRowsPostgres(opts.url) };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: "string" }, force: { type: "boolean", default: false } } });
  if (!values.from) {
    console.error("Usage : npm run db:restore -- --from <fichier> [--force]");
    return 2;
  }
  if (!fs.existsSync(values.from)) {
    console.error(`${values.from} : fichier introuvable.`);
    return 2;
  }
  const url = process.env.DATABASE_URL?.trim();
  const started = Date.now();
  let counts: TableCounts;
  if (url) {
    ({ counts } = await restorePostgres({ from: values.from, url, force: values.force }));
    console.log(`Restauré dans PostgreSQL (${redactUrl(url)}) en ${Date.now() - started} ms.`);
  } else {
    const dataDir = defaultEmbeddedDataDir();
    const result = await restoreEmbedded({ from: values.from, dataDir, force: values.force });
    counts = result.counts;
    console.log(`Restauré dans la base embarquée ${result.dataDir} en ${Date.now() - started} ms.`);
    if (result.movedAside) console.log(`L'ancien dossier a été mis de côté : ${result.movedAside}`);
  }
  console.log(`Contenu : ${COUNTED_TABLES.map((t) => `${t} ${counts[t] ?? 0}`).join(", ")}.`);
  // The documents and photos of cases (issue 19), when the backup has them.
  const { getAttachmentStores } = await import("@/lib/server/attachments/config");
  const { restoreAttachmentFiles } = await import("../attachments/backup-files");
  const files = await restoreAttachmentFiles(getAttachmentStores(), values.from);
  if (files) console.log(`Documents restaurés : ${files.folder} dans le dossier chiffré, ${files.s3} sur S3.`);
  console.log("Vérifiez les migrations avec `npm run db:status` (`npm start` applique celles qui manquent).");
  return 0;
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

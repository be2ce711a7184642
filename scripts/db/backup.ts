// Backup of the database (issue 8.7; docs/security.md, "Backup and restore").
//
//   npm run db:backup -- --out <file> [--force]
//
// Embedded database (no DATABASE_URL): a copy of PGlite's data folder, taken
// with PGlite's own dumpDataDir() after a CHECKPOINT, while WE hold the
// folder's lock: the app must be stopped (a folder served by a running app
// is refused; PGlite cannot be opened by two processes). The file is a
// gzipped tar; it restores with `npm run db:restore` and the same PGlite
// version (a physical copy: it carries PostgreSQL's on-disk format).
//
// PostgreSQL (DATABASE_URL): `pg_dump --format=custom --no-owner
// --no-privileges`, consistent while the app runs (one snapshot). pg_dump
// must be of the server's major version or newer.
//
// The file is written beside its destination and renamed when complete (an
// interrupted backup never leaves a truncated file under the final name),
// mode 0600 (it holds every household's personal data). It is then checked:
// reopened (embedded) or listed (PostgreSQL), and its row counts printed.
//
// The documents and photos of cases (issue 19) go beside it, in `<out>.documents/`,
// encrypted (scripts/attachments/backup-files.ts).

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { PGlite } from "@electric-sql/pglite";

import { embeddedLockPath } from "./embedded-server";
import { defaultEmbeddedDataDir } from "./paths";
import { findPostgresBinaries } from "./pg-cluster";
import { acquirePidLock } from "./pid-lock";
import { redactUrl } from "./target";

const run = promisify(execFile);

/** Tables whose rows are counted after a backup or a restore (the case file's core). */
export const COUNTED_TABLES = ["Team", "User", "Household", "Occupant", "Case", "OutreachEvent", "ProcedureEvent", "AuditLog"] as const;

export type TableCounts = Record<string, number>;

/** Row counts of every application table (Prisma's migration table aside), through a PGlite handle. */
export async function countRowsPglite(pg: PGlite): Promise<TableCounts> {
  const tables = await pg.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  const counts: TableCounts = {};
  for (const { table_name } of tables.rows) {
    const r = await pg.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${table_name.replaceAll('"', '""')}"`);
    counts[table_name] = r.rows[0]?.n ?? 0;
  }
  return counts;
}

function writeAtomically(out: string, bytes: Uint8Array, force: boolean): void {
  const target = path.resolve(out);
  if (fs.existsSync(target) && !force) throw new Error(`${target} existe déjà (--force pour le remplacer).`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial-${process.pid}`;
  const fd = fs.openSync(tmp, "w", 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, target);
}

/**
 * Backs up an embedded database folder that no process serves. Throws
 * DatabaseLockedError when the app (or anything) holds it.
 */
export async function backupEmbedded(opts: { dataDir: string; out: string; force?: boolean }): Promise<{ file: string; bytes: number; counts: TableCounts }> {
  const dataDir = path.resolve(opts.dataDir);
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`${dataDir} ne contient pas de base embarquée.`);
  fs.mkdirSync(path.dirname(embeddedLockPath(dataDir)), { recursive: true, mode: 0o700 });
  const lock = acquirePidLock(embeddedLockPath(dataDir), dataDir);
  try {
    const pg = await PGlite.create(dataDir);
    let archive: Uint8Array;
    try {
      // Everything written so far in the data files, not only in the WAL.
      await pg.exec("CHECKPOINT");
      const blob = await pg.dumpDataDir("gzip");
      archive = new Uint8Array(await blob.arrayBuffer());
    } finally {
      await pg.close();
    }
    writeAtomically(opts.out, archive, opts.force === true);
    // Check the file as written: it opens, and here is what it holds.
    const check = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(fs.readFileSync(path.resolve(opts.out)))]) });
    try {
      return { file: path.resolve(opts.out), bytes: archive.byteLength, counts: await countRowsPglite(check) };
    } finally {
      await check.close();
    }
  } finally {
    lock.release();
  }
}

/** pg_dump / pg_restore / psql: beside the server binaries we know of, else $PATH. */
export function postgresTool(name: "pg_dump" | "pg_restore" | "psql"): string {
  const bins = findPostgresBinaries();
  if (bins) {
    const candidate = path.join(bins.bindir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return name;
}

/** `pg_dump --format=custom --no-owner --no-privileges`: one consistent snapshot, the app may keep running. */
export async function backupPostgres(opts: { url: string; out: string; force?: boolean }): Promise<{ file: string; bytes: number; entries: number }> {
  const target = path.resolve(opts.out);
  if (fs.existsSync(target) && !opts.force) throw new Error(`${target} existe déjà (--force pour le remplacer).`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial-${process.pid}`;
  try {
    await run(postgresTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", tmp, "--dbname", opts.url], { maxBuffer: 64 * 1024 * 1024 });
    fs.chmodSync(tmp, 0o600);
    const fd = fs.openSync(tmp, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  // The archive's table of contents: pg_restore can read it.
  const { stdout } = await run(postgresTool("pg_restore"), ["--list", target], { maxBuffer: 64 * 1024 * 1024 });
  const entries = stdout.split("\n").filter((l) => l.trim() && !l.startsWith(";")).length;
  return { file: target, bytes: fs.statSync(target).size, entries };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string" }, force: { type: "boolean", default: false } } });
  if (!values.out) {
    console.error("Usage : npm run db:backup -- --out <fichier> [--force]");
    return 2;
  }
  const url = process.env.DATABASE_URL?.trim();
  const started = Date.now();
  if (url) {
    const result = await backupPostgres({ url, out: values.out, force: values.force });
    console.log(`Sauvegarde PostgreSQL (${redactUrl(url)}) : ${result.file}, ${result.bytes} octets, ${result.entries} entrées, ${Date.now() - started} ms.`);
    await backupDocuments(values.out, values.force);
    console.log(`Restauration : npm run db:restore -- --from ${result.file}   (ou pg_restore, voir docs/security.md)`);
    return 0;
  }
  const dataDir = defaultEmbeddedDataDir();
  const result = await backupEmbedded({ dataDir, out: values.out, force: values.force });
  console.log(`Sauvegarde de la base embarquée ${dataDir} : ${result.file}, ${result.bytes} octets, ${Date.now() - started} ms.`);
  console.log(`Contenu vérifié : ${COUNTED_TABLES.map((t) => `${t} ${result.counts[t] ?? 0}`).join(", ")}.`);
  await backupDocuments(values.out, values.force);
  return 0;
}

/** The documents and photos of cases (issue 19), beside the database archive. */
async function backupDocuments(out: string, force: boolean): Promise<void> {
  const { getAttachmentStores } = await import("@/lib/server/attachments/config");
  const { backupAttachmentFiles } = await import("../attachments/backup-files");
  const files = await backupAttachmentFiles(getAttachmentStores(), out, force);
  console.log(`Documents : ${files.dir} (${files.folder} du dossier chiffré, ${files.s3} de S3), chiffrés avec la clé des documents, qui n'est pas copiée : conservez ATTACHMENTS_KEY (ou data/attachments-key) à part.`);
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

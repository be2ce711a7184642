// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly)
// persisted in a folder, served on a unix socket by pglite-socket, so the app
// connects with the standard `pg` + `@prisma/adapter-pg` exactly as to a
// PostgreSQL server.
//
// Rules this module enforces (see docs/decisions/002-offline-migrations.md):
// - one process serves a folder: a pid lock file beside it (PGlite has none);
// - the socket lives in a 0700 directory (pglite-socket has no authentication);
// - small server `maxConnections` (3): the socket multiplexer can mix up
//   connections under load with large parameters, so clients must use a pool
//   of ONE connection (`poolMax: 1` below), and the server must accept at
//   least as many connections as there are clients;
// - PGlite runs with fsync off: not power-loss safe. We say so at start.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

import { acquirePidLock, type PidLock } from "./pid-lock";

export interface StartEmbeddedDatabaseOptions {
  /** Folder holding the database files (created if missing). Ignored with `inMemory`. */
  dataDir?: string;
  /** Directory for the unix socket (created 0700). Default: `<dataDir>.run`, or a temp dir. */
  socketDir?: string;
  /** A throwaway database in memory (tests, shadow databases): no folder, no lock. */
  inMemory?: boolean;
  /** With `inMemory`: start from this `dumpDataDir()` archive instead of an empty cluster (tests' migrated template). */
  loadDataDir?: Blob;
  /** Connections the server accepts at once. Default 3. */
  maxConnections?: number;
  /**
   * Stop cleanly on SIGINT/SIGTERM (default true). When no other listener
   * handles the signal, the signal is re-raised after stopping, so the
   * process still terminates as it would have.
   */
  handleSignals?: boolean;
  /** Where to write the start-up notice. Default: console.warn. */
  log?: (line: string) => void;
}

export interface EmbeddedDatabase {
  /** e.g. postgresql://postgres@localhost/postgres?host=/abs/dir */
  url: string;
  /** Clients MUST use a pool of one connection (PrismaPg `{ max: 1 }`). */
  poolMax: 1;
  /** Absolute folder, or null in memory. */
  dataDir: string | null;
  socketDir: string;
  /** An archive of the whole cluster (PGlite's `dumpDataDir`), for `loadDataDir`. */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

/** Unix socket paths are limited to ~104 bytes (macOS) / 108 (Linux). */
const MAX_SOCKET_PATH = 100;
const SOCKET_NAME = ".s.PGSQL.5432";

/** Where the lock and the default socket of a data folder live. */
export function embeddedRunDir(dataDir: string): string {
  return `${path.resolve(dataDir)}.run`;
}

export function embeddedLockPath(dataDir: string): string {
  return path.join(embeddedRunDir(dataDir), "lock.json");
}

export function socketUrl(socketDir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
}

function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

export async function startEmbeddedDatabase(
  options: StartEmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const inMemory = options.inMemory === true;
  if (!inMemory && !options.dataDir) {
    throw new Error("startEmbeddedDatabase: `dataDir` is required unless `inMemory` is set.");
  }
  const dataDir = inMemory ? null : path.resolve(options.dataDir as string);

  const cleanups: Array<() => void> = [];
  const runCleanups = () => {
    while (cleanups.length) {
      try {
        cleanups.pop()?.();
      } catch {
        /* best effort */
      }
    }
  };

  let lock: PidLock | null = null;
  let db: PGlite | null = null;
  let server: PGLiteSocketServer | null = null;

  try {
    if (dataDir) {
      ensurePrivateDir(embeddedRunDir(dataDir));
      lock = acquirePidLock(embeddedLockPath(dataDir), dataDir);
      const heldLock = lock;
      cleanups.push(() => heldLock.release());
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    }

    let socketDir = options.socketDir
      ? path.resolve(options.socketDir)
      : dataDir
        ? embeddedRunDir(dataDir)
        : null;
    if (!socketDir || path.join(socketDir, SOCKET_NAME).length > MAX_SOCKET_PATH) {
      if (options.socketDir) {
        throw new Error(`Socket directory path too long for a unix socket: ${socketDir}`);
      }
      socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-pglite-"));
      const tempDir = socketDir;
      cleanups.push(() => fs.rmSync(tempDir, { recursive: true, force: true }));
    }
    ensurePrivateDir(socketDir);
    const socketPath = path.join(socketDir, SOCKET_NAME);
    // We hold the lock (or the dir is ours): any socket file left is stale.
    fs.rmSync(socketPath, { force: true });

    if (dataDir) {
      log(
        `Embedded database (PGlite) in ${dataDir}: NOT power-loss safe (PGlite runs with fsync off; ` +
          `an OS crash or power cut can lose or corrupt data). For trying the app and small single-team use; ` +
          `production data belongs in PostgreSQL (set DATABASE_URL).`,
      );
    }

    db = dataDir
      ? await PGlite.create(dataDir)
      : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    server = new PGLiteSocketServer({
      db,
      path: socketPath,
      maxConnections: options.maxConnections ?? 3,
    });
    await server.start();
    cleanups.push(() => fs.rmSync(socketPath, { force: true }));
    fs.chmodSync(socketPath, 0o600);

    const url = socketUrl(socketDir);
    lock?.setUrl(url);

    const startedDb = db;
    const startedServer = server;
    let stopping: Promise<void> | null = null;
    const signalHandlers = new Map<NodeJS.Signals, () => void>();
    const onExit = () => runCleanups();

    const stop = (): Promise<void> => {
      if (!stopping) {
        stopping = (async () => {
          for (const [signal, handler] of signalHandlers) process.off(signal, handler);
          process.off("exit", onExit);
          try {
            await startedServer.stop();
          } finally {
            try {
              if (!startedDb.closed) await startedDb.close();
            } finally {
              runCleanups();
            }
          }
        })();
      }
      return stopping;
    };

    // Whatever happens, do not leave our lock behind on a normal exit.
    process.on("exit", onExit);
    if (options.handleSignals !== false) {
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        const handler = () => {
          void stop()
            .catch((error: unknown) => console.error("Error while stopping the embedded database:", error))
            .finally(() => {
              if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
            });
        };
        signalHandlers.set(signal, handler);
        process.once(signal, handler);
      }
    }

    const dumpDataDir = () => startedDb.dumpDataDir("none");
    return { url, poolMax: 1, dataDir, socketDir, dumpDataDir, stop };
  } catch (error) {
    try {
      await server?.stop();
    } catch {
      /* ignore */
    }
    try {
      if (db && !db.closed) await db.close();
    } catch {
      /* ignore */
    }
    runCleanups();
    throw error;
  }
}

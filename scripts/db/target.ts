// Which database the CLI works on: DATABASE_URL when set (a PostgreSQL
// server), otherwise the embedded database folder ($EMBEDDED_DB_DIR, default
// data/pglite). When another process already serves the embedded folder (the
// app), we connect to its socket (URL from its lock file) instead of opening
// the folder a second time, except for operations that need it alone.

import { startEmbeddedDatabase, embeddedLockPath } from "./embedded-server";
import { DatabaseLockedError, liveLockOwner } from "./pid-lock";
import { defaultEmbeddedDataDir } from "./paths";

export interface DatabaseTarget {
  kind: "postgres" | "embedded";
  url: string;
  /** For messages: the URL without password, or the folder. */
  description: string;
  /** Pool size to use against it. */
  poolMax: number;
  release(): Promise<void>;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<unparsable DATABASE_URL>";
  }
}

export async function openTarget(options: { exclusive?: boolean; log?: (line: string) => void } = {}): Promise<DatabaseTarget> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new Error("DATABASE_URL must be a PostgreSQL URL (postgresql://...).");
    }
    return {
      kind: "postgres",
      url: databaseUrl,
      description: `PostgreSQL at ${redactUrl(databaseUrl)}`,
      poolMax: 1,
      release: async () => {},
    };
  }

  const dataDir = defaultEmbeddedDataDir();
  const lockPath = embeddedLockPath(dataDir);
  const owner = liveLockOwner(lockPath);
  if (owner) {
    if (options.exclusive || !owner.url) throw new DatabaseLockedError(lockPath, owner);
    return {
      kind: "embedded",
      url: owner.url,
      description: `embedded database ${dataDir} (served by process ${owner.pid})`,
      poolMax: 1,
      release: async () => {},
    };
  }
  // The caller handles signals (and calls release()).
  const db = await startEmbeddedDatabase({ dataDir, log: options.log, handleSignals: false });
  return {
    kind: "embedded",
    url: db.url,
    description: `embedded database ${dataDir}`,
    poolMax: db.poolMax,
    release: () => db.stop(),
  };
}

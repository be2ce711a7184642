// Scratch servers used to *create* migrations: the engine replays the
// migration history into an empty "shadow" database and diffs it against the
// schema. Nothing here touches the real database.
//
// - "postgres": a throwaway PostgreSQL cluster (pg-cluster.ts); shadow
//   databases are temporary databases on it. Preferred: fast, low memory,
//   and a real server like production.
// - "pglite": no PostgreSQL binaries here: in-memory PGlite instances (one per
//   role, since PGlite serves a single database per instance), each reset
//   before reuse. ~1 GB memory peak, several seconds per instance.
// - { url }: an existing server you own (e.g. CI's); shadow databases are
//   created and dropped on it.

import pg from "pg";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-server";
import { serverShadowSource, type ShadowDatabaseSource } from "./migration-adapter";
import { findPostgresBinaries, startThrowawayCluster } from "./pg-cluster";

export type ScratchChoice = "auto" | "postgres" | "pglite" | { url: string };

export interface ScratchServer {
  kind: "postgres" | "pglite" | "url";
  description: string;
  /** An empty database usable as the engine's main database when there is no target. */
  mainUrl(): Promise<{ url: string; poolMax: number }>;
  shadow: ShadowDatabaseSource;
  stop(): Promise<void>;
}

async function resetPglite(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace
        WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'`,
    );
    const drops = rows.map((r) => `DROP SCHEMA "${r.nspname.replace(/"/g, '""')}" CASCADE;`).join("\n");
    await client.query(`${drops}\nCREATE SCHEMA public;`);
  } finally {
    await client.end();
  }
}

/** Lazily started in-memory PGlite, reset on every acquire. */
function pgliteInstance(quiet: boolean) {
  let started: Promise<EmbeddedDatabase> | null = null;
  return {
    async get(): Promise<EmbeddedDatabase> {
      started ??= startEmbeddedDatabase({ inMemory: true, handleSignals: false, log: quiet ? () => {} : undefined });
      return started;
    },
    async stop(): Promise<void> {
      if (started) await (await started).stop();
    },
  };
}

export async function startScratchServer(choice: ScratchChoice = "auto"): Promise<ScratchServer> {
  if (typeof choice === "object") {
    return {
      kind: "url",
      description: "the PostgreSQL server given for scratch databases",
      mainUrl: async () => ({ url: choice.url, poolMax: 2 }),
      shadow: serverShadowSource(choice.url),
      stop: async () => {},
    };
  }
  const usePostgres = choice === "postgres" || (choice === "auto" && findPostgresBinaries() !== null);
  if (usePostgres) {
    const cluster = await startThrowawayCluster();
    return {
      kind: "postgres",
      description: `a throwaway ${cluster.version} cluster`,
      mainUrl: async () => ({ url: cluster.url, poolMax: 2 }),
      shadow: serverShadowSource(cluster.url),
      stop: () => cluster.stop(),
    };
  }
  const main = pgliteInstance(true);
  const shadow = pgliteInstance(true);
  return {
    kind: "pglite",
    description: "in-memory PGlite instances",
    mainUrl: async () => ({ url: (await main.get()).url, poolMax: 1 }),
    shadow: {
      async acquire() {
        const db = await shadow.get();
        await resetPglite(db.url);
        return { url: db.url, poolMax: 1, release: async () => {} };
      },
    },
    async stop() {
      await Promise.allSettled([main.stop(), shadow.stop()]);
    },
  };
}

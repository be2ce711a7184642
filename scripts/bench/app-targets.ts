// The two apps bench:pages and bench:load drive: the built app on a fresh
// embedded database with the demo data (demo accounts), and the built app on
// a throwaway PostgreSQL cluster filled with the national caseload
// (dataset.ts: 100 000 cases by default) whose first team's staff get the demo
// password so that they can sign in. With `keepPg` (bench:pages --keep-pg DIR)
// the cluster is kept in DIR between runs and its data loaded once
// (kept-cluster.ts; the `bench_meta` table written by bench:dashboard --keep-pg
// is the same, so either bench can reuse the other's cluster).
import pg from "pg";
import { createPgAdapter } from "@/lib/server/pg-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/password";
import { recomputeOutdatedDeadlines } from "@/lib/server/services/refresh-deadlines";
import { parisDayOf } from "@/tests/factories/calendar";

import { applyMigrations } from "../db/migrations";
import { startThrowawayCluster } from "../db/pg-cluster";
import { readBenchMeta, writeBenchMeta } from "./bench-meta";
import { startKeptCluster } from "./kept-cluster";
import { startApp, type RunningApp } from "./app-server";
import { cpuClock, parentOf, type CpuClock } from "./cpu";
import { loadBenchData } from "./dataset";
import type { BenchTeam } from "./generate";

export const BENCH_PASSWORD = "maintien-demo";

export type Role = "COORDINATOR" | "SOCIAL_WORKER" | "JURIST" | "ADMIN" | "FUNDER_VIEWER";

export interface AppTarget {
  kind: "embedded" | "postgres";
  label: string;
  app: RunningApp;
  /** CPU ms used so far by the app and its database (null off Linux). */
  cpu: CpuClock | null;
  /** Accounts that can sign in with BENCH_PASSWORD, by role (several field workers for the load). */
  accounts: Partial<Record<Role, string[]>>;
  stop: () => Promise<void>;
}

export async function startEmbeddedApp(log: (line: string) => void): Promise<AppTarget> {
  const t = performance.now();
  const app = await startApp({ label: "embedded", demo: true });
  log(`  app started on a fresh embedded database with the demo data in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return {
    kind: "embedded",
    label: "embedded (PGlite), demo data",
    app,
    cpu: cpuClock([app.pgid]),
    accounts: {
      COORDINATOR: ["coordination@demo.maintien.fr"],
      SOCIAL_WORKER: ["travail.social@demo.maintien.fr", "travail.social2@demo.maintien.fr"],
      JURIST: ["juriste@demo.maintien.fr"],
      ADMIN: ["admin@demo.maintien.fr"],
      FUNDER_VIEWER: ["financeur@demo.maintien.fr"],
    },
    stop: () => app.stop(),
  };
}

export async function startPostgresApp(opts: { cases: number; teams: number; log: (line: string) => void; keepPg?: string }): Promise<AppTarget> {
  const { log } = opts;
  const cluster = opts.keepPg ? await startKeptCluster(opts.keepPg) : await startThrowawayCluster();
  if (opts.keepPg) log(`  kept cluster in ${opts.keepPg} (${"created" in cluster && cluster.created ? "created" : "reused"})`);
  try {
    await applyMigrations(cluster.url, { poolMax: 1 });
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    let now = new Date();
    const t = performance.now();
    const reused = opts.keepPg ? await readBenchMeta(client) : null;
    let teams: BenchTeam[];
    if (reused && reused.cases === opts.cases && reused.teams.length === opts.teams) {
      teams = reused.teams;
      now = new Date(reused.now);
      log(`  reusing the ${opts.cases.toLocaleString("en")} cases loaded on ${reused.now}`);
    } else {
      if (reused) throw new Error(`--keep-pg holds ${reused.cases} cases in ${reused.teams.length} teams: remove the directory to load another dataset.`);
      ({ teams } = await loadBenchData(client, { cases: opts.cases, teams: opts.teams, templates: 4000, now, log, factsByTriggers: false }));
      log(`  ${opts.cases.toLocaleString("en")} cases loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      if (opts.keepPg) await writeBenchMeta(client, { cases: opts.cases, teams, now: now.toISOString() });
    }
    const team = teams[0]!;
    const hash = await hashPassword(BENCH_PASSWORD);
    const ids = [team.coordinatorId, ...team.workerIds, team.juristId];
    await client.query(`UPDATE "User" SET "passwordHash" = $1, active = true WHERE id = ANY($2::text[])`, [hash, ids]);
    // An administrator and a funder of the first team, as the demo data has
    // (the generated dataset has none): the administration and funder pages.
    for (const [id, role] of [["bench-admin", "ADMIN"], ["bench-funder", "FUNDER_VIEWER"]] as const) {
      await client.query(
        `INSERT INTO "User" (id, email, name, role, "passwordHash") VALUES ($1, $2, $3, $4::"Role", $5)
         ON CONFLICT (id) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash"`,
        [id, `${id}@bench.maintien.invalid`, `Bench ${role.toLowerCase()}`, role, hash],
      );
      await client.query(`INSERT INTO "TeamMembership" ("userId", "teamId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, team.id]);
      ids.push(id);
    }
    const { rows } = await client.query<{ id: string; email: string; role: Role }>(`SELECT id, email, role FROM "User" WHERE id = ANY($1::text[]) ORDER BY email`, [ids]);
    const { rows: backend } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const postmaster = parentOf(backend[0]!.pid);
    await client.end();
    const prisma = new PrismaClient({ adapter: createPgAdapter(cluster.url, 2) });
    const t2 = performance.now();
    await recomputeOutdatedDeadlines(prisma, parisDayOf(now));
    await prisma.$disconnect();
    log(`  procedure deadlines computed in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
    const app = await startApp({ label: "postgres", databaseUrl: cluster.url, poolMax: 10 });
    const accounts: AppTarget["accounts"] = {};
    for (const r of rows) (accounts[r.role] ??= []).push(r.email);
    return {
      kind: "postgres",
      label: `PostgreSQL ${cluster.version.replace(/^postgres \(PostgreSQL\) /, "").split(" ")[0]}, ${opts.cases.toLocaleString("en")} cases`,
      app,
      cpu: cpuClock([app.pgid], postmaster ? [postmaster] : []),
      accounts,
      stop: async () => {
        await app.stop();
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

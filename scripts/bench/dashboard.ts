// `npm run bench:dashboard`: the dashboard and the caseload list at national
// scale (issue 6.6). Generates N cases (default 100 000) with their events on
// the embedded database (PGlite, in a temp dir) and on a throwaway PostgreSQL
// cluster, then prints the server time (median and p95 over --runs runs after
// --warmup) of:
//   - the dashboard, computeIndicators (lib/server/queries/indicators.ts),
//     national (every team) and one team over a past period;
//   - the best hand-written SQL for the same numbers (hand-sql.ts), and the
//     ratio dashboard / SQL, with a check that both give the same numbers;
//   - a filtered, paginated caseload page, listCases (lib/server/queries/list-cases.ts).
// Targets printed beside (issue 17): national dashboard ≤ 0.3× the SQL and < 300 ms on PostgreSQL, one team < 100 ms,
// caseload page < 100 ms. A missed target prints EXPLAIN ANALYZE of the
// statements behind it (or always with --explain).
//
//   npm run bench:dashboard -- [--cases 100000] [--teams 10] [--runs 15] [--warmup 3]
//                              [--db embedded,postgres] [--templates 4000] [--explain] [--try-fixes]
//                              [--keep-pg /tmp/maintien-bench-pg]
//
// --keep-pg DIR (PostgreSQL): the first run creates a cluster in DIR and loads
// the cases (~5–15 min); later runs start it again, apply pending migrations
// and reuse the data (its "today" is the day it was loaded). Profile between
// runs with `npx tsx scripts/bench/kept-cluster.ts start DIR` (prints the URL
// for psql) and `… stop DIR`; `rm -rf DIR` throws it away (decision 044).
//
// A manual command: never part of `npm test` or CI (it takes minutes).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { createPgAdapter } from "@/lib/server/pg-adapter";
import pg from "pg";

import type { IndicatorFilter } from "@/lib/domain/indicators/filter";
import type { Actor } from "@/lib/domain/roles";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { computeIndicators } from "@/lib/server/queries/indicators";
import { listCases, type CaseloadFilter } from "@/lib/server/queries/list-cases";
import { recomputeOutdatedDeadlines } from "@/lib/server/services/refresh-deadlines";
import { addDays, addMonths, parisDayOf } from "@/tests/factories/calendar";

import { startEmbeddedDatabase } from "../db/embedded-server";
import { applyMigrations } from "../db/migrations";
import { findPostgresBinaries, startThrowawayCluster } from "../db/pg-cluster";
import { loadBenchData } from "./dataset";
import { readBenchMeta, writeBenchMeta } from "./bench-meta";
import { startKeptCluster } from "./kept-cluster";
import type { BenchTeam } from "./generate";
import { compareWithDashboard } from "./compare";
import { handSql, runHandSql, type HandScope } from "./hand-sql";
import { formatMs, printTable, summarise, type Line } from "./report";

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "100000" },
    teams: { type: "string", default: "10" },
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    db: { type: "string", default: "embedded,postgres" },
    templates: { type: "string", default: "4000" },
    explain: { type: "boolean", default: false },
    "try-fixes": { type: "boolean", default: false },
    // Keep CaseFacts by the triggers while loading (as every write does); off by default: faster, one rebuild at the end.
    "facts-by-triggers": { type: "boolean", default: false },
    // PostgreSQL only: keep the cluster and its data in this directory between runs (kept-cluster.ts).
    "keep-pg": { type: "string" },
  },
});

const CASES = Number(args.cases);
const TEAMS = Number(args.teams);
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const TEMPLATES = Math.min(Number(args.templates), CASES);
// Issue 17's targets: national < 300 ms and ≤ 0.3× the hand-written SQL over
// the events (the facts table does the work the SQL does per call); one team < 100 ms.
const TARGETS = { nationalMs: 300, teamMs: 100, ratio: 0.3, caseloadMs: 100 };

/**
 * What --try-fixes creates on the throwaway database after the first round,
 * to measure the effect of the indexes the report recommends (then, on
 * PostgreSQL, with JIT off as well).
 */
const CANDIDATE_INDEXES = [
  // listCases → ensureDeadlinesCurrent looks for cases with outdated deadlines on every call: a full scan without it.
  `CREATE INDEX IF NOT EXISTS "Case_deadlinesVersion_idx" ON "Case" ("deadlinesVersion")`,
  // The dashboard's joins to events by kind (landlord letters and answers, joint visits): index-only.
  `CREATE INDEX IF NOT EXISTS "OutreachEvent_kind_occurredAt_cover_idx" ON "OutreachEvent" (kind, "occurredAt") INCLUDE ("caseId", "jointVisit")`,
  // The hearings: index-only.
  `CREATE INDEX IF NOT EXISTS "ProcedureEvent_stage_date_cover_idx" ON "ProcedureEvent" (stage, date) INCLUDE ("caseId", "householdPresent", "juristPresent")`,
];

const log = (line: string) => console.log(line);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

interface Target {
  kind: "embedded" | "postgres";
  label: string;
  url: string;
  poolMax: number;
  /** A kept cluster that already holds data (--keep-pg): reuse it when its bench_meta matches. */
  kept?: boolean;
  stop: () => Promise<void>;
}

async function startTarget(kind: Target["kind"]): Promise<Target> {
  if (kind === "embedded") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-bench-"));
    const embedded = await startEmbeddedDatabase({ dataDir: path.join(dir, "pglite"), handleSignals: false, log: () => {} });
    return {
      kind,
      label: "PGlite (embedded)",
      url: embedded.url,
      poolMax: 1,
      stop: async () => {
        await embedded.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (args["keep-pg"]) {
    const kept = await startKeptCluster(args["keep-pg"]);
    log(`  kept cluster in ${args["keep-pg"]} (${kept.created ? "created" : "reused"})`);
    return { kind, label: `PostgreSQL ${kept.version.replace(/^postgres \(PostgreSQL\) /, "").split(" ")[0]}`, url: kept.url, poolMax: 5, kept: true, stop: kept.stop };
  }
  const cluster = await startThrowawayCluster();
  return { kind, label: `PostgreSQL ${cluster.version.replace(/^postgres \(PostgreSQL\) /, "").split(" ")[0]}`, url: cluster.url, poolMax: 5, stop: () => cluster.stop() };
}

// ───────────────────────────── timing

/**
 * CPU time used by the PostgreSQL server's processes (the postmaster's
 * children, read from /proc), in ms: what a query costs the server whatever
 * else the machine is doing. Null where /proc cannot tell (PGlite runs inside
 * this process; not Linux).
 */
type CpuClock = (() => number) | null;

async function serverCpuClock(client: pg.Client, kind: Target["kind"]): Promise<CpuClock> {
  if (kind !== "postgres" || process.platform !== "linux") return null;
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const statOf = (pid: string | number) => {
      const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return text.slice(text.lastIndexOf(")") + 2).split(" ");
    };
    const postmaster = statOf(rows[0]!.pid)[1];
    const hz = 100; // USER_HZ on Linux
    return () => {
      let ticks = 0;
      for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const f = statOf(entry);
          if (f[1] === postmaster) ticks += Number(f[11]) + Number(f[12]);
        } catch {
          /* the process ended meanwhile */
        }
      }
      return (ticks * 1000) / hz;
    };
  } catch {
    return null;
  }
}

async function time(runs: number, warmup: number, fn: () => Promise<unknown>, cpu: CpuClock = null): Promise<{ wall: number[]; cpu: number[] | null }> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const used: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = cpu?.() ?? 0;
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    if (cpu) used.push(cpu() - c);
  }
  return { wall, cpu: cpu ? used : null };
}

const timed = (r: { wall: number[]; cpu: number[] | null }) => ({ ...summarise(r.wall), cpuMedian: r.cpu ? summarise(r.cpu).median : undefined });

/** Every SQL statement Prisma sends while `fn` runs, with its parameters (for EXPLAIN). */
function statementRecorder(prisma: PrismaClient) {
  let recording: Array<{ query: string; params: unknown[] }> | null = null;
  prisma.$on("query" as never, (e: { query: string; params: string }) => {
    if (recording) recording.push({ query: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  return async (fn: () => Promise<unknown>) => {
    recording = [];
    await fn();
    const out = recording;
    recording = null;
    return out;
  };
}

async function explain(client: pg.Client, title: string, statements: Array<{ query: string; params: unknown[] }>): Promise<void> {
  // In one transaction, rolled back: the statements' transaction-local
  // settings (set_config(…, true): jit, work_mem, parallel workers) apply to
  // the plans that follow them, as in the call.
  await client.query("BEGIN");
  try {
    for (const [i, s] of statements.entries()) {
      if (/^\s*(BEGIN|COMMIT|ROLLBACK|SET)\b/i.test(s.query)) continue;
      if (/^\s*SELECT set_config\(/i.test(s.query)) {
        await client.query(s.query, s.params);
        continue;
      }
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.params);
      log(`\n── EXPLAIN ANALYZE: ${title}, statement ${i + 1}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  } finally {
    await client.query("ROLLBACK");
  }
}

async function benchTarget(kind: Target["kind"], now: Date): Promise<Line[]> {
  log(`\n▶ ${kind === "embedded" ? "Embedded database (PGlite)" : "PostgreSQL (throwaway cluster)"}`);
  const t0 = performance.now();
  const target = await startTarget(kind);
  const lines: Line[] = [];
  try {
    await applyMigrations(target.url, { poolMax: 1 });
    log(`  ${target.label} started and migrated in ${seconds(t0)}`);
    let client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const t1 = performance.now();
    const reused = target.kept ? await readBenchMeta(client) : null;
    let teams: BenchTeam[];
    if (reused && reused.cases === CASES && reused.teams.length === TEAMS) {
      teams = reused.teams;
      now = new Date(reused.now);
      log(`  reusing the ${CASES.toLocaleString("en")} cases loaded on ${reused.now} (dates relative to that day)`);
    } else {
      if (reused) throw new Error(`--keep-pg holds ${reused.cases} cases in ${reused.teams.length} teams: remove the directory to load another dataset.`);
      const loaded = await loadBenchData(client, { cases: CASES, teams: TEAMS, templates: TEMPLATES, now, log, factsByTriggers: args["facts-by-triggers"] });
      teams = loaded.teams;
      log(`  ${Object.entries(loaded.counts).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", ")}`);
      log(`  data loaded in ${seconds(t1)}`);
      if (target.kept) await writeBenchMeta(client, { cases: CASES, teams, now: now.toISOString() });
    }

    const prisma = new PrismaClient({
      adapter: createPgAdapter(target.url, target.poolMax),
      log: [{ emit: "event", level: "query" }],
    });
    const record = statementRecorder(prisma);
    const today = parisDayOf(now);
    const team = teams[0] as BenchTeam;
    const national: Actor = { id: team.coordinatorId, role: "COORDINATOR", teamIds: teams.map((t) => t.id) };
    const coordinator: Actor = { id: team.coordinatorId, role: "COORDINATOR", teamIds: [team.id] };

    const dashboards: Array<{ name: string; actor: Actor; filter: IndicatorFilter; hand: HandScope; targetMs: number; ratio: number | null }> = [
      {
        name: `national, ${CASES.toLocaleString("en")} cases, up to today`,
        actor: national,
        filter: { from: null, to: today, teamId: null, sectorId: null, landlordKind: null },
        hand: { teamIds: national.teamIds as string[], from: null, to: today, sectorId: null },
        targetMs: TARGETS.nationalMs,
        ratio: TARGETS.ratio,
      },
      {
        name: "one team, a past 12-month period",
        actor: coordinator,
        filter: { from: addMonths(today, -15), to: addDays(addMonths(today, -3), -1), teamId: team.id, sectorId: null, landlordKind: null },
        hand: { teamIds: [team.id], from: addMonths(today, -15), to: addDays(addMonths(today, -3), -1), sectorId: null },
        targetMs: TARGETS.teamMs,
        ratio: null,
      },
    ];
    const sector = team.sectors[1] as { id: string };
    const caseloads: Array<{ name: string; filter: CaseloadFilter }> = [
      { name: "default view (open cases, by hearing), page 1", filter: { teamId: team.id, openOnly: true, sort: "audience", page: 1 } },
      { name: "state + sector + search « mar » + sort by name, page 2", filter: { teamId: team.id, state: "CLOSED", sectorId: sector.id, q: "mar", sort: "nom", page: 2 } },
      { name: "all cases, most recent, page 40", filter: { teamId: team.id, sort: "recent", page: 40 } },
    ];

    // The lists read each case's procedure deadlines: compute them once, as the seed does.
    const t2 = performance.now();
    const computed = await recomputeOutdatedDeadlines(prisma, today);
    log(`  procedure deadlines computed for ${computed.toLocaleString("en")} cases in ${seconds(t2)}`);

    let cpuClock = await serverCpuClock(client, kind);
    const measure = async (db: PrismaClient, suffix: string) => {
      for (const d of dashboards) {
        const first = await computeIndicators(db, d.actor, d.filter);
        const hand = await runHandSql(client, d.hand);
        const diffs = compareWithDashboard(first, hand);
        const dash = timed(await time(RUNS, WARMUP, () => computeIndicators(db, d.actor, d.filter), cpuClock));
        const sql = timed(await time(RUNS, WARMUP, () => runHandSql(client, d.hand), cpuClock));
        const ratio = dash.median / sql.median;
        const cpuRatio = dash.cpuMedian !== undefined && sql.cpuMedian ? dash.cpuMedian / sql.cpuMedian : undefined;
        const pgTarget = kind === "postgres";
        const dashOk = pgTarget ? dash.median < d.targetMs : null;
        const ratioOk = d.ratio === null ? null : ratio <= d.ratio;
        // Judged on wall time (this machine, its load) and on the server's CPU time (about an idle machine's time).
        const dashCpuOk = pgTarget && dash.cpuMedian !== undefined ? dash.cpuMedian < d.targetMs : null;
        const ratioCpuOk = d.ratio === null || cpuRatio === undefined ? null : cpuRatio <= d.ratio;
        lines.push(
          { db: target.label, what: `dashboard: ${d.name}${suffix}`, stats: dash, target: pgTarget ? `< ${d.targetMs} ms` : `(PostgreSQL: < ${d.targetMs} ms)`, ok: dashOk, cpuOk: dashCpuOk },
          { db: target.label, what: `  hand-written SQL, same numbers${diffs.length ? " (DIFFERS)" : " (same numbers)"}`, stats: sql, target: "", ok: diffs.length ? false : null, cpuOk: null },
          {
            db: target.label,
            what: `  ratio dashboard / SQL (medians${cpuRatio === undefined ? "" : `; CPU ${cpuRatio.toFixed(2)}×`})`,
            ratio,
            target: d.ratio === null ? "" : `≤ ${d.ratio}×`,
            ok: ratioOk,
            cpuOk: ratioCpuOk,
          },
        );
        log(`  dashboard ${d.name}${suffix}: ${formatMs(dash.median)} (SQL ${formatMs(sql.median)}, ${ratio.toFixed(2)}×), ${first.cases.total.toLocaleString("en")} cases counted`);
        if (diffs.length) log(`  !! the dashboard and the hand-written SQL differ:\n    ${diffs.join("\n    ")}`);
        if (args.explain || (!suffix && ((pgTarget && !dashOk) || ratioOk === false))) {
          await explain(client, `dashboard ${d.name}${suffix}`, await record(() => computeIndicators(db, d.actor, d.filter)));
          const h = handSql(d.hand);
          await explain(client, `hand-written SQL ${d.name}${suffix}`, [{ query: h.text, params: h.values }]);
        }
      }
      for (const c of caseloads) {
        const page = await listCases(db, coordinator, c.filter);
        const stats = timed(await time(RUNS, WARMUP, () => listCases(db, coordinator, c.filter), cpuClock));
        const ok = stats.median < TARGETS.caseloadMs;
        lines.push({ db: target.label, what: `caseload: ${c.name} (${page.total.toLocaleString("en")} match)${suffix}`, stats, target: `< ${TARGETS.caseloadMs} ms`, ok });
        log(`  caseload ${c.name}${suffix}: ${formatMs(stats.median)}, ${page.total} matching, ${page.rows.length} shown`);
        if (args.explain || (!suffix && !ok)) await explain(client, `caseload ${c.name}${suffix}`, await record(() => listCases(db, coordinator, c.filter)));
      }
    };
    await measure(prisma, "");

    if (args["try-fixes"]) {
      // Not a migration: candidate indexes on the throwaway database, to measure what they would change.
      for (const sql of CANDIDATE_INDEXES) await client.query(sql);
      await client.query("VACUUM ANALYZE");
      log(`  candidate indexes created:\n    ${CANDIDATE_INDEXES.join("\n    ")}`);
      await measure(prisma, " [+ indexes]");
      if (kind === "postgres") {
        await client.query("ALTER DATABASE postgres SET jit = off");
        await prisma.$disconnect();
        const noJit = new PrismaClient({ adapter: createPgAdapter(target.url, target.poolMax) });
        await client.end();
        client = new pg.Client({ connectionString: target.url });
        await client.connect();
        cpuClock = await serverCpuClock(client, kind);
        await measure(noJit, " [+ indexes, jit off]");
        await noJit.$disconnect();
      }
    }

    await prisma.$disconnect();
    await client.end();
  } finally {
    await target.stop();
  }
  return lines;
}

async function main(): Promise<number> {
  if (!Number.isInteger(CASES) || CASES < 1 || !Number.isInteger(TEAMS) || TEAMS < 1 || RUNS < 1 || WARMUP < 0) {
    console.error("--cases, --teams, --runs (≥ 1) and --warmup (≥ 0) take whole numbers.");
    return 2;
  }
  const kinds = (args.db ?? "").split(",").map((s) => s.trim()).filter(Boolean) as Target["kind"][];
  if (!kinds.length || kinds.some((k) => k !== "embedded" && k !== "postgres")) {
    console.error("--db takes embedded, postgres or both (comma-separated).");
    return 2;
  }
  if (kinds.includes("postgres") && !findPostgresBinaries()) {
    console.error("PostgreSQL binaries not found (initdb, pg_ctl): install PostgreSQL or run with --db embedded.");
    return 2;
  }
  const now = new Date();
  log(`Bench: ${CASES.toLocaleString("en")} cases in ${TEAMS} teams, ${RUNS} timed runs after ${WARMUP} warm-up runs, on ${kinds.join(" and ")}.`);
  log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, Node ${process.version}.`);
  const lines: Line[] = [];
  for (const kind of kinds) lines.push(...(await benchTarget(kind, now)));
  printTable(lines);
  log("\nmedian and p95: wall time of the call from this process (over --runs runs after --warmup); server CPU: median CPU");
  log("time of the PostgreSQL processes per call, about what the call takes on an idle machine (10 ms resolution).");
  log(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs.`);
  return lines.some((l) => l.ok === false) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

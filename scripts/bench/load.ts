// `npm run bench:load`: 20 signed-in users at once on one instance of the
// built app for 60 s (issue 17.3). Each user is its own loop with its own
// session, going round "À faire", the caseload, its case's page and another
// case's page, and recording a visit and a contact on its own case through
// the real server action (POST with the Next-Action header and React's
// encodeReply body, as the browser sends it; the case's version is read from
// the case page just before, as the form carries it). Every user has a case of
// its own, so no write conflicts with another's. Between two clicks a user
// reads for a random 0.5–1.5 × --think seconds, each user on its own rhythm
// and starting at its own point of the round, after an unmeasured warm-up
// (docs/decisions/050-cheaper-journeys-and-a-fair-load-bench.md: autocannon's
// rate limit ran 10 connections for 20 users and sent their requests together
// at the top of each second). On the embedded database (demo data) and on
// PostgreSQL with the national caseload. Prints p50/p95/p99 and errors per
// route against the target (p95 < 300 ms, 0 errors).
//
//   npm run bench:load -- [--db embedded,postgres] [--users 20] [--seconds 60] [--cases 100000] [--teams 10] [--think 2] [--seed 17] [--keep-pg DIR]
//
// A manual command (build first: `npm run build`): never in `npm test`.
// Bounded (the duration), and only 127.0.0.1 is requested.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { findPostgresBinaries } from "../db/pg-cluster";
import { startEmbeddedApp, startPostgresApp, BENCH_PASSWORD, type AppTarget } from "./app-targets";
import { callAction, caseIdsIn, get, signIn, type Session, type Timed } from "./http";
import { mulberry32 } from "@/tests/factories/random";
import { formatMs } from "./report";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "embedded,postgres" },
    users: { type: "string", default: "20" },
    seconds: { type: "string", default: "60" },
    cases: { type: "string", default: "100000" },
    teams: { type: "string", default: "10" },
    think: { type: "string", default: "2" },
    seed: { type: "string", default: "17" },
    "keep-pg": { type: "string" },
  },
});
const USERS = Math.min(100, Math.max(1, Number(args.users)));
const SECONDS = Math.min(600, Math.max(5, Number(args.seconds)));
/**
 * Seconds a user spends on a page before the next click (reading the case,
 * typing the visit), on average: each pause is drawn between 0.5 and 1.5
 * times it. The users together click about USERS / THINK times a second;
 * `--think 0`: no pause at all (each answer is followed at once by the next
 * request: the server's capacity, not 20 people at work).
 */
const THINK = Math.min(60, Math.max(0, Number(args.think)));
const TARGET = { p95: 300, errors: 0 };
const ROOT = path.resolve(import.meta.dirname, "../..");
const log = (line: string) => console.log(line);

const ROUTES = ["À faire", "caseload", "case page (own)", "case page (other)", "record a visit", "record a contact"] as const;
type Route = (typeof ROUTES)[number];

/** The id of an exported server action in the build (server-reference-manifest.json). */
function actionId(exportName: string, fileHint: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    const where = `${entry.filename ?? ""} ${Object.keys(entry.workers ?? {}).join(" ")}`;
    if (entry.exportedName === exportName && (!entry.filename || entry.filename.includes(fileHint))) return id;
    if (!entry.exportedName && where.includes(fileHint) && id) continue;
  }
  throw new Error(`server action ${exportName} not found in .next/server/server-reference-manifest.json (rebuild?)`);
}

interface User {
  session: Session;
  caseId: string;
  supported: boolean;
  version: number | null;
  turn: number;
  others: string[];
}

/** The case's version as the case page hands it to the event form (the RSC payload in the HTML). */
function versionIn(html: string): number | null {
  const m = /\\?"version\\?":(\d+)/.exec(html);
  return m ? Number(m[1]) : null;
}

function parisNow(): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date());
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  // A minute in the past: an event is never dated after the moment it is recorded.
  const minute = Math.max(0, Number(get("minute")) - 1);
  return { day: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${String(minute).padStart(2, "0")}` };
}

async function prepareUsers(target: AppTarget): Promise<User[]> {
  const emails = [...(target.accounts.SOCIAL_WORKER ?? []), ...(target.accounts.COORDINATOR ?? [])];
  if (!emails.length) throw new Error("no casework account to sign in with");
  const sessions: Session[] = [];
  for (let i = 0; i < USERS; i++) sessions.push(await signIn(target.app.url, emails[i % emails.length]!, BENCH_PASSWORD));
  // One case per user: supported cases first (visit + contact with the household), then other open ones (call + landlord contact).
  const supported = caseIdsIn((await get(sessions[0]!, "/dossiers?etat=SUPPORTED")).body);
  const open: string[] = [];
  for (const state of ["FIRST_LETTER_SENT", "VISIT_2_FAILED", "REMINDER_SENT", "VISIT_1_FAILED", "IDENTIFIED"]) {
    open.push(...caseIdsIn((await get(sessions[0]!, `/dossiers?etat=${state}`)).body));
  }
  const pool = [...supported.map((id) => ({ id, supported: true })), ...open.map((id) => ({ id, supported: false }))];
  if (pool.length < USERS) throw new Error(`only ${pool.length} open cases found for ${USERS} users`);
  const all = pool.map((p) => p.id);
  return sessions.map((session, i) => ({ session, caseId: pool[i]!.id, supported: pool[i]!.supported, version: null, turn: 0, others: all.filter((_, j) => j % USERS !== i).slice(0, 20) }));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface RouteStats {
  times: number[];
  errors: number;
  samples: string[];
  /** The slowest answers, with whose they were: a slow tail is often one role's page. */
  slowest: Array<{ ms: number; who: string }>;
}

interface LoadResult {
  requests: number;
  seconds: number;
  connectionErrors: number;
}

async function runLoad(target: AppTarget): Promise<{ stats: Map<Route, RouteStats>; result: LoadResult; cpuMs: number | null }> {
  const users = await prepareUsers(target);
  const recordId = actionId("recordOutreachEventAction", "dossiers/[id]");
  const stats = new Map<Route, RouteStats>(ROUTES.map((r) => [r, { times: [], errors: 0, samples: [], slowest: [] }]));
  const fail = (route: Route, why: string) => {
    const s = stats.get(route)!;
    s.errors += 1;
    if (s.samples.length < 3) s.samples.push(why.slice(0, 200));
  };
  const random = mulberry32(Number(args.seed) || 17);
  const pause = () => (THINK > 0 ? THINK * 1000 * (0.5 + random()) : 0);
  let requests = 0;
  let connectionErrors = 0;

  // One round of a user's clicks: each returns its route and a check of the answer.
  const round = (u: User): Array<{ route: Route; send: () => Promise<Timed>; check: (t: Timed) => string | null }> => {
    const page = (t: Timed) => (t.status === 200 ? null : `HTTP ${t.status}`);
    const casePage = {
      route: "case page (own)" as const,
      send: () => get(u.session, `/dossiers/${u.caseId}`),
      check: (t: Timed) => {
        u.version = versionIn(t.body);
        return page(t) ?? (u.version === null ? "no version in the page" : null);
      },
    };
    const record = (route: Route, kind: Record<string, string>) => ({
      route,
      send: () => {
        const { day, time } = parisNow();
        return callAction(u.session, `/dossiers/${u.caseId}`, recordId, { status: "idle" }, { caseId: u.caseId, version: String(u.version ?? 0), day, time, note: "", ...kind });
      },
      check: (t: Timed) => {
        if (t.status !== 200) return `HTTP ${t.status}`;
        if (!t.body.includes('"status":"success"')) return `refused: ${/"formError":"([^"]*)"/.exec(t.body)?.[1] ?? t.body.slice(0, 120)}`;
        return null;
      },
    });
    return [
      { route: "À faire", send: () => get(u.session, "/a-faire"), check: page },
      { route: "caseload", send: () => get(u.session, "/dossiers"), check: page },
      casePage,
      record("record a visit", u.supported ? { kind: "VISIT", outcome: "MET" } : { kind: "PHONE_CALL" }),
      casePage,
      record("record a contact", u.supported ? { kind: "HOUSEHOLD_CONTACT", channel: "PHONE" } : { kind: "LANDLORD_CONTACT" }),
      { route: "case page (other)", send: () => get(u.session, `/dossiers/${u.others[u.turn++ % u.others.length]}`), check: page },
    ];
  };

  // Warm-up, not measured: each route once, one after the other, so the
  // first users do not meet a cold server (code not yet compiled by V8, the
  // database's pages not yet in its cache), as bench:pages's --warmup.
  for (const click of round(users[0]!)) await click.send().catch(() => undefined);
  users[0]!.turn = 0;
  // Each user has read its case (its version), as a user who is about to record on it has.
  for (const u of users) u.version = versionIn((await get(u.session, `/dossiers/${u.caseId}`)).body);

  const cpuStart = target.cpu?.() ?? null;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    users.map(async (u, index) => {
      // Users start at random moments of their first pause, not together.
      await sleep(THINK > 0 ? THINK * 1000 * random() : 0);
      const clicks = round(u);
      // Each user starts at its own point of the round: not everyone opens "À faire" first.
      for (let i = index % clicks.length; performance.now() < until; i = (i + 1) % clicks.length) {
        const click = clicks[i]!;
        requests += 1;
        try {
          const answer = await click.send();
          const s = stats.get(click.route)!;
          s.times.push(answer.ms);
          s.slowest.push({ ms: answer.ms, who: u.session.email });
          s.slowest.sort((a, b) => b.ms - a.ms).splice(3);
          const why = click.check(answer);
          if (why) fail(click.route, why);
        } catch (error) {
          connectionErrors += 1;
          fail(click.route, `no answer: ${(error as Error).message}`);
        }
        await sleep(pause());
      }
    }),
  );
  const cpuMs = cpuStart === null ? null : target.cpu!() - cpuStart;
  return { stats, result: { requests, seconds: (performance.now() - started) / 1000, connectionErrors }, cpuMs };
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number) : NaN;
}

async function main(): Promise<number> {
  const kinds = (args.db ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (!kinds.length || kinds.some((k) => k !== "embedded" && k !== "postgres")) {
    console.error("--db takes embedded, postgres or both (comma-separated).");
    return 2;
  }
  if (kinds.includes("postgres") && !findPostgresBinaries()) {
    console.error("PostgreSQL binaries not found: run with --db embedded.");
    return 2;
  }
  log(`Load bench: ${USERS} signed-in users at once for ${SECONDS} s on one instance, on ${kinds.join(" and ")}.`);
  log(
    THINK > 0
      ? `Each user reads ${THINK * 0.5}–${THINK * 1.5} s between two clicks (--think ${THINK}), on a rhythm of its own: about ${(USERS / THINK).toFixed(0)} requests/s together at most.`
      : "No pause between a user's clicks (--think 0): the server's capacity.",
  );
  log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, Node ${process.version}.`);
  const rows: string[][] = [];
  let missed = false;
  for (const kind of kinds) {
    log(`\n▶ ${kind}`);
    const target = kind === "embedded" ? await startEmbeddedApp(log) : await startPostgresApp({ cases: Number(args.cases), teams: Number(args.teams), log, keepPg: args["keep-pg"] });
    try {
      const { stats, result, cpuMs } = await runLoad(target);
      log(`  ${result.requests} requests in ${result.seconds.toFixed(1)} s (${(result.requests / result.seconds).toFixed(1)}/s); connection errors ${result.connectionErrors}`);
      if (cpuMs !== null) log(`  server CPU: ${(cpuMs / 1000).toFixed(1)} s over the run, ${(cpuMs / Math.max(1, result.requests)).toFixed(1)} ms per request on average`);
      for (const [route, s] of stats) {
        const sorted = [...s.times].sort((a, b) => a - b);
        const p95 = quantile(sorted, 0.95);
        const ok = sorted.length > 0 && p95 < TARGET.p95 && s.errors === 0;
        if (!ok) missed = true;
        rows.push([target.label, route, String(sorted.length), formatMs(quantile(sorted, 0.5)), formatMs(p95), formatMs(quantile(sorted, 0.99)), String(s.errors), `p95 < ${TARGET.p95} ms, 0 errors`, ok ? "ok" : "MISSED"]);
        for (const why of s.samples) log(`  ! ${route}: ${why}`);
        if (!ok && s.slowest.length) log(`  slowest ${route}: ${s.slowest.map((x) => `${formatMs(x.ms)} (${x.who})`).join(", ")}`);
      }
      if (result.connectionErrors) {
        missed = true;
        rows.push([target.label, "(connections)", "", "", "", "", `${result.connectionErrors}`, "0 errors", "MISSED"]);
      }
    } finally {
      await target.stop();
    }
  }
  const header = ["database", "route", "requests", "p50", "p95", "p99", "errors", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  log(`\nIssue 17 target: ${USERS} concurrent users, ${SECONDS} s, p95 per route < ${TARGET.p95} ms and ${TARGET.errors} errors, embedded and PostgreSQL.`);
  log(`\n${line(header)}\n${widths.map((w) => "─".repeat(w)).join("  ")}`);
  let previous = "";
  for (const r of rows) {
    if (previous && r[0] !== previous) log("");
    previous = r[0]!;
    log(line(r));
  }
  log(`\nTimes: request to last byte on 127.0.0.1, measured by the bench's client (fetch). Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}.`);
  return missed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

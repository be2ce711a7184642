// `npm run bench:pages`: the server time of every signed-in page (issue 17.2),
// on the built app (run `npm run build` first): on a fresh embedded database
// with the demo data, and on PostgreSQL with the national caseload (100 000
// cases; the first team's staff sign in). Each page is requested --runs times
// one after the other after --warmup requests, as the role that uses it; the
// time is from the request to the last byte of the HTML on 127.0.0.1 (server
// time: rendering, queries and the database). Prints median, p95 and the
// target (p95 < 200 ms) per page, and exits 1 when a page misses it.
//
//   npm run bench:pages -- [--db embedded,postgres] [--cases 100000] [--teams 10] [--runs 15] [--warmup 3]
//                          [--keep-pg /tmp/maintien-bench-pg]
//
// --keep-pg DIR (PostgreSQL): the cluster is kept in DIR (kept-cluster.ts): the
// first run creates it and loads the caseload, later runs (of this bench or of
// bench:dashboard --keep-pg) reuse it, applying pending migrations first. The
// pages bench sets the demo password on the first team's staff and adds an
// administrator and a funder to that team (idempotent).
//
// A manual command: never part of `npm test` or CI. Only 127.0.0.1 is requested.
import os from "node:os";
import { parseArgs } from "node:util";

import { findPostgresBinaries } from "../db/pg-cluster";
import { startEmbeddedApp, startPostgresApp, BENCH_PASSWORD, type AppTarget, type Role } from "./app-targets";
import { caseIdsIn, get, signIn, type Session } from "./http";
import { printTable, summarise, type Line } from "./report";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "embedded,postgres" },
    cases: { type: "string", default: "100000" },
    teams: { type: "string", default: "10" },
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    "keep-pg": { type: "string" },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const WARMUP = Math.max(0, Number(args.warmup));
const TARGET_P95 = 200;
const log = (line: string) => console.log(line);

/** Every signed-in page, as the role that uses it; `{case}`/`{landlord}`/`{agreement}` are ids found on the lists. */
const PAGES: Array<{ role: Role; path: string }> = [
  { role: "COORDINATOR", path: "/" },
  { role: "SOCIAL_WORKER", path: "/" },
  { role: "COORDINATOR", path: "/a-faire" },
  { role: "SOCIAL_WORKER", path: "/a-faire" },
  { role: "JURIST", path: "/a-faire" },
  { role: "COORDINATOR", path: "/dossiers" },
  { role: "SOCIAL_WORKER", path: "/dossiers?page=2" },
  // A deep page of the caseload (issue 17): OFFSET 3 725 on a team of 10 000 cases (the last page on the demo data).
  { role: "SOCIAL_WORKER", path: "/dossiers?page=150" },
  { role: "SOCIAL_WORKER", path: "/dossiers/{case}" },
  { role: "SOCIAL_WORKER", path: "/dossiers/{case}/accompagnement" },
  { role: "JURIST", path: "/dossiers/{case}/audience" },
  { role: "COORDINATOR", path: "/dossiers/nouveau" },
  { role: "COORDINATOR", path: "/bailleurs" },
  { role: "COORDINATOR", path: "/bailleurs/{landlord}" },
  { role: "COORDINATOR", path: "/courriers" },
  { role: "COORDINATOR", path: "/courriers/modeles" },
  { role: "COORDINATOR", path: "/courriers/dossiers/{case}" },
  { role: "COORDINATOR", path: "/indicateurs" },
  { role: "FUNDER_VIEWER", path: "/indicateurs" },
  { role: "COORDINATOR", path: "/facturation" },
  { role: "COORDINATOR", path: "/import" },
  { role: "COORDINATOR", path: "/administration" },
  { role: "COORDINATOR", path: "/administration/journal" },
  { role: "ADMIN", path: "/administration/utilisateurs" },
  { role: "ADMIN", path: "/administration/retention" },
  { role: "COORDINATOR", path: "/compte" },
];

async function benchTarget(target: AppTarget): Promise<Line[]> {
  const sessions: Partial<Record<Role, Session>> = {};
  for (const [role, emails] of Object.entries(target.accounts) as Array<[Role, string[]]>) {
    if (emails[0]) sessions[role] = await signIn(target.app.url, emails[0], BENCH_PASSWORD);
  }
  const coordinator = sessions.COORDINATOR!;
  const worker = sessions.SOCIAL_WORKER ?? coordinator;
  const firstId = (html: string, re: RegExp) => re.exec(html)?.[1] ?? null;
  const ids = {
    case: caseIdsIn((await get(worker, "/dossiers")).body)[0] ?? null,
    landlord: firstId((await get(coordinator, "/bailleurs")).body, /\/bailleurs\/(c[a-z0-9]{20,30})/),
  };
  const lines: Line[] = [];
  for (const page of PAGES) {
    const session = sessions[page.role];
    const path = page.path.replace(/\{(\w+)\}/g, (_, k: keyof typeof ids) => ids[k] ?? "");
    const what = `${page.path.replace(/\{(\w+)\}/g, "<$1>")} (${page.role.toLowerCase().replace("_", " ")})`;
    const missingId = path !== "/" && (path.includes("//") || path.endsWith("/"));
    if (!session || missingId) {
      lines.push({ db: target.label, what: `${what}: no such account or id here`, target: "", ok: null });
      continue;
    }
    const statuses = new Set<number>();
    for (let i = 0; i < WARMUP; i++) statuses.add((await get(session, path)).status);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c = target.cpu?.() ?? 0;
      const r = await get(session, path);
      if (target.cpu) cpu.push(target.cpu() - c);
      statuses.add(r.status);
      times.push(r.ms);
    }
    const stats = { ...summarise(times), cpuMedian: cpu.length ? summarise(cpu).median : undefined };
    const bad = [...statuses].filter((s) => s !== 200);
    const ok = !bad.length && stats.p95 < TARGET_P95;
    lines.push({ db: target.label, what: bad.length ? `${what} HTTP ${bad.join(",")}` : what, stats, target: `p95 < ${TARGET_P95} ms`, ok });
    log(`  ${what}: median ${stats.median.toFixed(0)} ms, p95 ${stats.p95.toFixed(0)} ms, server CPU ${stats.cpuMedian?.toFixed(0) ?? "?"} ms${bad.length ? ` (HTTP ${bad.join(",")})` : ""}`);
  }
  return lines;
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
  log(`Pages bench: ${RUNS} timed requests per page after ${WARMUP}, one at a time, on ${kinds.join(" and ")}.`);
  log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, Node ${process.version}.`);
  const lines: Line[] = [];
  for (const kind of kinds) {
    log(`\n▶ ${kind}`);
    const target = kind === "embedded" ? await startEmbeddedApp(log) : await startPostgresApp({ cases: Number(args.cases), teams: Number(args.teams), log, keepPg: args["keep-pg"] });
    try {
      lines.push(...(await benchTarget(target)));
    } finally {
      await target.stop();
    }
  }
  log("\nIssue 17 targets: every signed-in page p95 < 200 ms of server time, on the embedded demo data and on PostgreSQL at 100 000 cases.");
  printTable(lines);
  log(`\nmedian and p95: request to last byte on 127.0.0.1 (${RUNS} runs after ${WARMUP} warm-up); server CPU: median CPU time of the`);
  log("app's processes and its database per request (10 ms resolution): about the server time on an idle machine.");
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

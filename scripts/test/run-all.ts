// `npm test`: every suite, one after the other, counted from machine-readable
// reports written as tests end; keeps going after a failure; each suite has a
// time budget and, when it runs out, still reports what passed, failed and did
// not finish. The summary lists every failed, unfinished and flaky test with
// its assertion; its LAST line is the plain total `N passed, N failed`
// (skipped tests on the line before); exits 1 when anything failed or crashed.
//
//   npm test                                  everything
//   npm test -- --only unit,integration       a subset: typecheck, unit, integration, postgres, clock, e2e
//   npm test -- --build                       force `next build` before e2e (always on with CI=true)
//   E2E_ARGS="tests/e2e/x.spec.ts" npm test -- --only e2e   a subset of the Playwright journeys
//   npm run test:clock                        the clock check alone (TEST_CLOCK_FULL=1: every point on both databases)
//
// Suites: (a) Prisma client generation when stale (a prerequisite, counted only when it
// fails), (b) typecheck (1 test), (c) Vitest unit, (d) Vitest integration on the
// embedded database, (e) the same on PostgreSQL, (f) the clock check (unit tests at
// every point of tests/support/clock-matrix.ts, the date-heavy integration files at
// the others), (g) Playwright against the app built and started by scripts/start.ts
// on a fresh embedded database. (d) and (e) run under a fixed test clock too
// (docs/decisions/003-test-strategy.md).

import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

import { generateClient } from "../db/generate";
import { CLOCK_MATRIX, clockSplit } from "../../tests/support/clock-matrix";
import { startE2eProxy } from "./nginx-proxy";
import { POSTGRES_SKIPPED_MESSAGE, postgresTargetUnavailable } from "../../tests/integration/support/test-db-target";
import { children, killGroup, runProcess } from "./processes";
import { formatProblems, parseNdjson, summariseRun } from "./report";
import { runVitestSuite, runVitestSuites, type SuiteResult } from "./vitest-suite";
import { freePort } from "../net/free-port";

const ROOT = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

const SUITES = ["typecheck", "unit", "integration", "postgres", "clock", "e2e"] as const;
type SuiteName = (typeof SUITES)[number];

type Result = SuiteResult;

/** A suite's result without tests of its own (generate, typecheck, a crash). */
function plain(name: string, fields: Partial<Result> = {}): Result {
  return { name, passed: 0, failed: 0, skipped: 0, flaky: 0, seconds: 0, problems: [], ...fields };
}

// Time budgets (wall clock, seconds) of each suite on CI's 2 cores; TEST_BUDGET_SCALE=2
// doubles them on a slower machine. Past its budget a suite is stopped and reports what it had.
const scale = Number(process.env.TEST_BUDGET_SCALE ?? "1") || 1;
const BUDGET_MS = {
  typecheck: 300_000,
  unit: 240_000,
  integration: 720_000,
  clockUnit: 300_000,
  clockIntegration: 240_000,
  /** Beyond playwright.config.ts's globalTimeout, which ends the run with its report first. */
  e2e: 1_560_000,
  appStart: 900_000,
} as const;
const budget = (key: keyof typeof BUDGET_MS) => BUDGET_MS[key] * scale;

// ───────────────────────────── options

function parseArgs(argv: string[]): { only: Set<SuiteName>; forceBuild: boolean } {
  let only = new Set<SuiteName>(SUITES);
  let forceBuild = process.env.CI === "true" || process.env.CI === "1";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--build") forceBuild = true;
    else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg.includes("=") ? arg.slice("--only=".length) : argv[++i];
      const names = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !(SUITES as readonly string[]).includes(n));
      if (unknown.length || names.length === 0) {
        throw new Error(`--only takes a comma-separated list of: ${SUITES.join(", ")} (got "${value ?? ""}")`);
      }
      only = new Set(names as SuiteName[]);
    } else {
      throw new Error(`Unknown option "${arg}". Options: --only ${SUITES.join(",")}  --build`);
    }
  }
  return { only, forceBuild };
}

// ───────────────────────────── processes

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) killGroup(child, "SIGTERM");
    process.exit(130);
  });
}

const node = process.execPath;
const tsxCli = () => require.resolve("tsx/cli");


function banner(title: string): void {
  console.log(`\n${"═".repeat(78)}\n▶ ${title}\n${"═".repeat(78)}`);
}

const elapsed = (since: number) => (Date.now() - since) / 1000;

// ───────────────────────────── suites

// Created once the options are read; deleted before the summary.
let reportDir = "";

async function generate(): Promise<Result | null> {
  banner("Prisma client (prisma generate, offline)");
  const t = Date.now();
  try {
    const { skipped } = generateClient();
    console.log(`[run-all] Prisma client ${skipped ? "already up to date" : `generated in ${elapsed(t).toFixed(1)} s`}`);
    return null;
  } catch (error) {
    console.error(`[run-all] ${(error as Error).message}`);
    return plain("generate", { failed: 1, seconds: elapsed(t), crashed: "prisma generate failed", problems: [{ kind: "error", where: "", message: (error as Error).message }] });
  }
}

async function typecheck(logFile: string): Promise<Result> {
  const t = Date.now();
  const logFd = fs.openSync(logFile, "w");
  const { code, timedOut } = await runProcess(node, [require.resolve("typescript/bin/tsc"), "--noEmit"], {
    cwd: ROOT,
    timeoutMs: budget("typecheck"),
    label: "typecheck",
    stdio: ["ignore", logFd, logFd],
  });
  fs.closeSync(logFd);
  const ok = code === 0;
  const errors = ok ? [] : fs.readFileSync(logFile, "utf8").split("\n").filter((l) => /error TS\d+/.test(l));
  return plain("typecheck", {
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    seconds: elapsed(t),
    ...(timedOut ? { crashed: `its ${budget("typecheck") / 1000} s budget ran out` } : {}),
    problems: ok ? [] : [{ kind: "failed", where: "tsc --noEmit", message: timedOut ? "did not finish within its budget" : `${errors.length} type errors\n${errors.slice(0, 6).join("\n")}` }],
  });
}

/** A Vitest project as a suite of this run, within its budget, its report in reportDir. */
function vitest(name: string, args: string[], env: Record<string, string>, budgetMs: number, logFile?: string): Promise<Result> {
  const file = name.replace(/[^a-z0-9@-]+/gi, "-");
  return runVitestSuite({
    name,
    args,
    env,
    budgetMs,
    reportFile: path.join(reportDir, `${file}.ndjson`),
    ...(logFile ? { logFile } : {}),
  });
}

/** TEST_CLOCK=off: the integration runs on the real clock; TEST_CLOCK=<time>: that clock everywhere. */
function integrationClock(kind: "embedded" | "postgres"): string {
  const fixed = process.env.TEST_CLOCK?.trim();
  if (fixed === "off" || fixed === "real") return "";
  if (fixed) return fixed;
  return clockSplit()[kind][0]!;
}

const paris = (clock: string) => (clock ? `clock ${clock.replace("T", " ")} Paris` : "real clock");

/** Start the app the way `npm start` does, on a fresh embedded database; resolves once it answers. */
async function startApp(
  forceBuild: boolean,
): Promise<{ url: string; stop: () => Promise<void>; log: string; buildSeconds: number | null }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-e2e-data-"));
  const log = path.join(reportDir, "e2e-server.log");
  const logStream = fs.createWriteStream(log);
  // The Essonne 18-month scenario (prisma/scenarios/essonne.ts) beside the demo: the dashboard's journeys check its figures.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_SCENARIOS: process.env.SEED_SCENARIOS ?? "essonne" };
  for (const key of ["DATABASE_URL", "DATABASE_POOL_MAX", "AUTH_SECRET", "DEMO", "NODE_ENV", "HOSTNAME", "EMBEDDED_DB_DIR"]) {
    Reflect.deleteProperty(env, key);
  }

  const child = spawn(node, [tsxCli(), "scripts/start.ts", ...(forceBuild ? ["--build"] : [])], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);

  let echo = true; // the build and start-up go to the console; requests only to the log
  let buildStarted: number | null = null;
  let buildSeconds: number | null = null;
  let readyResolve: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (readyResolve = resolve));
  let recent = ""; // a phrase may straddle two chunks
  const onData = (chunk: Buffer) => {
    const raw = chunk.toString();
    logStream.write(raw);
    if (echo) process.stdout.write(raw);
    const text = (recent + raw).slice(-2000);
    recent = text;
    if (buildStarted === null && text.includes("next build")) buildStarted = Date.now();
    if (buildSeconds === null && buildStarted !== null && /next build terminé/.test(text)) buildSeconds = elapsed(buildStarted);
    if (text.includes("Maintien est prêt")) readyResolve(true);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const closed = new Promise<void>((resolve) =>
    child.on("close", () => {
      children.delete(child);
      readyResolve(false);
      resolve();
    }),
  );
  const timer = setTimeout(() => readyResolve(false), 900_000);

  const stop = async () => {
    clearTimeout(timer);
    echo = false;
    killGroup(child, "SIGTERM");
    const killer = setTimeout(() => killGroup(child, "SIGKILL"), 20_000);
    await closed;
    clearTimeout(killer);
    await new Promise<void>((resolve) => logStream.end(resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const ok = await ready;
  echo = false;
  if (!ok) {
    await stop();
    throw new Error(`the app did not start (log: ${log})`);
  }
  return { url: `http://localhost:${port}`, stop, log, buildSeconds };
}

type StartedApp = Awaited<ReturnType<typeof startApp>>;

async function e2e(forceBuild: boolean, started?: Promise<StartedApp>): Promise<Result> {
  const t = Date.now();
  const result = plain("e2e");
  const crash = (message: string): Result => {
    result.failed = 1;
    result.crashed = message;
    result.problems.push({ kind: "error", where: "", message });
    result.seconds = elapsed(t);
    return result;
  };
  if (!fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
    return crash("Chromium not found at /usr/bin/chromium (apt-get install -y chromium)");
  }
  let app: StartedApp;
  try {
    app = await (started ?? startApp(forceBuild));
  } catch (error) {
    return crash((error as Error).message);
  }
  const startSeconds = elapsed(t);
  const reportFile = path.join(reportDir, "e2e.ndjson");
  let code: number;
  let timedOut = false;
  try {
    // E2E_ARGS="tests/e2e/support.spec.ts --project desktop": extra Playwright arguments, to run a subset while working.
    const extra = (process.env.E2E_ARGS ?? "").split(" ").filter(Boolean);
    // A subset runs alone: without --no-deps, the journeys that run last
    // (playwright.config.ts, "desktop-alone") would bring every other one along.
    if (extra.length && !extra.includes("--no-deps")) extra.push("--no-deps");
    // ── issue 14: the "proxy" journeys go through nginx (HTTPS, maintien.test) in front of the same app.
    const proxy = await startE2eProxy(app.url);
    try {
      ({ code, timedOut } = await runProcess(
        node,
        [require.resolve("@playwright/test/cli"), "test", "--pass-with-no-tests", "--reporter=list,./scripts/test/playwright-ndjson-reporter.ts", ...extra],
        {
          cwd: ROOT,
          // E2E_SERVER_LOG: the app's output, read by tests/e2e/logs.spec.ts (issue 14 §8).
          env: { ...process.env, E2E_BASE_URL: app.url, E2E_SERVER_LOG: app.log, TEST_REPORT_NDJSON: reportFile, ...proxy.env },
          timeoutMs: budget("e2e"),
          label: "e2e suite",
        },
      ));
    } finally {
      await proxy.stop();
    }
    // ── end issue 14
  } finally {
    await app.stop();
  }
  let text = "";
  try {
    text = fs.readFileSync(reportFile, "utf8");
  } catch {
    text = "";
  }
  const report = summariseRun(parseNdjson(text), timedOut ? `the suite's ${budget("e2e") / 1000} s budget ran out` : "Playwright's global timeout ran out");
  Object.assign(result, { passed: report.passed, failed: report.failed, skipped: report.skipped, flaky: report.flaky, problems: report.problems });
  if (text && report.passed + report.failed + report.skipped === 0) result.note = "no test files";
  if (timedOut && result.failed === 0) crash(`its ${budget("e2e") / 1000} s budget ran out`);
  else if (code !== 0 && result.failed === 0) crash(text ? `playwright exited ${code} with no failed test (see above)` : `playwright exited ${code}, no report`);
  const build = app.buildSeconds !== null ? `build ${app.buildSeconds.toFixed(0)} s, ` : "";
  const flaky = result.flaky ? `${result.flaky} flaky (passed on retry), ` : "";
  result.note = [result.note, `${flaky}${build}app ready after ${startSeconds.toFixed(0)} s`].filter(Boolean).join("; ");
  if (result.failed > 0) {
    // The report folder is deleted at the end: show the server's last words now.
    const lines = fs.readFileSync(app.log, "utf8").trimEnd().split("\n");
    console.log(`\n[run-all] last ${Math.min(60, lines.length)} lines of the app's log (${lines.length} in all):`);
    console.log(lines.slice(-60).join("\n"));
  }
  result.seconds = elapsed(t);
  return result;
}

/** The clock check, part 1: the unit tests at every point of the matrix (one Vitest run, a project per point). */
function clockUnit(): Promise<Result> {
  return vitest(`clock: unit × ${CLOCK_MATRIX.length} clocks`, [], { TEST_CLOCK_MATRIX: "all", TEST_CLOCK: "" }, budget("clockUnit"));
}

/**
 * One database's integration run, as one Vitest run with one project per
 * clock: the full integration run (`full`) under its clock, and the clock
 * check's part 2 (`clockToo`): the date-heavy files at the points of the
 * matrix this database's full run did not use (clockSplit; TEST_CLOCK_FULL=1:
 * every point), each its own project `integration@<clock>`. They share the
 * run's databases (one migrated template, a copy per worker) and its two
 * workers, and are reported as separate suites, as before
 * (docs/decisions/046-a-faster-test-run.md).
 */
async function integrationRun(kind: "embedded" | "postgres", full: boolean, clockToo: boolean, log?: string): Promise<Result[]> {
  const skipped = kind === "postgres" ? postgresTargetUnavailable("postgres") : null;
  const out: Result[] = [];
  const mainClock = integrationClock(kind);
  const clocks =
    !clockToo || skipped
      ? []
      : process.env.TEST_CLOCK_FULL === "1"
        ? CLOCK_MATRIX
        : clockSplit()[kind].filter((c) => !full || c !== mainClock);
  const fullName = kind === "embedded" ? "integration" : "integration (postgres)";
  const suites = [
    // The full run is two projects: files sharing a module graph per worker, and those that mock modules (vitest.config.ts).
    ...(full ? [{ name: fullName, project: ["integration", "integration-isolated"], note: paris(mainClock) }] : []),
    ...clocks.map((clock) => ({ name: `clock: ${kind} ${clock}`, project: `integration@${clock}` })),
  ];
  if (suites.length) {
    if (skipped && full) console.warn(`\n!! ${skipped}\n`);
    const file = kind === "embedded" ? "integration" : "postgres";
    const results = await runVitestSuites({
      name: full ? fullName : `clock: ${kind}`,
      args: suites.flatMap((s) => (typeof s.project === "string" ? [s.project] : s.project).flatMap((p) => ["--project", p])),
      env: { TEST_DB: kind, TEST_CLOCK: mainClock, TEST_INTEGRATION_CLOCKS: clocks.join(",") },
      budgetMs: (full ? budget("integration") : 0) + (clocks.length ? budget("clockIntegration") : 0),
      reportFile: path.join(reportDir, `${file}.ndjson`),
      ...(log ? { logFile: log } : {}),
      suites,
    });
    for (const r of results) {
      if (r.name === fullName && skipped) {
        // Never counted as passed; at least one skip even with no test file.
        r.skipped = Math.max(r.skipped + r.passed, 1);
        r.passed = 0;
        r.note = POSTGRES_SKIPPED_MESSAGE.replace(/^PostgreSQL tests /, "");
      }
    }
    out.push(...results);
  }
  if (clockToo && skipped) {
    out.push(plain("clock: postgres", { skipped: 1, note: POSTGRES_SKIPPED_MESSAGE.replace(/^PostgreSQL tests /, "") }));
  }
  return out;
}

function printLog(file: string): void {
  try {
    process.stdout.write(fs.readFileSync(file, "utf8"));
  } catch {
    /* no log */
  }
}

// ───────────────────────────── main

const ORDER = ["generate", "typecheck", "unit", "clock: unit", "integration", "integration (postgres)", "clock: embedded", "clock: postgres", "e2e"];
const order = (name: string) => {
  const i = ORDER.findIndex((prefix) => name === prefix || name.startsWith(`${prefix} `));
  return i === -1 ? ORDER.length : i;
};

async function main(): Promise<number> {
  const { only, forceBuild } = parseArgs(process.argv.slice(2));
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-test-reports-"));
  const started = Date.now();
  const results: Result[] = [];

  // A suite that throws is recorded as crashed; the others still run.
  const attempt = async (name: string, fn: () => Promise<Result | Result[] | null>) => {
    const t = Date.now();
    try {
      const r = await fn();
      if (Array.isArray(r)) results.push(...r);
      else if (r) results.push(r);
    } catch (error) {
      console.error(`[run-all] ${name}: ${(error as Error).stack ?? error}`);
      const message = (error as Error).message;
      results.push(plain(name, { failed: 1, seconds: elapsed(t), crashed: message, problems: [{ kind: "error", where: "", message }] }));
    }
  };

  await attempt("generate", generate);
  // tsc beside the unit tests; its errors are printed once it ends.
  const typecheckLog = path.join(reportDir, "typecheck.log");
  const typecheckRun = only.has("typecheck") ? attempt("typecheck", () => typecheck(typecheckLog)) : Promise.resolve();
  if (only.has("unit")) {
    banner("Unit tests (vitest --project unit)");
    await attempt("unit", () => vitest("unit", ["--project", "unit"], { TEST_CLOCK: process.env.TEST_CLOCK === "off" ? "" : (process.env.TEST_CLOCK ?? "") }, budget("unit")));
  }
  if (only.has("clock")) {
    banner(`Clock check: the unit tests at ${CLOCK_MATRIX.length} clocks (tests/support/clock-matrix.ts)`);
    await attempt("clock: unit", clockUnit);
  }
  await typecheckRun;
  if (only.has("typecheck")) {
    banner("Typecheck (tsc --noEmit)");
    try {
      process.stdout.write(fs.readFileSync(typecheckLog, "utf8") || "no type error\n");
    } catch {
      /* no log */
    }
  }
  // The two databases (an embedded one, a throwaway PostgreSQL cluster) are
  // waited on more than the CPU: each side runs its full integration run, then
  // its share of the clock check, side by side, each into its own logs,
  // printed when they end.
  const sides = (only.has("integration") ? 1 : 0) + (only.has("postgres") ? 1 : 0) + (only.has("clock") ? 2 : 0);
  const quiet = sides > 1;
  const side = (kind: "embedded" | "postgres") => async () => {
    const full = only.has(kind === "embedded" ? "integration" : "postgres");
    const clockToo = only.has("clock");
    if (!full && !clockToo) return;
    const title = full
      ? kind === "embedded"
        ? `Integration tests on the embedded database (TEST_DB=embedded, ${paris(integrationClock(kind))}${clockToo ? ", and the clock check's points" : ""})`
        : `Integration tests on PostgreSQL (TEST_DB=postgres, ${paris(integrationClock(kind))}${clockToo ? ", and the clock check's points" : ""})`
      : `Clock check: the date-heavy integration files on ${kind === "embedded" ? "the embedded database" : "PostgreSQL"}`;
    const log = quiet ? path.join(reportDir, `${kind}.log`) : undefined;
    if (!log) banner(title);
    await attempt(full ? (kind === "embedded" ? "integration" : "integration (postgres)") : `clock: ${kind}`, () => integrationRun(kind, full, clockToo, log));
    if (log) {
      banner(title);
      printLog(log);
    }
  };
  const embeddedSide = side("embedded");
  const postgresSide = side("postgres");
  if (quiet) console.log("\n[run-all] the embedded database and PostgreSQL, side by side…");
  // The journeys' app (next build, fresh database, demo seed) is prepared
  // meanwhile: the build is mostly CPU, the integration runs mostly wait on
  // their databases. Its log goes to a file; e2e() waits for it.
  let appStart: Promise<StartedApp> | undefined;
  if (only.has("e2e") && (only.has("integration") || only.has("postgres")) && fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
    console.log("[run-all] building and starting the app for the browser journeys meanwhile…");
    appStart = startApp(forceBuild);
    appStart.catch(() => undefined); // reported by e2e()
  }
  await Promise.all([embeddedSide(), postgresSide()]);
  if (only.has("e2e")) {
    banner("End-to-end tests (Playwright, Debian Chromium)");
    await attempt("e2e", () => e2e(forceBuild, appStart));
  }
  // The summary keeps the suites' order whichever finished first.
  results.sort((a, b) => order(a.name) - order(b.name));

  fs.rmSync(reportDir, { recursive: true, force: true });

  const total = results.reduce(
    (acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed, skipped: acc.skipped + r.skipped, flaky: acc.flaky + r.flaky }),
    { passed: 0, failed: 0, skipped: 0, flaky: 0 },
  );
  console.log(`\n${"═".repeat(78)}\nSummary (${elapsed(started).toFixed(0)} s)`);
  const width = Math.max(24, ...results.map((r) => r.name.length));
  for (const r of results) {
    const status = r.crashed ? "CRASHED" : r.failed > 0 ? "FAILED" : r.flaky > 0 ? "flaky" : "ok";
    const extra = [r.crashed, r.note].filter(Boolean).join("; ");
    console.log(
      `  ${r.name.padEnd(width)} ${status.padEnd(8)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed ${String(r.skipped).padStart(4)} skipped  ${r.seconds.toFixed(1).padStart(6)} s${extra ? `  (${extra})` : ""}`,
    );
  }
  if (results.some((r) => r.name === "integration (postgres)" && r.note?.startsWith("SKIPPED"))) {
    console.log(`  !! ${POSTGRES_SKIPPED_MESSAGE}`);
  }
  // Every failed, unfinished or flaky test by name, with its assertion: also when a suite ran out of time.
  const failures = results.flatMap((r) => formatProblems(r.name, r.problems.filter((p) => p.kind !== "flaky")));
  if (failures.length) console.log(`\nFailures (${total.failed}):\n${failures.join("\n")}`);
  const flaky = results.flatMap((r) => formatProblems(r.name, r.problems.filter((p) => p.kind === "flaky")));
  if (flaky.length) console.log(`\nFlaky (${total.flaky}: failed, then passed on the one retry allowed):\n${flaky.join("\n")}`);
  // Skipped tests are never counted as passed: said on their own line, then the plain total, last.
  if (total.skipped) console.log(`(${total.skipped} skipped: see the suites above)`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed > 0 || results.some((r) => r.crashed) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[run-all] ${(error as Error).message ?? error}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);

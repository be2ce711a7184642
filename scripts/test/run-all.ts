// `npm test`: every suite, one after the other, counted from machine-readable
// reports; keeps going after a failure; the LAST line printed is the plain total
// `N passed, N failed` (skipped tests on the line before); exits 1 when anything failed or crashed.
//
//   npm test                                  everything
//   npm test -- --only unit,integration       a subset: typecheck, unit, integration, postgres, e2e
//   npm test -- --build                       force `next build` before e2e (always on with CI=true)
//   E2E_ARGS="tests/e2e/x.spec.ts" npm test -- --only e2e   a subset of the Playwright journeys
//
// Suites: (a) Prisma client generation when stale (a prerequisite, counted only when it
// fails), (b) typecheck (1 test), (c) Vitest unit, (d) Vitest integration on the
// embedded database, (e) the same on PostgreSQL, (f) Playwright against the app
// built and started by scripts/start.ts on a fresh embedded database.

import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { generateClient } from "../db/generate";
import { startE2eProxy } from "./nginx-proxy";
import { POSTGRES_SKIPPED_MESSAGE, postgresTargetUnavailable } from "../../tests/integration/support/test-db-target";

const ROOT = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

const SUITES = ["typecheck", "unit", "integration", "postgres", "e2e"] as const;
type SuiteName = (typeof SUITES)[number];

interface Result {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  /** The suite could not run or report properly (counted as one failure). */
  crashed?: string;
  note?: string;
}

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

const children = new Set<ChildProcess>();

/** Run a command in its own process group; resolves with its exit code (124 on timeout). */
function run(
  cmd: string,
  args: string[],
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", detached: true, ...options });
    children.add(child);
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          console.error(`\n[run-all] ${path.basename(args[0] ?? cmd)} timed out after ${options.timeoutMs! / 1000} s: killing it`);
          killGroup(child, "SIGKILL");
        }, options.timeoutMs)
      : null;
    child.on("error", (error) => {
      console.error(`[run-all] cannot start ${cmd}: ${error.message}`);
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      children.delete(child);
      resolve(timedOut ? 124 : (code ?? (signal ? 128 : 1)));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) killGroup(child, "SIGTERM");
    process.exit(130);
  });
}

const node = process.execPath;
const tsxCli = () => require.resolve("tsx/cli");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

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
    return { name: "generate", passed: 0, failed: 1, skipped: 0, seconds: elapsed(t), crashed: "prisma generate failed" };
  }
}

async function typecheck(logFile: string): Promise<Result> {
  const t = Date.now();
  const logFd = fs.openSync(logFile, "w");
  const code = await run(node, [require.resolve("typescript/bin/tsc"), "--noEmit"], { timeoutMs: 300_000, stdio: ["ignore", logFd, logFd] });
  fs.closeSync(logFd);
  const ok = code === 0;
  return { name: "typecheck", passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: elapsed(t) };
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
  testResults: Array<{ status: string; message?: string; name: string; assertionResults: Array<{ status: string }> }>;
}

async function vitest(name: string, project: string, env: Record<string, string>, logFile?: string): Promise<Result> {
  const t = Date.now();
  const output = path.join(reportDir, `${name}.json`);
  const logFd = logFile ? fs.openSync(logFile, "w") : null;
  const code = await run(
    node,
    [
      path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs"),
      "run",
      "--project",
      project,
      "--passWithNoTests",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${output}`,
    ],
    {
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true", ...env },
      timeoutMs: 600_000,
      ...(logFd !== null ? { stdio: ["ignore", logFd, logFd] as SpawnOptions["stdio"] } : {}),
    },
  );
  if (logFd !== null) fs.closeSync(logFd);
  const result: Result = { name, passed: 0, failed: 0, skipped: 0, seconds: 0 };
  let report: VitestJson | null = null;
  try {
    report = JSON.parse(fs.readFileSync(output, "utf8")) as VitestJson;
  } catch {
    report = null;
  }
  if (report) {
    result.passed = report.numPassedTests;
    result.failed = report.numFailedTests;
    result.skipped = report.numPendingTests + report.numTodoTests;
    // A file that failed to load has no failed test of its own: count it once.
    const brokenFiles = report.testResults.filter(
      (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
    ).length;
    result.failed += brokenFiles;
    if (report.numTotalTests === 0) result.note = "no test files";
  }
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.crashed = report ? `vitest exited ${code} with no failed test (setup or unhandled error)` : `exit ${code}, no report`;
  }
  result.seconds = elapsed(t);
  return result;
}

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: Array<{ message?: string }>;
}

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
  const result: Result = { name: "e2e", passed: 0, failed: 0, skipped: 0, seconds: 0 };
  if (!fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
    result.failed = 1;
    result.crashed = "Chromium not found at /usr/bin/chromium (apt-get install -y chromium)";
    result.seconds = elapsed(t);
    return result;
  }
  let app: StartedApp;
  try {
    app = await (started ?? startApp(forceBuild));
  } catch (error) {
    result.failed = 1;
    result.crashed = (error as Error).message;
    result.seconds = elapsed(t);
    return result;
  }
  const startSeconds = elapsed(t);
  const output = path.join(reportDir, "e2e.json");
  let code: number;
  try {
    // E2E_ARGS="tests/e2e/support.spec.ts --project desktop": extra Playwright arguments, to run a subset while working.
    const extra = (process.env.E2E_ARGS ?? "").split(" ").filter(Boolean);
    // ── issue 14: the "proxy" journeys go through nginx (HTTPS, maintien.test) in front of the same app.
    const proxy = await startE2eProxy(app.url);
    try {
      code = await run(node, [require.resolve("@playwright/test/cli"), "test", "--pass-with-no-tests", ...extra], {
        env: { ...process.env, E2E_BASE_URL: app.url, PLAYWRIGHT_JSON_OUTPUT_FILE: output, ...proxy.env },
        timeoutMs: 780_000, // beyond playwright.config.ts's globalTimeout (12 min)
      });
    } finally {
      await proxy.stop();
    }
    // ── end issue 14
  } finally {
    await app.stop();
  }
  let report: PlaywrightJson | null = null;
  try {
    report = JSON.parse(fs.readFileSync(output, "utf8")) as PlaywrightJson;
  } catch {
    report = null;
  }
  if (report) {
    result.passed = report.stats.expected + report.stats.flaky;
    result.failed = report.stats.unexpected;
    result.skipped = report.stats.skipped;
    if (result.passed + result.failed + result.skipped === 0) result.note = "no test files";
  }
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.crashed = report ? `playwright exited ${code} with no failed test (${report.errors?.[0]?.message?.split("\n")[0] ?? "see above"})` : `exit ${code}, no report`;
  }
  const build = app.buildSeconds !== null ? `build ${app.buildSeconds.toFixed(0)} s, ` : "";
  result.note = [result.note, `${build}app ready after ${startSeconds.toFixed(0)} s`].filter(Boolean).join("; ");
  if (result.failed > 0) {
    // The report folder is deleted at the end: show the server's last words now.
    const lines = fs.readFileSync(app.log, "utf8").trimEnd().split("\n");
    console.log(`\n[run-all] last ${Math.min(60, lines.length)} lines of the app's log (${lines.length} in all):`);
    console.log(lines.slice(-60).join("\n"));
  }
  result.seconds = elapsed(t);
  return result;
}

// ───────────────────────────── main

const ORDER = ["generate", "typecheck", "unit", "integration", "integration (postgres)", "e2e"];
const order = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

async function main(): Promise<number> {
  const { only, forceBuild } = parseArgs(process.argv.slice(2));
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-test-reports-"));
  const started = Date.now();
  const results: Result[] = [];

  // A suite that throws is recorded as crashed; the others still run.
  const attempt = async (name: string, fn: () => Promise<Result | null>) => {
    const t = Date.now();
    try {
      const r = await fn();
      if (r) results.push(r);
    } catch (error) {
      console.error(`[run-all] ${name}: ${(error as Error).stack ?? error}`);
      results.push({ name, passed: 0, failed: 1, skipped: 0, seconds: elapsed(t), crashed: (error as Error).message });
    }
  };

  await attempt("generate", generate);
  // tsc beside the unit tests; its errors are printed once it ends.
  const typecheckLog = path.join(reportDir, "typecheck.log");
  const typecheckRun = only.has("typecheck") ? attempt("typecheck", () => typecheck(typecheckLog)) : Promise.resolve();
  if (only.has("unit")) {
    banner("Unit tests (vitest --project unit)");
    await attempt("unit", () => vitest("unit", "unit", {}));
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
  // The two integration runs use separate databases (an embedded one, a
  // throwaway PostgreSQL cluster) and wait on them more than on the CPU: they
  // run side by side, each into its own log, printed whole when it ends.
  const both = only.has("integration") && only.has("postgres");
  const printLog = (file: string) => {
    try {
      process.stdout.write(fs.readFileSync(file, "utf8"));
    } catch {
      /* no log */
    }
  };
  const embeddedRun = async () => {
    if (!only.has("integration")) return;
    const log = both ? path.join(reportDir, "integration.log") : undefined;
    if (!both) banner("Integration tests on the embedded database (TEST_DB=embedded)");
    await attempt("integration", () => vitest("integration", "integration", { TEST_DB: "embedded" }, log));
    if (log) {
      banner("Integration tests on the embedded database (TEST_DB=embedded)");
      printLog(log);
    }
  };
  const postgresRun = async () => {
    if (!only.has("postgres")) return;
    const log = both ? path.join(reportDir, "postgres.log") : undefined;
    if (!both) banner("Integration tests on PostgreSQL (TEST_DB=postgres)");
    await attempt("integration (postgres)", async () => {
      const skipped = postgresTargetUnavailable("postgres");
      if (skipped) console.warn(`\n!! ${skipped}\n`);
      const r = await vitest("postgres", "integration", { TEST_DB: "postgres" }, log);
      r.name = "integration (postgres)";
      if (skipped) {
        // Never counted as passed; at least one skip even with no test file.
        r.skipped = Math.max(r.skipped + r.passed, 1);
        r.passed = 0;
        r.note = POSTGRES_SKIPPED_MESSAGE.replace(/^PostgreSQL tests /, "");
      }
      return r;
    });
    if (log) {
      banner("Integration tests on PostgreSQL (TEST_DB=postgres)");
      printLog(log);
    }
  };
  if (both) console.log("\n[run-all] integration tests on the embedded database and on PostgreSQL, side by side…");
  // The journeys' app (next build, fresh database, demo seed) is prepared
  // meanwhile: the build is mostly CPU, the integration runs mostly wait on
  // their databases. Its log goes to a file; e2e() waits for it.
  let appStart: Promise<StartedApp> | undefined;
  if (only.has("e2e") && (only.has("integration") || only.has("postgres")) && fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
    console.log("[run-all] building and starting the app for the browser journeys meanwhile…");
    appStart = startApp(forceBuild);
    appStart.catch(() => undefined); // reported by e2e()
  }
  await Promise.all([embeddedRun(), postgresRun()]);
  // The summary keeps the suites' order whichever finished first.
  results.sort((a, b) => order(a.name) - order(b.name));
  if (only.has("e2e")) {
    banner("End-to-end tests (Playwright, Debian Chromium)");
    await attempt("e2e", () => e2e(forceBuild, appStart));
  }

  fs.rmSync(reportDir, { recursive: true, force: true });

  const total = results.reduce(
    (acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed, skipped: acc.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log(`\n${"═".repeat(78)}\nSummary (${elapsed(started).toFixed(0)} s)`);
  for (const r of results) {
    const status = r.crashed ? "CRASHED" : r.failed > 0 ? "FAILED" : "ok";
    const extra = [r.crashed, r.note].filter(Boolean).join("; ");
    console.log(
      `  ${r.name.padEnd(24)} ${status.padEnd(8)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed ${String(r.skipped).padStart(4)} skipped  ${r.seconds.toFixed(1).padStart(6)} s${extra ? `  (${extra})` : ""}`,
    );
  }
  if (results.some((r) => r.name === "integration (postgres)" && r.note?.startsWith("SKIPPED"))) {
    console.log(`  !! ${POSTGRES_SKIPPED_MESSAGE}`);
  }
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

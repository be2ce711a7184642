// One Vitest run as a suite of `npm test`: within a time budget, reported as it
// goes (scripts/test/ndjson-reporter.ts), and read back whole or not
// (scripts/test/report.ts). When the budget runs out, the run is stopped and
// the suite still says which tests passed, failed (with their assertion), did
// not finish, or never started.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { runProcess } from "./processes";
import { linesOfProject, parseNdjson, summariseRun, type Problem, type ReportLine } from "./report";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");

export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Passed on a retry (counted in passed, listed in problems). */
  flaky: number;
  seconds: number;
  /** The suite could not run or report properly (counted as at least one failure). */
  crashed?: string;
  note?: string;
  /** Failed and unfinished tests with their message, and flaky passes. */
  problems: Problem[];
}

export interface VitestSuiteOptions {
  name: string;
  /** Arguments after `vitest run` (projects, files, --config…). */
  args: string[];
  env?: Record<string, string | undefined>;
  /** Wall-clock budget of the whole run. */
  budgetMs: number;
  /** Where the run's NDJSON report goes (deleted first). */
  reportFile: string;
  /** The run's output to this file instead of the console. */
  logFile?: string;
  cwd?: string;
  graceMs?: number;
}

export function vitestCli(): string {
  return path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
}

export async function runVitestSuite(options: VitestSuiteOptions): Promise<SuiteResult> {
  const [result] = await runVitestSuites({ ...options, suites: [] });
  return result!;
}

/**
 * One Vitest run reported as several suites, one per project (the full
 * integration run and its clock projects share their databases and workers):
 * each suite counts its project's tests only; when the budget runs out, each
 * says what of its own did not finish. No `suites`: the whole run, one suite.
 */
export async function runVitestSuites(
  options: VitestSuiteOptions & { suites: Array<{ name: string; project: string | readonly string[]; note?: string }> },
): Promise<SuiteResult[]> {
  const started = Date.now();
  fs.rmSync(options.reportFile, { force: true });
  const logFd = options.logFile ? fs.openSync(options.logFile, "w") : null;
  const { code, timedOut } = await runProcess(
    process.execPath,
    [
      vitestCli(),
      "run",
      ...options.args,
      "--passWithNoTests",
      "--reporter=default",
      `--reporter=${path.join(ROOT, "scripts/test/ndjson-reporter.ts")}`,
    ],
    {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true", ...options.env, TEST_REPORT_NDJSON: options.reportFile },
      timeoutMs: options.budgetMs,
      graceMs: options.graceMs ?? 10_000,
      label: `${options.name} suite`,
      ...(logFd !== null ? { stdio: ["ignore", logFd, logFd] as const } : {}),
    },
  );
  if (logFd !== null) fs.closeSync(logFd);

  let text = "";
  try {
    text = fs.readFileSync(options.reportFile, "utf8");
  } catch {
    text = "";
  }
  const lines = parseNdjson(text);
  const seconds = (Date.now() - started) / 1000;
  if (options.suites.length === 0) return [suiteResult(options.name, lines, text, { code, timedOut, budgetMs: options.budgetMs, seconds })];
  // Vitest's exit code is the run's: it belongs to one suite only when no
  // suite has a failure of its own to show for it.
  const whole = summariseRun(lines);
  return options.suites.map((suite, i) => {
    const own = linesOfProject(lines, suite.project, i === 0);
    const ownReport = summariseRun(own);
    // Over the budget, a project whose files had all ended is not to blame.
    const cut = timedOut && !(ownReport.files > 0 && ownReport.filesEnded === ownReport.files);
    const r = suiteResult(suite.name, own, text, { code: i === 0 && whole.failed === 0 && !timedOut ? code : 0, timedOut: cut, budgetMs: options.budgetMs, seconds });
    if (suite.note) r.note = [r.note, suite.note].filter(Boolean).join("; ");
    return r;
  });
}

function suiteResult(
  name: string,
  lines: ReportLine[],
  text: string,
  run: { code: number | null; timedOut: boolean; budgetMs: number; seconds: number },
): SuiteResult {
  const { code, timedOut } = run;
  const budget = `the suite's ${Math.round(run.budgetMs / 1000)} s budget ran out`;
  const report = summariseRun(lines, timedOut ? budget : `vitest stopped (exit ${code})`);
  const result: SuiteResult = {
    name,
    passed: report.passed,
    failed: report.failed,
    skipped: report.skipped,
    flaky: report.flaky,
    seconds: 0,
    problems: report.problems,
  };
  if (report.files === 0 && !text) result.note = "no report";
  else if (report.files === 0) result.note = "no test files";
  if (timedOut) {
    result.crashed = `${budget} (${report.filesEnded}/${report.files} files ended)`;
    if (result.failed === 0) {
      result.failed = 1;
      result.problems.push({ kind: "error", where: "", message: result.crashed });
    }
  } else if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.crashed = text ? `vitest exited ${code} with no failed test (setup or unhandled error: see its log)` : `vitest exited ${code}, no report`;
    result.problems.push({ kind: "error", where: "", message: result.crashed });
  }
  result.seconds = run.seconds;
  return result;
}

// Reads back what scripts/test/ndjson-reporter.ts wrote while a Vitest run
// went, complete or not, and turns it into counts and a list of problems
// (failed tests with their assertion, tests that did not finish, files that
// could not load or never ran). Pure: no process, no clock.

export type ReportLine =
  | {
      type: "run-start";
      at: number;
      files: Array<{ project: string; file: string }>;
      /** Every test to run, when the runner knows them up front (Playwright). */
      tests?: Array<{ project: string; file: string; name: string }>;
    }
  | { type: "file-start"; project: string; file: string }
  | { type: "test-start"; project: string; file: string; name: string }
  | {
      type: "test";
      project: string;
      file: string;
      name: string;
      state: "passed" | "failed" | "skipped";
      errors?: string[];
      ms?: number;
      flaky?: boolean;
    }
  | { type: "suite-end"; project: string; file: string; name: string; errors: string[] }
  | { type: "file-end"; project: string; file: string; state: string; ms: number; errors?: string[] }
  | { type: "run-end"; reason: string; errors?: string[] };

export type ProblemKind = "failed" | "did not finish" | "file failed" | "did not run" | "error" | "flaky";

export interface Problem {
  kind: ProblemKind;
  /** "file > describe > test", or the file, or "" for an error of the whole run. */
  where: string;
  /** The assertion or error, first lines. */
  message: string;
  /** The project (unit, integration…) when the run had several. */
  project?: string;
}

export interface SuiteReport {
  passed: number;
  failed: number;
  skipped: number;
  /** Retried passes, also counted in `passed`, and listed in `problems`. */
  flaky: number;
  /** Every failure (counted in `failed`) and every flaky pass, in the order they happened. */
  problems: Problem[];
  /** The run reported its own end (not stopped half-way). */
  complete: boolean;
  /** Test files in the run / that ended. */
  files: number;
  filesEnded: number;
}

export function parseNdjson(text: string): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const raw of text.split("\n")) {
    if (!raw.trim()) continue;
    try {
      lines.push(JSON.parse(raw) as ReportLine);
    } catch {
      // The last line of a killed run may be cut short: what came before still counts.
    }
  }
  return lines;
}

/**
 * Counts and problems from a run's lines. `stopped` says why a run that did
 * not report its end stopped ("its budget of 300 s ran out"), for the messages.
 */
export function summariseRun(lines: ReportLine[], stopped = "the run stopped"): SuiteReport {
  const report: SuiteReport = { passed: 0, failed: 0, skipped: 0, flaky: 0, problems: [], complete: false, files: 0, filesEnded: 0 };
  const key = (project: string, file: string, name = "") => `${project}\u0000${file}\u0000${name}`;
  const where = (file: string, name?: string) => (name ? `${file} > ${name}` : file);
  const allFiles = new Map<string, { project: string; file: string }>();
  const startedFiles = new Set<string>();
  const endedFiles = new Set<string>();
  const running = new Map<string, { project: string; file: string; name: string }>();
  const filesWithFailedTests = new Set<string>();
  const projects = new Set<string>();
  const queued = new Map<string, { project: string; file: string; name: string }>();
  const ended = new Set<string>();
  let endReason = "";

  for (const line of lines) {
    switch (line.type) {
      case "run-start":
        for (const f of line.files) {
          allFiles.set(key(f.project, f.file), f);
          projects.add(f.project);
        }
        for (const t of line.tests ?? []) {
          queued.set(key(t.project, t.file, t.name), t);
          projects.add(t.project);
        }
        break;
      case "file-start":
        startedFiles.add(key(line.project, line.file));
        break;
      case "test-start": {
        // With several workers, Vitest may hand a test's start to the reporter
        // after its result: a test already ended is never "still running".
        const k = key(line.project, line.file, line.name);
        if (!ended.has(k)) running.set(k, line);
        break;
      }
      case "test": {
        running.delete(key(line.project, line.file, line.name));
        ended.add(key(line.project, line.file, line.name));
        if (line.state === "passed") {
          report.passed++;
          if (line.flaky) {
            report.flaky++;
            report.problems.push({ kind: "flaky", where: where(line.file, line.name), message: "passed on a retry", project: line.project });
          }
        } else if (line.state === "skipped") report.skipped++;
        else {
          report.failed++;
          filesWithFailedTests.add(key(line.project, line.file));
          report.problems.push({ kind: "failed", where: where(line.file, line.name), message: (line.errors ?? []).join("\n") || "failed", project: line.project });
        }
        break;
      }
      case "suite-end":
        if (line.errors.length) {
          report.failed++;
          filesWithFailedTests.add(key(line.project, line.file));
          report.problems.push({ kind: "file failed", where: where(line.file, line.name), message: line.errors.join("\n"), project: line.project });
        }
        break;
      case "file-end": {
        const k = key(line.project, line.file);
        endedFiles.add(k);
        // A file that could not load, or whose beforeAll/afterAll failed, without a failed test of its own.
        if (line.errors?.length) {
          report.failed++;
          report.problems.push({ kind: "file failed", where: line.file, message: line.errors.join("\n"), project: line.project });
        } else if (line.state === "failed" && !filesWithFailedTests.has(k)) {
          report.failed++;
          report.problems.push({ kind: "file failed", where: line.file, message: "failed outside its tests (see the log)", project: line.project });
        }
        break;
      }
      case "run-end":
        report.complete = true;
        endReason = line.reason;
        for (const message of line.errors ?? []) {
          report.failed++;
          report.problems.push({ kind: "error", where: "", message: `unhandled error: ${message}` });
        }
        break;
    }
  }

  // What was still running when the run stopped, then what never started.
  for (const t of running.values()) {
    report.failed++;
    report.problems.push({ kind: "did not finish", where: where(t.file, t.name), message: `did not finish: ${stopped}`, project: t.project });
  }
  if (queued.size) {
    // Test by test (Playwright): those that never started, when the run was cut short.
    const cut = !report.complete || !["passed", "failed"].includes(endReason);
    for (const [k, t] of queued) {
      if (ended.has(k) || running.has(k) || !cut) continue;
      report.failed++;
      report.problems.push({ kind: "did not run", where: where(t.file, t.name), message: `never started: ${stopped}`, project: t.project });
    }
  } else {
    const filesRunning = new Set([...running.values()].map((t) => key(t.project, t.file)));
    for (const [k, f] of allFiles) {
      if (endedFiles.has(k) || filesRunning.has(k)) continue; // ended, or counted by its unfinished test
      if (report.complete && !startedFiles.has(k)) continue; // the run itself left it out
      report.failed++;
      const started = startedFiles.has(k);
      report.problems.push({
        kind: started ? "did not finish" : "did not run",
        where: f.file,
        message: started ? `the file did not finish (loading, or a beforeAll/afterAll): ${stopped}` : `the file never started: ${stopped}`,
        project: f.project,
      });
    }
  }
  report.files = allFiles.size;
  report.filesEnded = endedFiles.size;
  if (projects.size <= 1) for (const p of report.problems) delete p.project;
  return report;
}

/**
 * The lines of one project of a run that had several (the integration run and
 * its clock projects): its files and tests, and the run's start and end. The
 * run's own errors (unhandled, at run-end) go to the project given
 * `keepRunErrors`, so that they are counted once.
 */
export function linesOfProject(lines: ReportLine[], projects: string | readonly string[], keepRunErrors: boolean): ReportLine[] {
  const own = new Set(typeof projects === "string" ? [projects] : projects);
  const out: ReportLine[] = [];
  for (const line of lines) {
    if (line.type === "run-start") {
      out.push({
        ...line,
        files: line.files.filter((f) => own.has(f.project)),
        ...(line.tests ? { tests: line.tests.filter((t) => own.has(t.project)) } : {}),
      });
    } else if (line.type === "run-end") {
      out.push(keepRunErrors ? line : { type: "run-end", reason: line.reason });
    } else if (own.has(line.project)) {
      out.push(line);
    }
  }
  return out;
}

/** The problems as the summary prints them: one block each, the message indented. */
export function formatProblems(suite: string, problems: Problem[], limit = 40): string[] {
  const out: string[] = [];
  for (const p of problems.slice(0, limit)) {
    const mark = p.kind === "flaky" ? "~" : "✗";
    const label = p.kind === "failed" ? "" : ` (${p.kind})`;
    const project = p.project ? `[${p.project}] ` : "";
    out.push(`  ${mark} ${suite}: ${project}${p.where || "the run"}${label}`);
    for (const line of p.message.split("\n").slice(0, 8)) out.push(`      ${line}`);
  }
  if (problems.length > limit) out.push(`  … and ${problems.length - limit} more in ${suite} (see its log above)`);
  return out;
}

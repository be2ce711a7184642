// The Playwright side of scripts/test/ndjson-reporter.ts: the same lines, in
// the same file format (TEST_REPORT_NDJSON), appended as the journeys go, so
// that a run stopped half-way still says which journeys failed (with their
// assertion), which did not finish and which never started. A journey that
// passed on its retry is written `flaky`: counted as passed, and listed.
import fs from "node:fs";
import path from "node:path";

import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from "@playwright/test/reporter";

import type { ReportLine } from "./report";

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

function errorText(error: TestError): string {
  const at = error.location ? `\n    at ${path.relative(process.cwd(), error.location.file)}:${error.location.line}` : "";
  const lines = (plain(error.message ?? error.value ?? "error").trim() + at).split("\n");
  return lines.length > 12 ? [...lines.slice(0, 12), `… (${lines.length - 12} more lines)`].join("\n") : lines.join("\n");
}

export default class PlaywrightNdjsonReporter implements Reporter {
  private readonly file = process.env.TEST_REPORT_NDJSON ?? "";
  private readonly root = process.cwd();
  private readonly runErrors: string[] = [];

  private write(line: ReportLine): void {
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  private id(test: TestCase): { project: string; file: string; name: string } {
    return {
      project: test.parent.project()?.name ?? "",
      file: path.relative(this.root, test.location.file),
      name: test.titlePath().slice(3).join(" > "),
    };
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    const tests = suite.allTests().map((t) => this.id(t));
    const files = [...new Map(tests.map((t) => [`${t.project}\u0000${t.file}`, { project: t.project, file: t.file }])).values()];
    this.write({ type: "run-start", at: Date.now(), files, tests });
  }

  onTestBegin(test: TestCase): void {
    this.write({ type: "test-start", ...this.id(test) });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // Interrupted (the run's time ran out): left "started", so it is listed as not finished.
    if (result.status === "interrupted") return;
    const passed = result.status === "passed" || (result.status !== "skipped" && test.expectedStatus === result.status);
    // A failed attempt that will be retried: the retry's own result decides.
    if (!passed && result.status !== "skipped" && result.retry < test.retries) return;
    this.write({
      type: "test",
      ...this.id(test),
      state: result.status === "skipped" ? "skipped" : passed ? "passed" : "failed",
      ms: result.duration,
      ...(passed && result.retry > 0 ? { flaky: true } : {}),
      ...(!passed && result.status !== "skipped"
        ? { errors: result.errors.length ? result.errors.map(errorText) : [`${result.status} after ${Math.round(result.duration / 1000)} s`] }
        : {}),
    });
  }

  onError(error: TestError): void {
    this.runErrors.push(errorText(error));
  }

  onEnd(result: FullResult): void {
    this.write({ type: "run-end", reason: result.status, ...(this.runErrors.length ? { errors: this.runErrors } : {}) });
  }
}

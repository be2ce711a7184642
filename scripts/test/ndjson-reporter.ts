// A Vitest reporter that appends one JSON line per event to the file named by
// TEST_REPORT_NDJSON, synchronously, as the run goes: which files will run,
// each test as it starts and as it ends (with its assertion message), each
// file's own errors (a failed import or beforeAll), and the end of the run.
// A run stopped half-way (its time budget ran out, a crash, a kill) still
// leaves every result it had; scripts/test/report.ts reads it back, and lists
// the tests that started but never ended as "did not finish".
//
//   TEST_REPORT_NDJSON=/tmp/unit.ndjson npx vitest run --reporter=default --reporter=./scripts/test/ndjson-reporter.ts
import fs from "node:fs";
import path from "node:path";

import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason, TestSpecification, TestSuite } from "vitest/node";

import type { ReportLine } from "./report";

/** The first lines of an error: the assertion and its expected/received, not the whole stack. */
export function errorText(error: Pick<SerializedError, "message" | "name"> & { diff?: string }): string {
  const name = error.name && error.name !== "Error" && !error.message?.startsWith(error.name) ? `${error.name}: ` : "";
  const message = `${name}${error.message ?? String(error)}`.trim();
  const diff = error.diff ? `\n${error.diff}` : "";
  // eslint-disable-next-line no-control-regex
  const plain = `${message}${diff}`.replace(/\u001b\[[0-9;]*m/g, "");
  const lines = plain.split("\n");
  return lines.length > 12 ? [...lines.slice(0, 12), `… (${lines.length - 12} more lines)`].join("\n") : plain;
}

export default class NdjsonReporter implements Reporter {
  private readonly file = process.env.TEST_REPORT_NDJSON ?? "";
  private root = process.cwd();

  private write(line: ReportLine): void {
    if (!this.file) return;
    fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  private rel(moduleId: string): string {
    return path.relative(this.root, moduleId) || moduleId;
  }

  onInit(vitest: { config: { root: string } }): void {
    this.root = vitest.config.root;
    if (this.file) fs.mkdirSync(path.dirname(this.file), { recursive: true });
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    this.write({
      type: "run-start",
      at: Date.now(),
      files: specifications.map((s) => ({ project: s.project.name, file: this.rel(s.moduleId) })),
    });
  }

  onTestModuleStart(module: TestModule): void {
    this.write({ type: "file-start", project: module.project.name, file: this.rel(module.moduleId) });
  }

  onTestCaseReady(test: TestCase): void {
    this.write({ type: "test-start", project: test.project.name, file: this.rel(test.module.moduleId), name: test.fullName });
  }

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    const diagnostic = test.diagnostic();
    this.write({
      type: "test",
      project: test.project.name,
      file: this.rel(test.module.moduleId),
      name: test.fullName,
      state: result.state === "pending" ? "skipped" : result.state,
      ...(result.state === "failed" ? { errors: result.errors.map(errorText) } : {}),
      ...(diagnostic ? { ms: Math.round(diagnostic.duration) } : {}),
      ...(diagnostic?.flaky ? { flaky: true } : {}),
    });
  }

  onTestSuiteResult(suite: TestSuite): void {
    // A describe block's beforeAll/afterAll that failed.
    const errors = suite.errors();
    if (errors.length) {
      this.write({ type: "suite-end", project: suite.project.name, file: this.rel(suite.module.moduleId), name: suite.fullName, errors: errors.map(errorText) });
    }
  }

  onTestModuleEnd(module: TestModule): void {
    const errors = module.errors();
    this.write({
      type: "file-end",
      project: module.project.name,
      file: this.rel(module.moduleId),
      state: module.state(),
      ms: Math.round(module.diagnostic().duration),
      ...(errors.length ? { errors: errors.map(errorText) } : {}),
    });
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    this.write({ type: "run-end", reason, ...(unhandledErrors.length ? { errors: unhandledErrors.map(errorText) } : {}) });
  }
}

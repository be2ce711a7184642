// How a run's NDJSON lines become counts and named problems, complete or not.
import { describe, expect, it } from "vitest";

import { formatProblems, linesOfProject, parseNdjson, summariseRun, type ReportLine } from "./report";

const journeys = [
  { project: "desktop", file: "tests/e2e/a.spec.ts", name: "passes" },
  { project: "desktop", file: "tests/e2e/a.spec.ts", name: "passes on its retry" },
  { project: "phone", file: "tests/e2e/b.spec.ts", name: "fails" },
  { project: "phone", file: "tests/e2e/b.spec.ts", name: "is cut short" },
  { project: "phone", file: "tests/e2e/c.spec.ts", name: "never starts" },
];

function playwrightRun(end: ReportLine | null): ReportLine[] {
  const [a, b, c, d] = journeys as [typeof journeys[0], typeof journeys[0], typeof journeys[0], typeof journeys[0]];
  const lines: ReportLine[] = [
    { type: "run-start", at: 0, files: [], tests: journeys },
    { type: "test-start", ...a },
    { type: "test", ...a, state: "passed" },
    { type: "test-start", ...b },
    { type: "test-start", ...b }, // the retry
    { type: "test", ...b, state: "passed", flaky: true },
    { type: "test-start", ...c },
    { type: "test", ...c, state: "failed", errors: ["expect(locator).toHaveText(expected) failed\nExpected: \"Contact enregistré\""] },
    { type: "test-start", ...d },
  ];
  return end ? [...lines, end] : lines;
}

describe("summariseRun", () => {
  it("counts a retried pass as passed and lists it as flaky, never hidden", () => {
    const r = summariseRun(playwrightRun({ type: "run-end", reason: "timedout" }), "Playwright's global timeout ran out");
    expect(r).toMatchObject({ passed: 2, flaky: 1, failed: 3, complete: true });
    expect(r.problems.map((p) => [p.kind, p.where])).toEqual([
      ["flaky", "tests/e2e/a.spec.ts > passes on its retry"],
      ["failed", "tests/e2e/b.spec.ts > fails"],
      ["did not finish", "tests/e2e/b.spec.ts > is cut short"],
      ["did not run", "tests/e2e/c.spec.ts > never starts"],
    ]);
    const printed = formatProblems("e2e", r.problems).join("\n");
    expect(printed).toContain("~ e2e: [desktop] tests/e2e/a.spec.ts > passes on its retry (flaky)");
    expect(printed).toContain("✗ e2e: [phone] tests/e2e/b.spec.ts > fails\n      expect(locator).toHaveText(expected) failed");
  });

  it("does not call a test unfinished when its start reached the reporter after its result (two workers)", () => {
    const t = { project: "integration", file: "tests/integration/retention.test.ts", name: "retention > keeps the audit trail" };
    const report = summariseRun(
      [
        { type: "run-start", at: 0, files: [{ project: t.project, file: t.file }] },
        { type: "file-start", project: t.project, file: t.file },
        { type: "test", ...t, state: "passed" },
        { type: "test-start", ...t },
        { type: "file-end", project: t.project, file: t.file, state: "passed", ms: 1 },
        { type: "run-end", reason: "passed" },
      ] as ReportLine[],
      "vitest stopped (exit 0)",
    );
    expect(report.passed).toBe(1);
    expect(report.failed).toBe(0);
    expect(report.problems).toEqual([]);
  });

  it("reads a report cut in the middle of a line (a killed run) up to what was written", () => {
    const text = playwrightRun(null).map((l) => JSON.stringify(l)).join("\n") + '\n{"type":"test","proj';
    const r = summariseRun(parseNdjson(text), "the suite's 780 s budget ran out");
    expect(r.complete).toBe(false);
    expect(r.problems.find((p) => p.where.endsWith("is cut short"))?.message).toBe("did not finish: the suite's 780 s budget ran out");
    expect(r.problems.find((p) => p.where.endsWith("never starts"))?.kind).toBe("did not run");
  });

  it("counts a file that could not load once, and nothing more for a complete passing run", () => {
    const lines: ReportLine[] = [
      { type: "run-start", at: 0, files: [{ project: "unit", file: "lib/a.test.ts" }, { project: "unit", file: "lib/b.test.ts" }] },
      { type: "file-start", project: "unit", file: "lib/a.test.ts" },
      { type: "file-end", project: "unit", file: "lib/a.test.ts", state: "failed", ms: 3, errors: ["SyntaxError: Unexpected token"] },
      { type: "file-start", project: "unit", file: "lib/b.test.ts" },
      { type: "test-start", project: "unit", file: "lib/b.test.ts", name: "works" },
      { type: "test", project: "unit", file: "lib/b.test.ts", name: "works", state: "passed" },
      { type: "file-end", project: "unit", file: "lib/b.test.ts", state: "passed", ms: 3 },
      { type: "run-end", reason: "failed" },
    ];
    expect(summariseRun(lines)).toMatchObject({ passed: 1, failed: 1, problems: [{ kind: "file failed", where: "lib/a.test.ts", message: "SyntaxError: Unexpected token" }] });
  });

  it("splits one run into its projects (the integration run and its clock points), each naming its own failure, the run's errors once", () => {
    const main = { project: "integration", file: "tests/integration/a.test.ts" };
    const clock = { project: "integration@2026-12-31T00:05", file: "tests/integration/a.test.ts" };
    const lines: ReportLine[] = [
      { type: "run-start", at: 0, files: [main, clock, { project: "integration", file: "tests/integration/b.test.ts" }] },
      { type: "file-start", ...main },
      { type: "file-start", ...clock },
      { type: "test-start", ...main, name: "records a visit" },
      { type: "test-start", ...clock, name: "records a visit" },
      { type: "test", ...main, name: "records a visit", state: "passed" },
      { type: "test", ...clock, name: "records a visit", state: "failed", errors: ["expected '2027-01-01' to be '2026-12-31'"] },
      { type: "file-end", ...main, state: "passed", ms: 5 },
      { type: "file-end", ...clock, state: "failed", ms: 5 },
      { type: "file-start", project: "integration", file: "tests/integration/b.test.ts" },
      { type: "test-start", project: "integration", file: "tests/integration/b.test.ts", name: "hangs" },
    ];
    const full = summariseRun(linesOfProject(lines, "integration", true), "the suite's 960 s budget ran out");
    expect(full).toMatchObject({ passed: 1, failed: 1, files: 2, filesEnded: 1 });
    expect(full.problems).toEqual([{ kind: "did not finish", where: "tests/integration/b.test.ts > hangs", message: "did not finish: the suite's 960 s budget ran out" }]);
    const atClock = summariseRun(linesOfProject(lines, clock.project, false));
    expect(atClock).toMatchObject({ passed: 0, failed: 1, files: 1, filesEnded: 1 });
    expect(atClock.problems[0]).toMatchObject({ kind: "failed", where: "tests/integration/a.test.ts > records a visit", message: "expected '2027-01-01' to be '2026-12-31'" });

    const ended = [...lines, { type: "run-end", reason: "failed", errors: ["EPIPE"] } as ReportLine];
    expect(summariseRun(linesOfProject(ended, "integration", true)).problems.some((p) => p.message === "unhandled error: EPIPE")).toBe(true);
    expect(summariseRun(linesOfProject(ended, clock.project, false)).problems.some((p) => p.kind === "error")).toBe(false);
  });
});

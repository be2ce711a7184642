// The runner's own test: a suite that runs out of its time budget still names
// every test that failed, with its assertion, and every test that did not
// finish. Vitest runs scripts/test/fixtures/budget/ (one assertion that fails
// on purpose, a beforeAll that throws, a test that never ends, a file that
// never gets its turn) under a budget shorter than the hanging test (15 s, longer on a loaded machine).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { formatProblems } from "./report";
import { runVitestSuite } from "./vitest-suite";

const fixture = path.join(import.meta.dirname, "fixtures/budget");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-runner-test-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a Vitest suite over its time budget", () => {
  it("is stopped, and its summary names the failed assertion, the failed setup, the unfinished test and the file that never ran", { timeout: 240_000 }, async () => {
    // The budget must leave Vitest time to start and reach the hanging test: on
    // a loaded machine that takes longer, so a run that did not get there is
    // tried again with a longer budget (the hanging test outlives them all).
    let result: Awaited<ReturnType<typeof runVitestSuite>> | null = null;
    let budgetMs = 0;
    for (budgetMs of [15_000, 45_000, 120_000]) {
      result = await runVitestSuite({
        name: "fixture",
        args: ["--config", path.join(fixture, "vitest.config.ts")],
        budgetMs,
        graceMs: 5_000,
        reportFile: path.join(dir, "fixture.ndjson"),
        logFile: path.join(dir, "fixture.log"),
        cwd: fixture,
        env: { TEST_CLOCK: "" },
      });
      if (result.problems.some((p) => p.where === "d-hangs.fixture.ts > waits for ever")) break;
    }
    if (!result) throw new Error("no run");

    expect(result.crashed).toMatch(new RegExp(`${budgetMs / 1000} s budget ran out`));
    const byWhere = Object.fromEntries(result.problems.map((p) => [p.where, p]));
    expect(byWhere["b-fails.fixture.ts > a fixture that fails on purpose > compares a total"]).toMatchObject({
      kind: "failed",
      message: expect.stringContaining("the total of the fixture: expected { total: 41 } to deeply equal { total: 42 }"),
    });
    expect(byWhere["c-setup-fails.fixture.ts > a describe whose beforeAll throws"]).toMatchObject({
      kind: "file failed",
      message: expect.stringContaining("the fixture's database is not there"),
    });
    expect(byWhere["d-hangs.fixture.ts > waits for ever"]).toMatchObject({ kind: "did not finish", message: expect.stringContaining("budget ran out") });
    expect(byWhere["e-never-starts.fixture.ts"]).toMatchObject({ kind: "did not run" });
    // a-passes (1), b's second test, d's first test.
    expect(result.passed).toBe(3);
    expect(result.skipped).toBe(1);
    expect(result.failed).toBe(4);

    const printed = formatProblems("fixture", result.problems).join("\n");
    expect(printed).toContain("✗ fixture: b-fails.fixture.ts > a fixture that fails on purpose > compares a total");
    expect(printed).toContain("✗ fixture: d-hangs.fixture.ts > waits for ever (did not finish)");
  });
});

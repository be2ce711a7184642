// Pin the time zone before anything reads the clock: domain rules count days in
// Europe/Paris (procedure deadlines, support weeks). Workers inherit it.
process.env.TZ = "Europe/Paris";

import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { CLOCK_INTEGRATION_FILES, clockMatrixFromEnv } from "./tests/support/clock-matrix";
import { integrationWorkers, postgresTargetUnavailable } from "./tests/integration/support/test-db-target";

const root = import.meta.dirname;

// TEST_DB=postgres with neither TEST_DATABASE_URL nor the PostgreSQL binaries:
// the integration tests are reported as skipped (never as passed), and said so
// loudly. Vitest has no per-project "skip everything", so the name filter does
// it; `npm run test:integration` runs that project alone.
const skipReason = postgresTargetUnavailable();
if (skipReason) {
  const line = "!".repeat(78);
  console.warn(`\n${line}\n!! ${skipReason}\n${line}\n`);
}

// The unit tests are pure (no database, no module mocks): one module graph per
// worker instead of one per file, five times faster (docs/decisions/003).
const unit = {
  extends: true,
  test: {
    name: "unit",
    // lib: the pure code; scripts/test and tests/support: the test runner and clock themselves.
    include: ["lib/**/*.test.ts", "scripts/test/**/*.test.ts", "tests/support/**/*.test.ts"],
    environment: "node",
    env: { TZ: "Europe/Paris" },
    isolate: false,
    // TEST_CLOCK=2027-03-28T23:55 starts the clock there (tests/support/test-clock.ts).
    setupFiles: ["tests/support/test-clock.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
} satisfies TestProjectInlineConfiguration;

// Integration files that replace modules (`vi.mock`) or change the process's
// environment for the app's code: they need a module graph of their own. The
// others share one per worker (`isolate: false`): each file used to transform
// and import the app, Next and the Prisma client again, a third of the run's
// CPU (docs/decisions/046-a-faster-test-run.md). A file added to this list
// runs in the `integration-isolated` project, reported with `integration`.
const ISOLATED_INTEGRATION_FILES = [
  "tests/integration/attachments.test.ts",
  "tests/integration/export-formulas.test.ts",
  "tests/integration/first-week.test.ts",
  "tests/integration/hostile-input.test.ts",
  "tests/integration/import-access-log.test.ts",
  "tests/integration/permission-walk.test.ts",
];

const integration = {
  extends: true,
  test: {
    name: "integration",
    include: ["tests/integration/**/*.test.ts"],
    exclude: ISOLATED_INTEGRATION_FILES,
    isolate: false,
    environment: "node",
    env: { TZ: "Europe/Paris", NODE_ENV: "test" },
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/support/test-clock.ts", "tests/integration/support/setup-database-env.ts"],
    // One database per worker (a copy of the run's migrated template), emptied
    // before each file: files run side by side, one per worker
    // (docs/decisions/046-a-faster-test-run.md).
    maxWorkers: integrationWorkers(),
    // After the unit tests when one `vitest run` has both: Vitest refuses
    // projects with different maxWorkers in the same group.
    sequence: { groupOrder: 1 },
    // Two files at once on a loaded 2-core machine: a test or hook that is
    // merely slow must not fail (60 s failed at load 26); a hanging one still
    // fails within two minutes, and the suite's budget reports it by name.
    hookTimeout: 180_000,
    testTimeout: 120_000,
  },
} satisfies TestProjectInlineConfiguration;

const integrationIsolated = {
  ...integration,
  test: { ...integration.test, name: "integration-isolated", include: ISOLATED_INTEGRATION_FILES, exclude: [], isolate: true },
} satisfies TestProjectInlineConfiguration;

// TEST_INTEGRATION_CLOCKS=2026-10-25T23:55,…: the clock check's integration
// part, one project per clock, `integration@2026-10-25T23:55`, running the
// date-heavy files in the same Vitest run (same databases, same workers) as
// the full integration project.
const integrationUnderClocks = clockMatrixFromEnv(process.env.TEST_INTEGRATION_CLOCKS).map((clock) => ({
  ...integration,
  test: {
    ...integration.test,
    name: `integration@${clock}`,
    include: CLOCK_INTEGRATION_FILES,
    env: { ...integration.test.env, TEST_CLOCK: clock },
  },
}));

// TEST_CLOCK_MATRIX=all (or a comma-separated list of clocks): the clock check
// of the unit tests, one project per clock, `unit@2027-03-28T00:05`…
const clockMatrix = clockMatrixFromEnv();
const unitUnderClocks = clockMatrix.map((clock) => ({
  ...unit,
  test: { ...unit.test, name: `unit@${clock}`, include: ["lib/**/*.test.ts", "tests/support/**/*.test.ts"], provide: { testClock: clock } },
}));

export default defineConfig({
  resolve: {
    alias: [
      // `server-only` throws outside React Server Components; lib/server files
      // import it as a marker. Tests run them from Node.
      { find: /^server-only$/, replacement: path.join(root, "tests/support/server-only-stub.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    ...(skipReason ? { testNamePattern: /^\u0000never-run\u0000$/ } : {}),
    // A test file's own teardown (closing a pool) must not hold the run.
    teardownTimeout: 30_000,
    projects: clockMatrix.length ? unitUnderClocks : [unit, integration, integrationIsolated, ...integrationUnderClocks],
  },
});

// Pin the time zone before anything reads the clock: domain rules count days in
// Europe/Paris (procedure deadlines, support weeks). Workers inherit it.
process.env.TZ = "Europe/Paris";

import path from "node:path";
import { defineConfig } from "vitest/config";
import { postgresTargetUnavailable } from "./tests/integration/support/test-db-target";

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
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts"],
          environment: "node",
          env: { TZ: "Europe/Paris" },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          env: { TZ: "Europe/Paris", NODE_ENV: "test" },
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/support/setup-database-env.ts"],
          // One database for the run, emptied before each file: files run one
          // after the other.
          fileParallelism: false,
          // Starting PGlite or a PostgreSQL cluster and applying migrations.
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
});

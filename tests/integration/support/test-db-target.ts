// Which database the integration tests run against, chosen by TEST_DB:
//   embedded (default)  an in-memory PGlite served on a unix socket, as `npm start` does;
//   postgres            TEST_DATABASE_URL when set, else a throwaway PostgreSQL cluster.
// Read by vitest.config.ts (main process) and global-setup.ts.
import { findPostgresBinaries } from "../../../scripts/db/pg-cluster";

export type TestDbKind = "embedded" | "postgres";

/** What global-setup.ts hands to the test workers (`inject("testDatabase")`). */
export interface TestDatabase {
  kind: TestDbKind;
  /** The first worker's database; empty when the run is skipped (see `skipped`). */
  url: string;
  /**
   * One database per test worker (VITEST_POOL_ID 1…n), each a copy of the
   * run's migrated template: files run side by side, each worker on its own.
   */
  urls: string[];
  poolMax: number;
  /** Why the tests are skipped, or null. */
  skipped: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabase;
  }
}

// Long enough (≥ 32 characters) for lib/server/env.ts; never used outside tests.
export const TEST_AUTH_SECRET = "integration-tests-only-secret-0123456789abcdef";

export const POSTGRES_SKIPPED_MESSAGE =
  "PostgreSQL tests SKIPPED: postgres binaries not found (apt-get install postgresql)";

export function testDbKind(): TestDbKind {
  const value = (process.env.TEST_DB ?? "embedded").trim().toLowerCase();
  if (value === "embedded" || value === "") return "embedded";
  if (value === "postgres" || value === "postgresql") return "postgres";
  throw new Error(`TEST_DB must be "embedded" or "postgres" (got "${process.env.TEST_DB}").`);
}

/**
 * Integration files running at once, each worker on its own database
 * (TEST_INTEGRATION_WORKERS, default 2 = CI's cores). One with
 * TEST_DATABASE_URL: that database is the only one.
 */
export function integrationWorkers(): number {
  if (testDbKind() === "postgres" && process.env.TEST_DATABASE_URL) return 1;
  const n = Number(process.env.TEST_INTEGRATION_WORKERS ?? "2");
  return Number.isInteger(n) && n >= 1 ? n : 2;
}

/** The reason the integration tests cannot run, or null when they can. */
export function postgresTargetUnavailable(kind: TestDbKind = testDbKind()): string | null {
  if (kind !== "postgres") return null;
  if (process.env.TEST_DATABASE_URL) return null;
  return findPostgresBinaries() ? null : POSTGRES_SKIPPED_MESSAGE;
}

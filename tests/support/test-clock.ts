// Vitest setup file (unit and integration projects): with a test clock, the
// test process's wall clock starts at that Paris wall time at the start of
// each test file, and keeps ticking. Only `Date` moves (`Date.now()`,
// `new Date()`, `Date()`); timers, `performance.now()` and the database
// drivers keep the real clock, so timeouts and sockets behave as usual. The
// database server keeps its own (real) clock: the app never reads it (Prisma
// fills `@default(now())` from this process).
//
//   TEST_CLOCK=2027-03-28T23:55 npx vitest run --project unit
//
// The clock comes from TEST_CLOCK, else from the project (`provide: { testClock }`,
// as vitest.config.ts does for TEST_CLOCK_MATRIX). See
// docs/decisions/003-test-strategy.md, "The clock check".
import { inject } from "vitest";

import { installTestClock } from "./shifted-clock";

declare module "vitest" {
  export interface ProvidedContext {
    /** A Paris wall time the project's tests run at ("2027-03-28T00:05"). */
    testClock?: string;
  }
}

const spec = process.env.TEST_CLOCK || inject("testClock");
if (spec) installTestClock(spec);

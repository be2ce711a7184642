// The wall-clock times the clock check runs the unit and integration suites at
// (docs/decisions/003-test-strategy.md, "The clock check"). Paris wall time:
// a minute after midnight and five minutes before it, on the days where
// calendar arithmetic breaks first.
export const CLOCK_DAYS = [
  "2027-03-28", // last Sunday of March: 02:00 → 03:00, a 23-hour day
  "2026-10-25", // last Sunday of October: 03:00 → 02:00, a 25-hour day
  "2028-02-29", // a leap day
  "2026-12-31", // the last day of a year
] as const;

export const CLOCK_TIMES = ["00:05", "23:55"] as const;

/** Every point of the matrix, as TEST_CLOCK takes it ("2027-03-28T00:05"). */
export const CLOCK_MATRIX: string[] = CLOCK_DAYS.flatMap((day) => CLOCK_TIMES.map((time) => `${day}T${time}`));

/** TEST_CLOCK_MATRIX: "all" for the whole matrix, or clocks separated by commas; empty: none. */
export function clockMatrixFromEnv(value = process.env.TEST_CLOCK_MATRIX): string[] {
  const v = (value ?? "").trim();
  if (!v) return [];
  if (v === "all") return CLOCK_MATRIX;
  return v.split(",").map((s) => s.trim()).filter(Boolean);
}

/**
 * The integration files the clock check runs at every point: the ones that
 * put "today" and "now" through the services (recording outreach and
 * procedure events, deadlines, the "À faire" lists). Each costs CI time at
 * every point: keep it short (docs/decisions/003-test-strategy.md).
 */
export const CLOCK_INTEGRATION_FILES = [
  "tests/integration/record-outreach-event.test.ts",
  "tests/integration/record-procedure-event.test.ts",
  "tests/integration/procedure-deadlines.test.ts",
  "tests/integration/list-due-work.test.ts",
];

/**
 * The matrix split over the two databases for CI: every point once, each
 * database at every day and at both times (alternately). The first point of
 * each list is the clock of that database's full integration run.
 */
export function clockSplit(): { embedded: string[]; postgres: string[] } {
  const embedded: string[] = [];
  const postgres: string[] = [];
  CLOCK_DAYS.forEach((day, d) =>
    CLOCK_TIMES.forEach((time, t) => ((d + t) % 2 === 0 ? embedded : postgres).push(`${day}T${time}`)),
  );
  return { embedded, postgres };
}

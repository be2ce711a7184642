import { afterEach, describe, expect, inject, it } from "vitest";

import { installTestClock, parseTestClock, realDate, uninstallTestClock } from "./shifted-clock";

// Under the clock check this file runs at each point too: put that clock back after each test.
const active = process.env.TEST_CLOCK || inject("testClock");
afterEach(() => {
  if (active) installTestClock(active);
  else uninstallTestClock();
});

describe("the test clock", () => {
  it("reads a Paris wall time, on both sides of the clock changes", () => {
    expect(new Date(parseTestClock("2027-03-28T00:05")).toISOString()).toBe("2027-03-27T23:05:00.000Z"); // still winter time
    expect(new Date(parseTestClock("2027-03-28T23:55")).toISOString()).toBe("2027-03-28T21:55:00.000Z"); // summer time
    expect(new Date(parseTestClock("2026-10-25T00:05")).toISOString()).toBe("2026-10-24T22:05:00.000Z");
    expect(new Date(parseTestClock("2026-10-25T23:55")).toISOString()).toBe("2026-10-25T22:55:00.000Z");
    expect(new Date(parseTestClock("2026-12-31T23:55:30")).toISOString()).toBe("2026-12-31T22:55:30.000Z");
    expect(parseTestClock("2026-06-01T10:00:00Z")).toBe(Date.UTC(2026, 5, 1, 10));
    expect(() => parseTestClock("2027-03-28T02:30")).toThrow(/no such time/);
    expect(() => parseTestClock("tomorrow")).toThrow(/TEST_CLOCK/);
  });

  it("starts Date there and lets it tick; parsing, instanceof and the real clock are untouched", async () => {
    installTestClock("2028-02-29T23:55");
    const start = Date.now();
    expect(new Date().toISOString().slice(0, 16)).toBe("2028-02-29T22:55");
    expect(start - parseTestClock("2028-02-29T23:55")).toBeGreaterThanOrEqual(0);
    expect(start - parseTestClock("2028-02-29T23:55")).toBeLessThan(5_000);
    expect(Date()).toContain("2028");
    expect(new Date() instanceof Date).toBe(true);
    expect(new Date(0).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(Date.UTC(2028, 1, 29)).toBe(realDate().UTC(2028, 1, 29));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now()).toBeGreaterThan(start);
    expect(Math.abs(new (realDate())().getTime() - Date.now())).toBeGreaterThan(86_400_000);
    uninstallTestClock();
    expect(Math.abs(Date.now() - new (realDate())().getTime())).toBeLessThan(1_000);
  });

  it("is on at the clock the check asked for", () => {
    if (!active) return;
    // The file started there a moment ago (this runs within minutes of it).
    const offset = Date.now() - parseTestClock(active);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(10 * 60_000);
  });
});

import { describe, expect, it } from "vitest";
import { checkWindow, pruneWindow } from "./rate-limit-window";

const rule = { limit: 3, windowMs: 15 * 60_000 };
const min = 60_000;

describe("rate-limit window", () => {
  it("allows until the limit, then refuses until the oldest counted failure leaves the window", () => {
    expect(checkWindow([], 0, rule)).toEqual({ allowed: true, remaining: 3 });
    expect(checkWindow([0, min], 2 * min, rule)).toEqual({ allowed: true, remaining: 1 });
    expect(checkWindow([0, min, 2 * min], 3 * min, rule)).toEqual({ allowed: false, retryAt: 15 * min });
    expect(checkWindow([0, min, 2 * min], 15 * min, rule)).toEqual({ allowed: true, remaining: 1 });
  });

  it("with more failures than the limit, waits for the one that brings the count below it", () => {
    const failures = [0, min, 2 * min, 3 * min, 4 * min];
    expect(checkWindow(failures, 14 * min, rule)).toEqual({ allowed: false, retryAt: 17 * min });
  });

  it("forgets failures older than the window and ignores future ones", () => {
    expect(pruneWindow([-20 * min, 10 * min, 5 * min, 99 * min], 12 * min, rule)).toEqual([5 * min, 10 * min]);
  });
});

/**
 * A sliding window of failed attempts (issue 8 "login attempts rate-limited").
 * Pure: the caller keeps the timestamps (lib/server/rate-limit.ts keeps them in
 * memory) and passes "now".
 */
export interface WindowRule {
  /** How many failures are tolerated within the window. */
  limit: number;
  windowMs: number;
}

export type WindowDecision = { allowed: true; remaining: number } | { allowed: false; retryAt: number };

/** The failures still inside the window at `now`, oldest first. */
export function pruneWindow(failures: readonly number[], now: number, rule: WindowRule): number[] {
  return failures.filter((t) => t > now - rule.windowMs && t <= now).sort((a, b) => a - b);
}

/**
 * Whether one more attempt is allowed. Once `limit` failures sit in the
 * window, attempts are refused until the oldest of the last `limit` leaves it.
 */
export function checkWindow(failures: readonly number[], now: number, rule: WindowRule): WindowDecision {
  const inWindow = pruneWindow(failures, now, rule);
  if (inWindow.length < rule.limit) return { allowed: true, remaining: rule.limit - inWindow.length };
  const blocking = inWindow[inWindow.length - rule.limit] as number;
  return { allowed: false, retryAt: blocking + rule.windowMs };
}

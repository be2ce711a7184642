/**
 * Per-account lockout (issue 8): five wrong passwords (or second-factor
 * codes) in a row lock the account for fifteen minutes. Pure; the sign-in
 * service stores the counter and the end of the lock.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function isLocked(state: { lockedUntil: Date | null }, now: Date): boolean {
  return !!state.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** After `failedInARow` failures: the end of the lock to set now, or null (not yet). */
export function lockoutAfter(failedInARow: number, now: Date): Date | null {
  return failedInARow >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
}

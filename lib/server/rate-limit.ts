import "server-only";
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "@/lib/domain/accounts/lockout";
import { checkWindow, pruneWindow, type WindowDecision, type WindowRule } from "@/lib/domain/accounts/rate-limit-window";

/**
 * Failed sign-in attempts counted in memory (issue 8 "login attempts
 * rate-limited"), on top of the per-account lockout stored in the database.
 *
 * In memory means one Node process: Maintien runs as one (`npm start`, one
 * container). Several instances behind a load balancer would each count on
 * their own (an attacker gets N times the budget); a restart forgets the
 * counts. The per-account lockout, in the database, holds in every case.
 * See docs/decisions/016-accounts-sessions-totp.md.
 */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly rule: WindowRule,
    /** Keys kept at most: spoofed addresses cannot grow the map without bound. */
    private readonly maxKeys = 20_000,
  ) {}

  check(key: string, now: number): WindowDecision {
    return checkWindow(this.failures.get(key) ?? [], now, this.rule);
  }

  /** Records one failure and says whether the next attempt will be allowed. */
  fail(key: string, now: number): WindowDecision {
    const kept = pruneWindow(this.failures.get(key) ?? [], now, this.rule);
    kept.push(now);
    // Re-inserting moves the key to the end: the map's first key is the stalest.
    this.failures.delete(key);
    this.failures.set(key, kept);
    while (this.failures.size > this.maxKeys) {
      const stalest = this.failures.keys().next().value;
      if (stalest === undefined) break;
      this.failures.delete(stalest);
    }
    return checkWindow(kept, now, this.rule);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  reset(): void {
    this.failures.clear();
  }
}

/**
 * For e-mails that match no account: the same lockout as a real account (five
 * failures, then fifteen minutes), so that the "locked" message does not tell
 * who has an account. A real account's counter only resets on success or
 * lock; a day-long window comes close to that here.
 */
export class UnknownAccountLockout {
  private readonly counter = new FailureCounter({ limit: MAX_FAILED_LOGINS, windowMs: 24 * 3_600_000 });
  private readonly locks = new Map<string, number>();

  lockedUntil(email: string, now: number): number | null {
    const until = this.locks.get(email);
    if (until === undefined) return null;
    if (until > now) return until;
    this.locks.delete(email);
    return null;
  }

  /** Records a failure; the end of the lock when it is the fifth. */
  fail(email: string, now: number): number | null {
    if (this.counter.fail(email, now).allowed) return null;
    this.counter.clear(email);
    const until = now + LOCKOUT_MINUTES * 60_000;
    this.locks.set(email, until);
    if (this.locks.size > 20_000) {
      const oldest = this.locks.keys().next().value;
      if (oldest !== undefined) this.locks.delete(oldest);
    }
    return until;
  }
}

export interface SignInLimiter {
  /** Per client address: 20 failed attempts in 15 minutes. */
  perAddress: FailureCounter;
  unknownAccounts: UnknownAccountLockout;
}

export const ADDRESS_RULE: WindowRule = { limit: 20, windowMs: 15 * 60_000 };
export function createSignInLimiter(): SignInLimiter {
  return { perAddress: new FailureCounter(ADDRESS_RULE), unknownAccounts: new UnknownAccountLockout() };
}

const globalForLimiter = globalThis as unknown as { maintienSignInLimiter?: SignInLimiter };

/** The process's limiter (kept on globalThis: Next may load this module more than once in development). */
export function signInLimiter(): SignInLimiter {
  globalForLimiter.maintienSignInLimiter ??= createSignInLimiter();
  return globalForLimiter.maintienSignInLimiter;
}

/**
 * The client's address for rate limiting. X-Forwarded-For is set by whoever
 * sent the request; it is only believed when TRUST_PROXY says how many proxies
 * of ours stand in front (each appends the address it saw): the client is then
 * the entry that many places from the right. Without TRUST_PROXY, Next.js
 * itself puts the socket's address in X-Forwarded-For when the request has
 * none; a client that sends its own header there chooses its key, which is
 * why the per-account lockout does not depend on this.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (trustedProxies > 0) {
    const entry = forwarded[forwarded.length - trustedProxies] ?? forwarded[0];
    return entry ?? "unknown";
  }
  // Not behind a trusted proxy: Next.js wrote the socket address here unless
  // the client sent the header; take the whole value as the key.
  return forwarded.join(",") || "unknown";
}

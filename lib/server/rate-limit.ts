import "server-only";
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "@/lib/domain/accounts/lockout";
import { createHash } from "node:crypto";
import { checkWindow, pruneWindow, type WindowDecision, type WindowRule } from "@/lib/domain/accounts/rate-limit-window";
import type { Db } from "@/lib/server/db";

/**
 * Failed sign-in attempts (issue 8 "login attempts rate-limited"), on top of
 * the per-account lockout stored in the database. The app counts them in the
 * database (`createSignInLimiter`, issue 14) so that several instances share
 * them; these in-memory counters remain for tests without a database.
 * See docs/decisions/016-accounts-sessions-totp.md and 023.
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

/**
 * The sign-in throttling's shared state (issue 14): the per-address budget
 * and the simulated lockout of e-mails with no account. Asynchronous because
 * the deployment's limiter keeps it in the database, where every instance of
 * the app counts the same failures.
 */
export interface SignInLimiter {
  /** Per client address: 20 failed attempts in 15 minutes. */
  checkAddress(address: string, now: number): Promise<WindowDecision>;
  failAddress(address: string, now: number): Promise<WindowDecision>;
  /** E-mails with no account: locked like a real one after five failures. */
  unknownLockedUntil(email: string, now: number): Promise<number | null>;
  failUnknown(email: string, now: number): Promise<number | null>;
}

export const ADDRESS_RULE: WindowRule = { limit: 20, windowMs: 15 * 60_000 };
const UNKNOWN_RULE: WindowRule = { limit: MAX_FAILED_LOGINS, windowMs: 24 * 3_600_000 };

/** One process's limiter, in memory: for tests that need no database. */
export function createMemorySignInLimiter(): SignInLimiter {
  const perAddress = new FailureCounter(ADDRESS_RULE);
  const unknown = new UnknownAccountLockout();
  return {
    checkAddress: async (a, now) => perAddress.check(a, now),
    failAddress: async (a, now) => perAddress.fail(a, now),
    unknownLockedUntil: async (e, now) => unknown.lockedUntil(e, now),
    failUnknown: async (e, now) => unknown.fail(e, now),
  };
}

/** Keys are hashed: the table holds no address nor e-mail. */
function keyOf(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/**
 * The deployment's limiter: failures are rows of `SignInFailure`, the
 * simulated lockouts rows of `SignInLock` (issue 14,
 * docs/decisions/023-shared-state-and-sessions.md). Several instances on one
 * PostgreSQL count together; a restart forgets nothing. Rows older than a day
 * are deleted as failures come in.
 */
export function createSignInLimiter(db: Db): SignInLimiter {
  const times = async (scope: string, key: string, now: number, rule: WindowRule) =>
    (
      await db.signInFailure.findMany({
        where: { scope, key, at: { gt: new Date(now - rule.windowMs), lte: new Date(now) } },
        select: { at: true },
        orderBy: { at: "asc" },
      })
    ).map((r) => r.at.getTime());
  const fail = async (scope: string, key: string, now: number, rule: WindowRule) => {
    await db.signInFailure.create({ data: { scope, key, at: new Date(now) } });
    await db.signInFailure.deleteMany({ where: { at: { lt: new Date(now - 24 * 3_600_000 - 60_000) } } });
    return checkWindow(await times(scope, key, now, rule), now, rule);
  };
  return {
    checkAddress: async (address, now) => checkWindow(await times("address", keyOf(address), now, ADDRESS_RULE), now, ADDRESS_RULE),
    failAddress: (address, now) => fail("address", keyOf(address), now, ADDRESS_RULE),
    unknownLockedUntil: async (email, now) => {
      const lock = await db.signInLock.findUnique({ where: { scope_key: { scope: "unknown-email", key: keyOf(email) } }, select: { until: true } });
      return lock && lock.until.getTime() > now ? lock.until.getTime() : null;
    },
    failUnknown: async (email, now) => {
      const key = keyOf(email);
      if ((await fail("unknown-email", key, now, UNKNOWN_RULE)).allowed) return null;
      const until = new Date(now + LOCKOUT_MINUTES * 60_000);
      await db.signInFailure.deleteMany({ where: { scope: "unknown-email", key } });
      await db.signInLock.upsert({ where: { scope_key: { scope: "unknown-email", key } }, create: { scope: "unknown-email", key, until }, update: { until } });
      return until.getTime();
    },
  };
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

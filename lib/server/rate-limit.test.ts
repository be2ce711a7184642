import { describe, expect, it } from "vitest";
import { clientAddress, FailureCounter, UnknownAccountLockout } from "./rate-limit";

const MIN = 60_000;

describe("sign-in rate limit", () => {
  it("counts failures per key in a sliding window and forgets the stalest keys beyond the cap", () => {
    const counter = new FailureCounter({ limit: 2, windowMs: 15 * MIN }, 3);
    expect(counter.fail("a", 0)).toEqual({ allowed: true, remaining: 1 });
    expect(counter.fail("a", MIN)).toEqual({ allowed: false, retryAt: 15 * MIN });
    expect(counter.check("b", MIN)).toEqual({ allowed: true, remaining: 2 });
    for (const k of ["b", "c", "d"]) counter.fail(k, 2 * MIN);
    // "a" was the stalest key: dropped to keep the map bounded.
    expect(counter.check("a", 2 * MIN)).toEqual({ allowed: true, remaining: 2 });
  });

  it("locks an unknown e-mail for 15 minutes on the fifth failure, like a real account", () => {
    const lockout = new UnknownAccountLockout();
    for (let i = 0; i < 4; i++) expect(lockout.fail("x@y.fr", i * MIN)).toBeNull();
    expect(lockout.fail("x@y.fr", 4 * MIN)).toBe(19 * MIN);
    expect(lockout.lockedUntil("x@y.fr", 18 * MIN)).toBe(19 * MIN);
    expect(lockout.lockedUntil("x@y.fr", 19 * MIN)).toBeNull();
    // The count starts again after the lock.
    expect(lockout.fail("x@y.fr", 20 * MIN)).toBeNull();
  });

  it("believes X-Forwarded-For only as far as TRUST_PROXY says", () => {
    const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});
    // One proxy of ours: the client is the last entry (the one our proxy appended).
    expect(clientAddress(h("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(h("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    // Not trusted: the whole header is the key (what Next.js wrote, the socket address, when the client sent none).
    expect(clientAddress(h("127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(h("6.6.6.6, 1.2.3.4"), 0)).toBe("6.6.6.6,1.2.3.4");
    expect(clientAddress(h(), 0)).toBe("unknown");
  });
});

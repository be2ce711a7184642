import { describe, expect, it } from "vitest";
import { deactivationRefusal } from "./account-rules";
import { accountStatus } from "./account-status";
import { isLocked, LOCKOUT_MINUTES, lockoutAfter } from "./lockout";

const now = new Date("2026-06-10T15:00:00Z");

describe("deactivation rules", () => {
  it("refuses deactivating oneself and the last active admin, allows the rest", () => {
    expect(deactivationRefusal("a", { id: "a", role: "ADMIN", active: true }, 3)).toMatch(/propre compte/);
    expect(deactivationRefusal("a", { id: "b", role: "ADMIN", active: true }, 0)).toMatch(/dernier administrateur/);
    expect(deactivationRefusal("a", { id: "b", role: "ADMIN", active: true }, 1)).toBeNull();
    expect(deactivationRefusal("a", { id: "b", role: "SOCIAL_WORKER", active: true }, 0)).toBeNull();
  });
});

describe("account status", () => {
  const base = { active: true, lockedUntil: null, invitationTokenHash: null, invitationExpiresAt: null };
  it("derives the status shown to administrators", () => {
    expect(accountStatus(base, now)).toBe("ACTIVE");
    expect(accountStatus({ ...base, lockedUntil: new Date(now.getTime() + 1) }, now)).toBe("LOCKED");
    expect(accountStatus({ ...base, lockedUntil: new Date(now.getTime() - 1) }, now)).toBe("ACTIVE");
    expect(accountStatus({ ...base, active: false }, now)).toBe("DEACTIVATED");
    expect(accountStatus({ ...base, active: false, invitationTokenHash: "h", invitationExpiresAt: new Date(now.getTime() + 1) }, now)).toBe("INVITED");
    expect(accountStatus({ ...base, active: false, invitationTokenHash: "h", invitationExpiresAt: now }, now)).toBe("INVITATION_EXPIRED");
  });
});

describe("lockout", () => {
  it("locks for 15 minutes on the fifth failure in a row", () => {
    for (let i = 1; i < 5; i++) expect(lockoutAfter(i, now)).toBeNull();
    const until = lockoutAfter(5, now)!;
    expect(until.getTime() - now.getTime()).toBe(LOCKOUT_MINUTES * 60_000);
    expect(lockoutAfter(7, now)).toEqual(until);
    expect(isLocked({ lockedUntil: until }, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked({ lockedUntil: until }, until)).toBe(false);
    expect(isLocked({ lockedUntil: null }, now)).toBe(false);
  });
});

// Issue 14 §3: sessions live in the database and end on the server.
// Sign-out, "Déconnecter mes autres sessions" and an administrator's
// deactivation revoke the session rows; the cookie's claims (what Auth.js
// keeps encrypted in the browser) are then refused, even replayed as copied.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { getAccount } from "@/lib/server/queries/get-account";
import { createSignInLimiter, type SignInLimiter } from "@/lib/server/rate-limit";
import { loadSessionUser, nextClaims, sessionFromClaims, type SessionClaims } from "@/lib/server/session-claims";
import { openSession, revokeSession } from "@/lib/server/session-store";
import { endOtherSessions } from "@/lib/server/services/end-other-sessions";
import { setUserActive } from "@/lib/server/services/set-user-active";
import { signInWithPassword } from "@/lib/server/services/sign-in";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const T0 = new Date("2026-06-10T07:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let limiter: SignInLimiter;

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const make = async (role: Role) => {
    const u = await createUser(db, { role, teamId: team.id });
    return { ...u, actor: { id: u.id, role: u.role as Role, teamIds: [team.id] } satisfies Actor };
  };
  return { admin: await make("ADMIN"), worker: await make("SOCIAL_WORKER") };
}

async function signedIn(email: string, password: string, now: Date): Promise<SessionClaims> {
  const result = await signInWithPassword(db, { email, password }, { address: "203.0.113.9", now, limiter });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  expect(result.user.sessionId).toMatch(/^[\w-]{43}$/);
  return nextClaims({}, { user: result.user }, now.getTime());
}

/** One request carrying these claims (a browser's cookie, or a copy of it). */
async function userFor(claims: SessionClaims, now: Date) {
  return (await loadSessionUser(db, sessionFromClaims(nextClaims(claims, {}, now.getTime())))).user;
}

describe("sessions in the database", () => {
  beforeEach(async () => {
    await resetDatabase();
    limiter = createSignInLimiter(db);
  });

  it("a copied session cookie is refused after sign-out; the person's other sessions go on", async () => {
    const { worker } = await setup();
    const phone = await signedIn(worker.email, worker.password, T0);
    const laptop = await signedIn(worker.email, worker.password, at(1));
    const copied = structuredClone(phone); // what someone who copied the phone's cookie holds
    expect((await userFor(copied, at(2)))?.id).toBe(worker.id);

    // Sign-out on the phone: the row is revoked (app/(app)/actions.ts signOutAction).
    expect(await revokeSession(db, phone.sid!, worker.id, at(3))).toBe(true);
    expect(await userFor(phone, at(4))).toBeNull();
    expect(await userFor(copied, at(4))).toBeNull();
    expect((await loadSessionUser(db, sessionFromClaims(copied))).user).toBeNull();
    expect((await userFor(laptop, at(4)))?.id).toBe(worker.id);
    // Signing out twice changes nothing; another person's id cannot revoke it.
    expect(await revokeSession(db, phone.sid!, worker.id, at(5))).toBe(false);
    expect(await revokeSession(db, laptop.sid!, "someone-else", at(5))).toBe(false);
    expect((await userFor(laptop, at(6)))?.id).toBe(worker.id);
  });

  it("refuses a cookie without a session id, with an unknown id, or with another person's session id", async () => {
    const { worker, admin } = await setup();
    const mine = await signedIn(worker.email, worker.password, T0);
    const theirs = await signedIn(admin.email, admin.password, T0);
    const { sid: _dropped, ...legacy } = mine; // a cookie issued before sessions were stored
    expect(await userFor(legacy, at(1))).toBeNull();
    expect(await userFor({ ...mine, sid: "x".repeat(43) }, at(1))).toBeNull();
    expect(await userFor({ ...mine, sid: theirs.sid }, at(1))).toBeNull();
    expect((await userFor(mine, at(1)))?.id).toBe(worker.id);
  });

  it("'Déconnecter mes autres sessions' ends every other session at once and keeps this one, with an audit row", async () => {
    const { worker } = await setup();
    const here = await signedIn(worker.email, worker.password, T0);
    const phone = await signedIn(worker.email, worker.password, at(1));
    const tablet = await signedIn(worker.email, worker.password, at(2));
    const me = (await userFor(here, at(3)))!;
    expect(me.sessionId).toBe(here.sid);
    expect((await getAccount(db, me, at(3)))?.otherSessions).toBe(2);

    expect(await endOtherSessions(db, me, at(4))).toBe(2);
    expect(await userFor(phone, at(5))).toBeNull();
    expect(await userFor(tablet, at(5))).toBeNull();
    expect((await userFor(here, at(5)))?.id).toBe(worker.id);
    expect((await getAccount(db, me, at(5)))?.otherSessions).toBe(0);
    expect(await endOtherSessions(db, me, at(6))).toBe(0);

    const audit = await db.auditLog.findMany({ where: { action: "user.endOtherSessions" }, select: { userId: true, entityId: true, after: true } });
    expect(audit).toEqual([{ userId: worker.id, entityId: worker.id, after: { sessionsEnded: 2 } }]);
  });

  it("an administrator's deactivation revokes every session row of the person", async () => {
    const { admin, worker } = await setup();
    const phone = await signedIn(worker.email, worker.password, T0);
    const laptop = await signedIn(worker.email, worker.password, at(1));
    await setUserActive(db, admin.actor, { userId: worker.id, active: false }, at(2));
    expect(await userFor(phone, at(3))).toBeNull();
    expect(await userFor(laptop, at(3))).toBeNull();
    const rows = await db.userSession.findMany({ where: { userId: worker.id }, select: { revokedAt: true } });
    expect(rows).toEqual([{ revokedAt: at(2) }, { revokedAt: at(2) }]);
    // Reactivated: the old cookies stay dead; a new sign-in works.
    await setUserActive(db, admin.actor, { userId: worker.id, active: true }, at(4));
    expect(await userFor(phone, at(5))).toBeNull();
    const again = await signedIn(worker.email, worker.password, at(6));
    expect((await userFor(again, at(7)))?.id).toBe(worker.id);
  });

  it("purges session rows a day past their absolute limit when someone signs in", async () => {
    const { worker } = await setup();
    await openSession(db, worker.id, T0);
    await signedIn(worker.email, worker.password, at(12 * 60 + 24 * 60 + 1));
    expect(await db.userSession.count({ where: { userId: worker.id } })).toBe(1);
  });
});

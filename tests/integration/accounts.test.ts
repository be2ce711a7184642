import { Secret, TOTP } from "otpauth";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/domain/roles";
import { SESSION_POLICY } from "@/lib/domain/accounts/session-expiry";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { getAccount } from "@/lib/server/queries/get-account";
import { getInvitation } from "@/lib/server/queries/get-invitation";
import { listUsers } from "@/lib/server/queries/list-users";
import { createSignInLimiter, type SignInLimiter } from "@/lib/server/rate-limit";
import { loadSessionUser, nextClaims, reissueGrant, sessionFromClaims, type SessionClaims } from "@/lib/server/session-claims";
import { acceptInvitation } from "@/lib/server/services/accept-invitation";
import { changePassword } from "@/lib/server/services/change-password";
import { disableTotp } from "@/lib/server/services/disable-totp";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/server/services/enable-totp";
import { inviteUser } from "@/lib/server/services/invite-user";
import { renewInvitation } from "@/lib/server/services/renew-invitation";
import { resetUserTotp } from "@/lib/server/services/reset-user-totp";
import { setUserActive } from "@/lib/server/services/set-user-active";
import { signInWithPassword, type SignInResult } from "@/lib/server/services/sign-in";
import { unlockUser } from "@/lib/server/services/unlock-user";
import { openTotpSecret } from "@/lib/server/totp";
import { createTeam } from "../factories/team";
import { createUser, TEST_PASSWORD } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const T0 = new Date("2026-06-10T07:00:00Z"); // 9 h in Paris
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const NEW_PASSWORD = "des volets bleus à Évry";

let limiter: SignInLimiter;

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62" });
  const make = async (role: Role, teamId = team.id) => {
    const u = await createUser(db, { role, teamId });
    return { ...u, actor: { id: u.id, role: u.role as Role, teamIds: [teamId] } satisfies Actor };
  };
  return { team, other, admin: await make("ADMIN"), coordinator: await make("COORDINATOR"), worker: await make("SOCIAL_WORKER"), otherAdmin: await make("ADMIN", other.id) };
}

function signIn(input: Parameters<typeof signInWithPassword>[1], now: Date, address = "203.0.113.7"): Promise<SignInResult> {
  return signInWithPassword(db, input, { address, now, limiter });
}

/** Signs in and returns the cookie's claims, as Auth.js would store them. */
async function sessionAt(email: string, password: string, now: Date): Promise<SessionClaims> {
  const result = await signIn({ email, password }, now);
  expect(result).toMatchObject({ ok: true });
  if (!result.ok) throw new Error("sign-in refused");
  return nextClaims({}, { user: result.user }, now.getTime());
}

/** One request at `now`: the jwt callback, then the session re-read from the database. */
async function request(claims: SessionClaims, now: Date) {
  const next = nextClaims(claims, {}, now.getTime());
  return { claims: next, state: await loadSessionUser(db, sessionFromClaims(next)) };
}

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

const codeAt = (secret: string, now: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: now.getTime() });

describe("accounts", () => {
  beforeEach(async () => {
    await resetDatabase();
    limiter = createSignInLimiter(db);
  });

  it("invite → accept → sign in: the account is inactive until the invitee sets a password, and the link works once", async () => {
    const { team, admin } = await setup();
    const invitation = await inviteUser(db, admin.actor, { name: "Inès Martin", email: "ines.martin@asso.fr", role: "SOCIAL_WORKER", teamId: team.id }, T0);
    expect(invitation.token).toMatch(/^[\w-]{43}$/);
    expect(invitation.expiresAt).toEqual(at(7 * 24 * HOUR));

    const stored = await db.user.findUniqueOrThrow({ where: { id: invitation.userId }, include: { memberships: true } });
    expect(stored).toMatchObject({ active: false, invitedById: admin.id, role: "SOCIAL_WORKER" });
    expect(stored.memberships.map((m) => m.teamId)).toEqual([team.id]);
    // Only the SHA-256 of the token is stored.
    expect(stored.invitationTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(invitation.token);
    // Before acceptance nobody can sign in, whatever they type.
    expect(await signIn({ email: "ines.martin@asso.fr", password: TEST_PASSWORD }, T0)).toEqual({ ok: false, reason: "invalid" });

    expect(await getInvitation(db, invitation.token, at(HOUR))).toMatchObject({ name: "Inès Martin", email: "ines.martin@asso.fr" });
    const tooShort = await refusal(acceptInvitation(db, { token: invitation.token, password: "court" }, at(HOUR)));
    expect(tooShort.fieldErrors?.password?.[0]).toBe("Le mot de passe doit contenir au moins 12 caractères (il en a 5).");
    const ownName = await refusal(acceptInvitation(db, { token: invitation.token, password: "ines-martin-2026" }, at(HOUR)));
    expect(ownName.fieldErrors?.password).toContain("Le mot de passe ne doit contenir ni votre nom ni votre adresse e-mail.");

    await acceptInvitation(db, { token: invitation.token, password: NEW_PASSWORD }, at(HOUR));
    const accepted = await db.user.findUniqueOrThrow({ where: { id: invitation.userId } });
    expect(accepted).toMatchObject({ active: true, invitationTokenHash: null, invitationExpiresAt: null });

    // The link works once.
    expect(await getInvitation(db, invitation.token, at(HOUR))).toBeNull();
    expect((await refusal(acceptInvitation(db, { token: invitation.token, password: "un autre mot de passe" }, at(HOUR)))).message).toMatch(/n'est plus valable/);

    const claims = await sessionAt("ines.martin@asso.fr", NEW_PASSWORD, at(2 * HOUR));
    const { state } = await request(claims, at(2 * HOUR + MIN));
    expect(state.user).toMatchObject({ id: invitation.userId, role: "SOCIAL_WORKER", teamIds: [team.id] });

    const audit = await db.auditLog.findMany({ where: { entityId: invitation.userId }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.userId])).toEqual([
      ["user.invite", admin.id],
      ["user.invitation.accept", invitation.userId],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/passwordHash|invitationTokenHash/);
  });

  it("refuses an expired invitation, and a renewed link replaces the old one", async () => {
    const { team, admin } = await setup();
    const invitation = await inviteUser(db, admin.actor, { name: "Paul Roux", email: "paul.roux@adil.fr", role: "JURIST", teamId: team.id }, T0);
    const late = at(7 * 24 * HOUR);
    expect(await getInvitation(db, invitation.token, late)).toBeNull();
    await refusal(acceptInvitation(db, { token: invitation.token, password: NEW_PASSWORD }, late));
    expect((await listUsers(db, admin.actor, late)).find((u) => u.id === invitation.userId)?.status).toBe("INVITATION_EXPIRED");

    const renewed = await renewInvitation(db, admin.actor, { userId: invitation.userId }, late);
    expect(renewed.token).not.toBe(invitation.token);
    await refusal(acceptInvitation(db, { token: invitation.token, password: NEW_PASSWORD }, late));
    await acceptInvitation(db, { token: renewed.token, password: NEW_PASSWORD }, late);
    // Once accepted, there is nothing to renew.
    await refusal(renewInvitation(db, admin.actor, { userId: invitation.userId }, late));
    // A made-up token finds nothing.
    expect(await getInvitation(db, "x".repeat(43), T0)).toBeNull();
  });

  it("lets only an administrator of the team invite, once per e-mail", async () => {
    const { team, other, admin, coordinator, otherAdmin } = await setup();
    const input = { name: "Léa Petit", email: "Lea.Petit@asso.fr".toLowerCase(), role: "COORDINATOR" as const, teamId: team.id };
    expect((await refusal(inviteUser(db, coordinator.actor, input, T0))).code).toBe("NOT_FOUND");
    expect((await refusal(inviteUser(db, otherAdmin.actor, input, T0))).code).toBe("NOT_FOUND");
    expect((await refusal(inviteUser(db, admin.actor, { ...input, teamId: other.id }, T0))).code).toBe("NOT_FOUND");
    await inviteUser(db, admin.actor, input, T0);
    const dup = await refusal(inviteUser(db, admin.actor, input, T0));
    expect(dup.fieldErrors?.email).toEqual(["Un compte existe déjà pour cette adresse e-mail."]);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });

  it("deactivation stops the person's session at once; reactivation lets them sign in again", async () => {
    const { admin, worker, otherAdmin } = await setup();
    let claims = await sessionAt(worker.email, worker.password, T0);
    expect((await request(claims, at(MIN))).state.user?.id).toBe(worker.id);

    // An admin of another team cannot touch this account, and learns nothing.
    expect((await refusal(setUserActive(db, otherAdmin.actor, { userId: worker.id, active: false }, at(2 * MIN)))).code).toBe("NOT_FOUND");

    await setUserActive(db, admin.actor, { userId: worker.id, active: false }, at(2 * MIN));
    const after = await request(claims, at(2 * MIN + 1));
    expect(after.state).toEqual({ user: null, reason: "closed" });
    expect(await signIn({ email: worker.email, password: worker.password }, at(3 * MIN))).toEqual({ ok: false, reason: "invalid" });

    await setUserActive(db, admin.actor, { userId: worker.id, active: true }, at(4 * MIN));
    // The old cookie stays dead: its session version is behind.
    expect((await request(claims, at(5 * MIN))).state).toEqual({ user: null, reason: "closed" });
    claims = await sessionAt(worker.email, worker.password, at(5 * MIN));
    expect((await request(claims, at(6 * MIN))).state.user?.id).toBe(worker.id);

    const audit = await db.auditLog.findMany({ where: { entityId: worker.id }, orderBy: { at: "asc" }, select: { action: true, userId: true, before: true, after: true } });
    expect(audit).toEqual([
      { action: "user.deactivate", userId: admin.id, before: { active: true }, after: { active: false } },
      { action: "user.reactivate", userId: admin.id, before: { active: false }, after: { active: true } },
    ]);
  });

  it("protects the last active administrator of a team and refuses self-deactivation", async () => {
    const { team, admin } = await setup();
    expect((await refusal(setUserActive(db, admin.actor, { userId: admin.id, active: false }, T0))).message).toMatch(/propre compte/);
    const second = await createUser(db, { role: "ADMIN", teamId: team.id });
    const secondActor: Actor = { id: second.id, role: "ADMIN", teamIds: [team.id] };
    await setUserActive(db, secondActor, { userId: admin.id, active: false }, T0);
    // `second` is now the only active admin: nobody may deactivate them (an
    // admin of the team who was deactivated has no session to try with).
    const third = await createUser(db, { role: "ADMIN", teamId: team.id, active: false });
    const error = await refusal(setUserActive(db, { id: third.id, role: "ADMIN", teamIds: [team.id] }, { userId: second.id, active: false }, T0));
    expect(error.message).toMatch(/dernier administrateur actif/);
    expect((await db.user.findUniqueOrThrow({ where: { id: second.id } })).active).toBe(true);
  });

  it("locks an account after five wrong passwords with the time it ends; an admin can unlock it", async () => {
    const { admin, worker } = await setup();
    for (let i = 0; i < 4; i++) expect(await signIn({ email: worker.email, password: "pas le bon" }, at(i * MIN))).toEqual({ ok: false, reason: "invalid" });
    const locked = await signIn({ email: worker.email, password: "pas le bon" }, at(4 * MIN));
    expect(locked).toEqual({ ok: false, reason: "locked", until: at(19 * MIN) });
    // Even the right password is refused until then, and says until when.
    expect(await signIn({ email: worker.email, password: worker.password }, at(10 * MIN))).toEqual({ ok: false, reason: "locked", until: at(19 * MIN) });
    expect((await listUsers(db, admin.actor, at(10 * MIN))).find((u) => u.id === worker.id)?.status).toBe("LOCKED");

    await unlockUser(db, admin.actor, { userId: worker.id }, at(11 * MIN));
    expect(await signIn({ email: worker.email, password: worker.password }, at(12 * MIN))).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "user.unlock", entityId: worker.id } })).toBe(1);
  });

  it("answers an unknown e-mail exactly like an existing one, lockout included", async () => {
    await setup();
    const results: SignInResult[] = [];
    for (let i = 0; i < 6; i++) results.push(await signIn({ email: "personne@nulle-part.fr", password: "essai" }, at(i * MIN)));
    expect(results.slice(0, 4)).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
    expect(results[4]).toEqual({ ok: false, reason: "locked", until: at(19 * MIN) });
    expect(results[5]).toEqual({ ok: false, reason: "locked", until: at(19 * MIN) });
    expect(await signIn({ email: "personne@nulle-part.fr", password: "essai" }, at(19 * MIN))).toEqual({ ok: false, reason: "invalid" });
  });

  it("limits failed attempts per client address (20 in 15 minutes), across accounts", async () => {
    const { worker, coordinator } = await setup();
    const emails = Array.from({ length: 20 }, (_, i) => `inconnu${i}@exemple.fr`);
    for (const [i, email] of emails.entries()) {
      const r = await signIn({ email, password: "essai" }, at(i * 1000));
      expect(r.ok).toBe(false);
    }
    // The 21st attempt from that address is refused before the password is looked at.
    const blocked = await signIn({ email: worker.email, password: worker.password }, at(30_000));
    expect(blocked).toEqual({ ok: false, reason: "rate-limited", until: at(15 * MIN) });
    // Another address is not affected; the blocked one is free again after the window.
    expect(await signIn({ email: coordinator.email, password: coordinator.password }, at(30_000), "198.51.100.9")).toMatchObject({ ok: true });
    expect(await signIn({ email: worker.email, password: worker.password }, at(15 * MIN))).toMatchObject({ ok: true });
    // The rate limit never touched the accounts' own counters.
    expect((await db.user.findUniqueOrThrow({ where: { id: worker.id } })).failedLoginCount).toBe(0);
  });

  it("ends a session after two hours without activity, with the reason", async () => {
    const { worker } = await setup();
    let claims = await sessionAt(worker.email, worker.password, T0);
    // Activity every 1 h 59 keeps it alive…
    for (const t of [119 * MIN, 238 * MIN]) {
      const r = await request(claims, at(t));
      expect(r.state.user?.id).toBe(worker.id);
      claims = r.claims;
    }
    // …two hours of silence end it.
    const idle = await request(claims, at(238 * MIN + SESSION_POLICY.idleMs));
    expect(idle.state).toEqual({ user: null, reason: "idle" });
    expect(idle.claims).toEqual({ end: "idle" });
    // The ended cookie stays ended, even if activity comes back.
    expect((await request(idle.claims, at(239 * MIN + SESSION_POLICY.idleMs))).state).toEqual({ user: null, reason: "idle" });
  });

  it("ends a session twelve hours after sign-in however active the person is", async () => {
    const { worker } = await setup();
    let claims = await sessionAt(worker.email, worker.password, T0);
    for (let t = 30 * MIN; t < 12 * HOUR; t += 30 * MIN) {
      const r = await request(claims, at(t));
      expect(r.state.user?.id).toBe(worker.id);
      claims = r.claims;
    }
    expect((await request(claims, at(12 * HOUR))).state).toEqual({ user: null, reason: "absolute" });
  });

  it("TOTP: enrol with a first code, then sign-in asks for the code (±1 step, no reuse), and disabling needs password and code", async () => {
    const { worker, admin } = await setup();
    const actor: Actor = { id: worker.id, role: "SOCIAL_WORKER", teamIds: [] };
    await startTotpEnrolment(db, actor);
    const pending = await getAccount(db, actor);
    expect(pending?.totp.status).toBe("pending");
    if (pending?.totp.status !== "pending") throw new Error("not pending");
    expect(pending.totp.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: worker.id } });
    const secret = openTotpSecret(stored.totpSecretEnc!)!;
    // Stored encrypted: the database does not hold the secret in clear.
    expect(stored.totpSecretEnc).not.toContain(secret);
    expect(pending.totp.secretText.replace(/ /g, "")).toBe(secret);
    // Not on until confirmed: sign-in still needs the password only.
    expect(await signIn({ email: worker.email, password: worker.password }, T0)).toMatchObject({ ok: true });

    const wrong = await refusal(confirmTotpEnrolment(db, actor, { code: codeAt(secret, at(-10 * MIN)) }, T0));
    expect(wrong.fieldErrors?.code?.[0]).toMatch(/Code incorrect/);
    await confirmTotpEnrolment(db, actor, { code: codeAt(secret, T0) }, T0);
    expect((await getAccount(db, actor))?.totp.status).toBe("on");

    // Sign-in: the right password gives a challenge, not a session.
    const first = await signIn({ email: worker.email, password: worker.password }, at(5 * MIN));
    expect(first.ok === false && first.reason).toBe("totp-required");
    if (first.ok || first.reason !== "totp-required") throw new Error("no challenge");
    const bad = await signIn({ challenge: first.challenge, totp: "000000" === codeAt(secret, at(5 * MIN)) ? "111111" : "000000" }, at(5 * MIN));
    expect(bad.ok === false && bad.reason).toBe("totp-invalid");
    // The previous 30-second step is still accepted (a slow typist, a drifting phone)…
    const ok = await signIn({ challenge: first.challenge, totp: codeAt(secret, at(5 * MIN - 30_000)) }, at(5 * MIN));
    expect(ok).toMatchObject({ ok: true, user: { id: worker.id } });
    // …but the same code cannot be used twice, and two steps back is too old.
    const again = await signIn({ email: worker.email, password: worker.password, totp: codeAt(secret, at(5 * MIN - 30_000)) }, at(5 * MIN + 1000));
    expect(again.ok === false && again.reason).toBe("totp-invalid");
    const old = await signIn({ email: worker.email, password: worker.password, totp: codeAt(secret, at(2 * MIN)) }, at(5 * MIN + 2000));
    expect(old.ok === false && old.reason).toBe("totp-invalid");
    // The challenge lasts five minutes.
    const late = await signIn({ challenge: first.challenge, totp: codeAt(secret, at(11 * MIN)) }, at(11 * MIN));
    expect(late).toEqual({ ok: false, reason: "challenge-expired" });
    // Wrong codes count toward the lockout (the success reset the count: the replay and the old code since).
    expect((await db.user.findUniqueOrThrow({ where: { id: worker.id } })).failedLoginCount).toBe(2);

    // Disable: password and a current code.
    const noPassword = await refusal(disableTotp(db, actor, { currentPassword: "pas le bon", code: codeAt(secret, at(20 * MIN)) }, at(20 * MIN)));
    expect(noPassword.fieldErrors?.currentPassword).toBeDefined();
    await disableTotp(db, actor, { currentPassword: worker.password, code: codeAt(secret, at(20 * MIN)) }, at(20 * MIN));
    expect(await signIn({ email: worker.email, password: worker.password }, at(21 * MIN))).toMatchObject({ ok: true });

    // An administrator can reset a lost phone's factor; the person's sessions stop.
    await startTotpEnrolment(db, actor);
    const secret2 = openTotpSecret((await db.user.findUniqueOrThrow({ where: { id: worker.id } })).totpSecretEnc!)!;
    await confirmTotpEnrolment(db, actor, { code: codeAt(secret2, at(30 * MIN)) }, at(30 * MIN));
    await resetUserTotp(db, admin.actor, { userId: worker.id }, at(31 * MIN));
    expect(await db.user.findUniqueOrThrow({ where: { id: worker.id } })).toMatchObject({ totpEnabledAt: null, totpSecretEnc: null });
    expect((await db.auditLog.findMany({ where: { entityId: worker.id }, orderBy: { at: "asc" } })).map((a) => a.action)).toEqual([
      "user.totp.enable",
      "user.totp.disable",
      "user.totp.enable",
      "user.totp.reset",
    ]);
  });

  it("changing the password ends the other sessions and keeps the current one through a signed grant", async () => {
    const { worker } = await setup();
    const actor: Actor = { id: worker.id, role: "SOCIAL_WORKER", teamIds: [] };
    const phone = await sessionAt(worker.email, worker.password, T0);
    const laptop = await sessionAt(worker.email, worker.password, at(MIN));

    const wrongCurrent = await refusal(changePassword(db, actor, { currentPassword: "pas le bon", password: NEW_PASSWORD }, at(2 * MIN)));
    expect(wrongCurrent.fieldErrors?.currentPassword).toEqual(["Mot de passe actuel incorrect."]);
    const weak = await refusal(changePassword(db, actor, { currentPassword: worker.password, password: "trop court" }, at(2 * MIN)));
    expect(weak.fieldErrors?.password?.[0]).toMatch(/au moins 12 caractères/);

    const { sessionVersion } = await changePassword(db, actor, { currentPassword: worker.password, password: NEW_PASSWORD }, at(2 * MIN));
    expect((await request(phone, at(3 * MIN))).state).toEqual({ user: null, reason: "closed" });

    // The laptop's cookie is re-issued with the new version through a grant signed by the server…
    const reissued = nextClaims(laptop, { trigger: "update", update: reissueGrant(worker.id, sessionVersion, at(2 * MIN).getTime()) }, at(2 * MIN).getTime());
    expect((await loadSessionUser(db, sessionFromClaims(reissued))).user?.id).toBe(worker.id);
    // …and the browser cannot do it itself: a forged or foreign grant changes nothing.
    const forged = nextClaims(phone, { trigger: "update", update: { reissue: "eyJ1aWQiOiJ4In0.forged" } }, at(3 * MIN).getTime());
    expect((await loadSessionUser(db, sessionFromClaims(forged))).user).toBeNull();
    const otherUsers = nextClaims(phone, { trigger: "update", update: reissueGrant("someone-else", sessionVersion, at(3 * MIN).getTime()) }, at(3 * MIN).getTime());
    expect((await loadSessionUser(db, sessionFromClaims(otherUsers))).user).toBeNull();

    expect(await signIn({ email: worker.email, password: worker.password }, at(4 * MIN))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn({ email: worker.email, password: NEW_PASSWORD }, at(5 * MIN))).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "user.password.change", entityId: worker.id } })).toBe(1);
  });

  it("shows administrators their teams' accounts to manage, coordinators their team read-only, others nothing", async () => {
    const { admin, coordinator, worker, otherAdmin } = await setup();
    const forAdmin = await listUsers(db, admin.actor, T0);
    expect(forAdmin.map((u) => u.id).sort()).toEqual([admin.id, coordinator.id, worker.id].sort());
    expect(forAdmin.every((u) => u.manageable)).toBe(true);
    const forCoordinator = await listUsers(db, coordinator.actor, T0);
    expect(forCoordinator.map((u) => u.id).sort()).toEqual([admin.id, coordinator.id, worker.id].sort());
    expect(forCoordinator.some((u) => u.manageable)).toBe(false);
    expect(await listUsers(db, worker.actor, T0)).toEqual([]);
    expect((await listUsers(db, otherAdmin.actor, T0)).map((u) => u.id)).toEqual([otherAdmin.id]);
  });
});

import "server-only";
import { z } from "zod";
import { isLocked, lockoutAfter } from "@/lib/domain/accounts/lockout";
import type { Db } from "@/lib/server/db";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import type { SignInLimiter } from "@/lib/server/rate-limit";
import { openSession } from "@/lib/server/session-store";
import { sign, verifySigned } from "@/lib/server/signing";
import { checkTotpCode, openTotpSecret } from "@/lib/server/totp";

/**
 * Checks a sign-in attempt (issue 8 §4), called by Auth.js's `authorize`
 * (lib/server/auth-config.ts) and by the tests with their own clock and limiter.
 *
 * Layers, in order: the client address's budget (20 failures / 15 min, in
 * the database since issue 14, shared by every instance), the account's lockout (5 failures in a row → 15 min, in the
 * database), the password (argon2id), the optional second factor. A refusal
 * never says whether the e-mail has an account: unknown e-mails cost one
 * argon2 verification and "lock" after five failures like real ones.
 */
export const signInInputSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).optional(),
  password: z.string().max(512).optional(),
  /** Second step: the challenge given after a correct password, and the code. */
  challenge: z.string().max(1000).optional(),
  totp: z.string().max(20).optional(),
});
export type SignInInput = z.input<typeof signInInputSchema>;

export type SignInResult =
  | { ok: true; user: { id: string; sessionVersion: number; sessionId: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date }
  | { ok: false; reason: "rate-limited"; until: Date }
  | { ok: false; reason: "totp-required"; challenge: string }
  | { ok: false; reason: "totp-invalid"; challenge: string }
  | { ok: false; reason: "challenge-expired" };

export interface SignInContext {
  address: string;
  now: Date;
  limiter: SignInLimiter;
}

/** How long the person has to type the code after the password. */
const CHALLENGE_MINUTES = 5;

let dummyHash: Promise<string> | undefined;
/** A real argon2id hash with the app's parameters, so that unknown e-mails take as long as known ones. */
function timingHash(): Promise<string> {
  dummyHash ??= hashPassword(`maintien-timing-${Math.random()}`);
  return dummyHash;
}

const userSelect = {
  id: true,
  email: true,
  passwordHash: true,
  active: true,
  lockedUntil: true,
  failedLoginCount: true,
  sessionVersion: true,
  totpSecretEnc: true,
  totpEnabledAt: true,
} as const;

export async function signInWithPassword(db: Db, raw: SignInInput, ctx: SignInContext): Promise<SignInResult> {
  const parsed = signInInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const input = parsed.data;
  const now = ctx.now.getTime();

  const budget = await ctx.limiter.checkAddress(ctx.address, now);
  if (!budget.allowed) return { ok: false, reason: "rate-limited", until: new Date(budget.retryAt) };

  if (input.challenge) return secondStep(db, input.challenge, input.totp ?? "", ctx);

  const email = input.email ?? "";
  const password = input.password ?? "";
  if (!email || !password) return { ok: false, reason: "invalid" };

  const user = await db.user.findUnique({ where: { email }, select: userSelect });
  if (!user) {
    // Locked answers before checking the password, as for a real account.
    const lockedUntil = await ctx.limiter.unknownLockedUntil(email, now);
    if (lockedUntil) return { ok: false, reason: "locked", until: new Date(lockedUntil) };
    await verifyPassword(await timingHash(), password);
    const budget = await ctx.limiter.failAddress(ctx.address, now);
    const until = await ctx.limiter.failUnknown(email, now);
    if (until) return { ok: false, reason: "locked", until: new Date(until) };
    if (!budget.allowed) return { ok: false, reason: "rate-limited", until: new Date(budget.retryAt) };
    return { ok: false, reason: "invalid" };
  }

  if (isLocked(user, ctx.now)) return { ok: false, reason: "locked", until: user.lockedUntil! };
  const passwordOk = await verifyPassword(user.passwordHash, password);
  // A deactivated account, or an invitation not yet accepted, answers like a wrong password.
  if (!passwordOk || !user.active) return recordFailure(db, user, ctx);

  if (user.totpEnabledAt && user.totpSecretEnc) {
    const challenge = sign("signin-challenge-v1", { uid: user.id, sv: user.sessionVersion }, now + CHALLENGE_MINUTES * 60_000);
    if (!input.totp) return { ok: false, reason: "totp-required", challenge };
    return checkSecondFactor(db, user, input.totp, challenge, ctx);
  }
  return succeed(db, user, ctx);
}

async function secondStep(db: Db, challenge: string, code: string, ctx: SignInContext): Promise<SignInResult> {
  const payload = verifySigned("signin-challenge-v1", challenge, ctx.now.getTime());
  if (!payload || typeof payload.uid !== "string") return { ok: false, reason: "challenge-expired" };
  const user = await db.user.findUnique({ where: { id: payload.uid }, select: userSelect });
  // The password was checked for this session version: a change since (new
  // password, deactivation) voids the challenge.
  if (!user || !user.active || user.sessionVersion !== payload.sv || !user.totpEnabledAt || !user.totpSecretEnc) {
    return { ok: false, reason: "challenge-expired" };
  }
  if (isLocked(user, ctx.now)) return { ok: false, reason: "locked", until: user.lockedUntil! };
  return checkSecondFactor(db, user, code, challenge, ctx);
}

type SignInUser = { id: string; sessionVersion: number; totpSecretEnc: string | null };

async function checkSecondFactor(db: Db, user: SignInUser, code: string, challenge: string, ctx: SignInContext): Promise<SignInResult> {
  const secret = user.totpSecretEnc ? openTotpSecret(user.totpSecretEnc) : null;
  // An unreadable secret (AUTH_SECRET changed) refuses: an administrator resets the second factor.
  const check = secret ? await checkTotpCode(db, user.id, secret, code, ctx.now.getTime()) : ({ ok: false, reason: "invalid" } as const);
  if (!check.ok) {
    const failed = await recordFailure(db, user, ctx);
    return failed.reason === "locked" || failed.reason === "rate-limited" ? failed : { ok: false, reason: "totp-invalid", challenge };
  }
  return succeed(db, user, ctx);
}

async function recordFailure(db: Db, user: { id: string }, ctx: SignInContext): Promise<Exclude<SignInResult, { ok: true }>> {
  // Increment in the database rather than write the value read: two attempts
  // at once must both count.
  const { failedLoginCount } = await db.user.update({
    where: { id: user.id },
    data: { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  const budget = await ctx.limiter.failAddress(ctx.address, ctx.now.getTime());
  const until = lockoutAfter(failedLoginCount, ctx.now);
  if (until) {
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: until } });
    return { ok: false, reason: "locked", until };
  }
  if (!budget.allowed) return { ok: false, reason: "rate-limited", until: new Date(budget.retryAt) };
  return { ok: false, reason: "invalid" };
}

/** A new session row (issue 14): its id goes into the cookie and is checked on every request. */
async function succeed(db: Db, user: { id: string; sessionVersion: number }, ctx: SignInContext): Promise<SignInResult> {
  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: ctx.now } });
  const sessionId = await openSession(db, user.id, ctx.now);
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion, sessionId } };
}

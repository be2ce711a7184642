import "server-only";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { countOtherSessions } from "@/lib/server/session-store";
import { formatSecretForTyping, openTotpSecret, totpQrSvg, totpUri } from "@/lib/server/totp";

export interface AccountView {
  name: string;
  email: string;
  lastLoginAt: Date | null;
  /** Open sessions of this person other than this browser's (issue 14). */
  otherSessions: number;
  totp:
    | { status: "off" }
    | { status: "on"; since: Date }
    /** Enrolment started: the secret to scan or type, until the first code confirms it. */
    | { status: "pending"; qrSvg: string; secretText: string };
}

/** "Mon compte": the signed-in person's own account. */
export async function getAccount(db: Db, actor: Actor & { sessionId?: string }, now: Date = new Date()): Promise<AccountView | null> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { name: true, email: true, lastLoginAt: true, totpSecretEnc: true, totpEnabledAt: true },
  });
  if (!user) return null;
  const otherSessions = await countOtherSessions(db, actor.id, actor.sessionId, now);
  const base = { name: user.name, email: user.email, lastLoginAt: user.lastLoginAt, otherSessions };
  if (user.totpEnabledAt) return { ...base, totp: { status: "on", since: user.totpEnabledAt } };
  const secret = user.totpSecretEnc ? openTotpSecret(user.totpSecretEnc) : null;
  if (!secret) return { ...base, totp: { status: "off" } };
  return { ...base, totp: { status: "pending", qrSvg: await totpQrSvg(totpUri(secret, user.email)), secretText: formatSecretForTyping(secret) } };
}

import "server-only";
import { randomBytes } from "node:crypto";
import { SESSION_POLICY } from "@/lib/domain/accounts/session-expiry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";

/**
 * Sessions in the database (issue 14, docs/decisions/023-shared-state-and-sessions.md).
 *
 * The cookie stays an encrypted Auth.js JWT, but it now carries the id of a
 * `UserSession` row, and every request checks that row (lib/server/session-claims.ts
 * `loadSessionUser`): a session ends for good, on every instance, as soon as its
 * row is revoked. A copied cookie is worth nothing after sign-out.
 */

type Client = Db | Prisma.TransactionClient;

/** Opens a session at sign-in; its id goes into the cookie. Purges long-expired rows on the way. */
export async function openSession(db: Client, userId: string, now: Date): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.userSession.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteMs) } });
  // A day past their absolute limit, rows only take room.
  await db.userSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
  return id;
}

/** Ends one session (sign-out). Returns whether it was still open. */
export async function revokeSession(db: Client, sessionId: string, userId: string, now: Date): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
  return count > 0;
}

/** Ends every open session of a person, but `keep` (this browser, when given). Returns how many. */
export async function revokeUserSessions(db: Client, userId: string, now: Date, keep?: string): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

/** The person's open sessions other than `current` ("Mon compte" offers to end them). */
export async function countOtherSessions(db: Client, userId: string, current: string | undefined, now: Date): Promise<number> {
  return db.userSession.count({ where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(current ? { id: { not: current } } : {}) } });
}

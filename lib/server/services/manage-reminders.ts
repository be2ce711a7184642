import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";

/**
 * Mon compte's reminders (issue 20): the daily digest opt-in and the private
 * calendar feed. The feed's address holds a random token (256 bits) shown
 * once; only its SHA-256 is stored, so a database leak does not give the
 * feeds away. A new token replaces the old one; revoking removes it (the old
 * address answers 404).
 */

export const hashCalendarToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export async function setDigestOptIn(db: Db, actor: Pick<Actor, "id">, optIn: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { digestOptIn: true } });
    await tx.user.update({ where: { id: actor.id }, data: { digestOptIn: optIn } });
    await writeAudit(tx, { userId: actor.id, action: "account.digest", entity: "User", entityId: actor.id, before, after: { digestOptIn: optIn } });
  });
}

/** A new private calendar token (the old one stops working); the token is returned once, never stored. */
export async function createCalendarToken(db: Db, actor: Pick<Actor, "id">, now: Date): Promise<{ token: string }> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { calendarTokenHash: true } });
    await tx.user.update({ where: { id: actor.id }, data: { calendarTokenHash: hashCalendarToken(token), calendarTokenCreatedAt: now } });
    await writeAudit(tx, { userId: actor.id, action: before.calendarTokenHash ? "account.calendar.renew" : "account.calendar.create", entity: "User", entityId: actor.id, after: { at: now.toISOString() } });
  });
  return { token };
}

export async function revokeCalendarToken(db: Db, actor: Pick<Actor, "id">): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { calendarTokenHash: null, calendarTokenCreatedAt: null } });
    await writeAudit(tx, { userId: actor.id, action: "account.calendar.revoke", entity: "User", entityId: actor.id });
  });
}

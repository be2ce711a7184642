import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { revokeUserSessions } from "@/lib/server/session-store";

/**
 * "Déconnecter mes autres sessions" (Mon compte, issue 14): every open session
 * of the signed-in person but this browser's ends at once, on every instance
 * (their rows are revoked; lib/server/session-claims.ts checks the row on
 * every request). Returns how many ended.
 */
export async function endOtherSessions(db: Db, actor: Actor & { sessionId?: string }, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await revokeUserSessions(tx, actor.id, now, actor.sessionId);
    if (ended > 0) await writeAudit(tx, { userId: actor.id, action: "user.endOtherSessions", entity: "User", entityId: actor.id, after: { sessionsEnded: ended } });
    return ended;
  });
}

import "server-only";
import { deactivationRefusal } from "@/lib/domain/accounts/account-rules";
import { canManageUser } from "@/lib/domain/permissions";
import type { Actor, Role } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { revokeUserSessions } from "@/lib/server/session-store";

/**
 * Deactivate or reactivate an account (issue 8 §4). Deactivation bumps the
 * session version: every session of that person stops at their next request
 * (lib/server/session-claims.ts re-reads the user each time), and a pending
 * invitation link stops working. Reactivation gives back the same password;
 * an account that never set one needs a new invitation instead.
 *
 * Serializable: two administrators deactivating each other at the same
 * moment must not leave the deployment without an active administrator.
 */
export async function setUserActive(db: Db, actor: Actor, input: { userId: string; active: boolean }, now: Date): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: input.userId },
        select: { id: true, role: true, active: true, invitationTokenHash: true, memberships: { select: { teamId: true } } },
      });
      if (!user || !canManageUser(actor, user.memberships.map((m) => m.teamId))) throw notFound("Ce compte");
      if (input.active) {
        if (user.active) return;
        if (user.invitationTokenHash) {
          // Never accepted: no password of theirs exists. A new link is the way in.
          throw new ExpectedError("INVALID_STEP", "Cette personne n'a pas encore choisi de mot de passe : envoyez-lui une nouvelle invitation.");
        }
        await tx.user.update({ where: { id: user.id }, data: { active: true, failedLoginCount: 0, lockedUntil: null } });
        await writeAudit(tx, { userId: actor.id, action: "user.reactivate", entity: "User", entityId: user.id, before: { active: false }, after: { active: true } });
        return;
      }
      // "Last" per team: each of the person's teams must keep an active
      // administrator, or nobody could manage its accounts any more.
      const teamIds = user.memberships.map((m) => m.teamId);
      const counts = await Promise.all(
        (teamIds.length ? teamIds : [null]).map((teamId) =>
          tx.user.count({ where: { role: "ADMIN", active: true, id: { not: user.id }, ...(teamId ? { memberships: { some: { teamId } } } : {}) } }),
        ),
      );
      const otherActiveAdmins = Math.min(...counts);
      const refusal = deactivationRefusal(actor.id, { id: user.id, role: user.role as Role, active: user.active }, otherActiveAdmins);
      if (refusal) throw new ExpectedError("INVALID_STEP", refusal);
      if (!user.active && !user.invitationTokenHash) return;
      // A pending invitation is revoked by expiring its link now; the account
      // then shows "Invitation expirée" and can be invited again.
      await tx.user.update({
        where: { id: user.id },
        data: { active: false, sessionVersion: { increment: 1 }, ...(user.invitationTokenHash ? { invitationExpiresAt: now } : {}) },
      });
      // Issue 14: the session rows end too (the version bump alone already
      // stops them; the rows say so to anyone reading the table).
      await revokeUserSessions(tx, user.id, now);
      await writeAudit(tx, {
        userId: actor.id,
        action: "user.deactivate",
        entity: "User",
        entityId: user.id,
        before: { active: user.active, ...(user.invitationTokenHash ? { invitation: "en attente" } : {}) },
        after: { active: false, ...(user.invitationTokenHash ? { invitation: "révoquée" } : {}) },
      });
    },
    { isolationLevel: "Serializable" },
  );
}

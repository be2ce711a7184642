import "server-only";
import { canManageUser } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { invitationExpiry, newInvitationToken, type Invitation } from "@/lib/server/services/invite-user";

/**
 * A new invitation link for an account whose invitation was never accepted
 * (the link expired or was revoked, or the e-mail got lost). The previous link
 * stops working.
 */
export async function renewInvitation(db: Db, actor: Actor, input: { userId: string }, now: Date): Promise<Invitation & { name: string; email: string }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, name: true, email: true, active: true, invitationTokenHash: true, invitationExpiresAt: true, memberships: { select: { teamId: true } } },
    });
    if (!user || !canManageUser(actor, user.memberships.map((m) => m.teamId))) throw notFound("Ce compte");
    if (user.active || !user.invitationTokenHash) {
      throw new ExpectedError("INVALID_STEP", "Ce compte a déjà été utilisé : la personne se connecte avec son mot de passe (déverrouillez ou réactivez le compte au besoin).");
    }
    const { token, hash } = newInvitationToken();
    const expiresAt = invitationExpiry(now);
    await tx.user.update({ where: { id: user.id }, data: { invitationTokenHash: hash, invitationExpiresAt: expiresAt, invitedById: actor.id } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "user.invitation.renew",
      entity: "User",
      entityId: user.id,
      before: { invitationExpiresAt: user.invitationExpiresAt?.toISOString() ?? null },
      after: { invitationExpiresAt: expiresAt.toISOString() },
    });
    return { userId: user.id, token, expiresAt, name: user.name, email: user.email };
  });
}

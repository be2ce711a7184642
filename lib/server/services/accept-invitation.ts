import "server-only";
import { passwordProblems } from "@/lib/domain/accounts/password-policy";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { hashInvitationToken } from "@/lib/server/services/invite-user";

export const INVITATION_INVALID = "Ce lien d'invitation n'est plus valable (déjà utilisé ou expiré). Demandez un nouveau lien à votre administrateur.";

/**
 * The invitee sets their password through the link: the account becomes
 * usable and the link stops working (one use). No session is opened here:
 * the person signs in on the sign-in page, second factor and all.
 */
export async function acceptInvitation(db: Db, input: { token: string; password: string }, now: Date): Promise<{ userId: string }> {
  const hash = hashInvitationToken(input.token);
  const user = await db.user.findUnique({
    where: { invitationTokenHash: hash },
    select: { id: true, name: true, email: true, active: true, invitationExpiresAt: true },
  });
  if (!user || user.active || !user.invitationExpiresAt || user.invitationExpiresAt <= now) {
    throw new ExpectedError("NOT_FOUND", INVITATION_INVALID);
  }
  const problems = passwordProblems(input.password, { email: user.email, name: user.name });
  if (problems.length) throw new ExpectedError("INVALID_STEP", "Le mot de passe ne convient pas : corrigez le champ signalé.", { password: problems });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Guarded by the token hash: of two submissions of the same link, one wins.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, invitationTokenHash: hash, active: false, invitationExpiresAt: { gt: now } },
      data: {
        passwordHash,
        active: true,
        invitationTokenHash: null,
        invitationExpiresAt: null,
        failedLoginCount: 0,
        lockedUntil: null,
        sessionVersion: { increment: 1 },
      },
    });
    if (count !== 1) throw new ExpectedError("NOT_FOUND", INVITATION_INVALID);
    await writeAudit(tx, { userId: user.id, action: "user.invitation.accept", entity: "User", entityId: user.id, before: { active: false }, after: { active: true } });
    return { userId: user.id };
  });
}

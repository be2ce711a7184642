import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/password";
import { checkTotpCode, openTotpSecret } from "@/lib/server/totp";

/**
 * Turning the second factor off asks for both the password and a current
 * code: a session left open on a shared computer is not enough to weaken the
 * account. A pending enrolment (never confirmed) is simply dropped.
 */
export async function disableTotp(db: Db, actor: Actor, input: { currentPassword: string; code: string }, now: Date): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, passwordHash: true, totpSecretEnc: true, totpEnabledAt: true } });
  if (!user) throw new ExpectedError("UNAUTHENTICATED", "Votre session a expiré. Reconnectez-vous.");
  if (!user.totpEnabledAt) {
    if (user.totpSecretEnc) await db.user.update({ where: { id: user.id }, data: { totpSecretEnc: null } });
    return;
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ExpectedError("INVALID_STEP", "Le mot de passe ou le code est incorrect.", { currentPassword: ["Mot de passe incorrect."] });
  }
  const secret = user.totpSecretEnc ? openTotpSecret(user.totpSecretEnc) : null;
  const check = secret ? await checkTotpCode(db, user.id, secret, input.code, now.getTime()) : null;
  if (!check?.ok) {
    throw new ExpectedError("INVALID_STEP", "Le mot de passe ou le code est incorrect.", { code: ["Code incorrect ou déjà utilisé : saisissez le code affiché maintenant."] });
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecretEnc: null, totpEnabledAt: null } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "user.totp.disable",
      entity: "User",
      entityId: user.id,
      before: { totpEnabledAt: user.totpEnabledAt!.toISOString() },
      after: { totpEnabledAt: null },
    });
  });
}

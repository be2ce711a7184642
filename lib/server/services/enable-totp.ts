import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { checkTotpCode, newTotpSecret, openTotpSecret, sealTotpSecret } from "@/lib/server/totp";

/**
 * Enrolment in the optional second factor, in two steps (issue 8 §4):
 * 1. a new secret is stored, encrypted, with no `totpEnabledAt` yet: the
 *    page shows it as a QR code and as text;
 * 2. the person types the first code their app shows: only then is the
 *    factor on, so a mistyped secret never locks anyone out.
 * Starting again replaces a pending secret; an enabled one must be disabled first.
 */
export async function startTotpEnrolment(db: Db, actor: Actor): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  if (!user) throw new ExpectedError("UNAUTHENTICATED", "Votre session a expiré. Reconnectez-vous.");
  if (user.totpEnabledAt) throw new ExpectedError("INVALID_STEP", "La double authentification est déjà activée sur votre compte.");
  await db.user.update({ where: { id: actor.id }, data: { totpSecretEnc: sealTotpSecret(newTotpSecret()) } });
}

export async function confirmTotpEnrolment(db: Db, actor: Actor, input: { code: string }, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, totpSecretEnc: true, totpEnabledAt: true } });
    if (!user) throw new ExpectedError("UNAUTHENTICATED", "Votre session a expiré. Reconnectez-vous.");
    if (user.totpEnabledAt) throw new ExpectedError("INVALID_STEP", "La double authentification est déjà activée sur votre compte.");
    const secret = user.totpSecretEnc ? openTotpSecret(user.totpSecretEnc) : null;
    if (!secret) throw new ExpectedError("INVALID_STEP", "Commencez par afficher le QR code, puis saisissez le code de votre application.");
    const check = await checkTotpCode(tx, user.id, secret, input.code, now.getTime());
    if (!check.ok) {
      throw new ExpectedError("INVALID_STEP", "Le code ne correspond pas : vérifiez l'heure du téléphone et saisissez le code affiché maintenant.", {
        code: ["Code incorrect : saisissez les 6 chiffres affichés maintenant par l'application."],
      });
    }
    const { count } = await tx.user.updateMany({ where: { id: user.id, totpEnabledAt: null, totpSecretEnc: user.totpSecretEnc }, data: { totpEnabledAt: now } });
    if (count !== 1) throw new ExpectedError("CONFLICT", "Votre compte a changé entre-temps : rechargez la page et recommencez.");
    await writeAudit(tx, { userId: actor.id, action: "user.totp.enable", entity: "User", entityId: user.id, before: { totpEnabledAt: null }, after: { totpEnabledAt: now.toISOString() } });
  });
}

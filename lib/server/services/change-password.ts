import "server-only";
import { passwordProblems } from "@/lib/domain/accounts/password-policy";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { hashPassword, verifyPassword } from "@/lib/server/password";

/**
 * "Mon compte" → change password: the current password is required (a
 * session left open is not enough). The session version is bumped, so every
 * other session of the person stops (a phone lost while signed in); the
 * action then re-issues the current browser's cookie with the new version
 * (lib/server/session.ts `reissueCurrentSession`).
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; password: string },
  now: Date,
): Promise<{ sessionVersion: number }> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true } });
  if (!user) throw new ExpectedError("UNAUTHENTICATED", "Votre session a expiré. Reconnectez-vous.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ExpectedError("INVALID_STEP", "Le mot de passe actuel est incorrect.", { currentPassword: ["Mot de passe actuel incorrect."] });
  }
  const problems = passwordProblems(input.password, { email: user.email, name: user.name });
  if (input.password === input.currentPassword) problems.push("Le nouveau mot de passe doit être différent de l'actuel.");
  if (problems.length) throw new ExpectedError("INVALID_STEP", "Le nouveau mot de passe ne convient pas : corrigez le champ signalé.", { password: problems });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Guarded by the version read: a concurrent change or deactivation wins.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, sessionVersion: user.sessionVersion, active: true },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
    });
    if (count !== 1) throw new ExpectedError("CONFLICT", "Votre compte a changé entre-temps : reconnectez-vous puis recommencez.");
    await writeAudit(tx, { userId: actor.id, action: "user.password.change", entity: "User", entityId: user.id, after: { at: now.toISOString() } });
    return { sessionVersion: user.sessionVersion + 1 };
  });
}

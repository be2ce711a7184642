import "server-only";
import { canManageUser } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";

/**
 * A lost or replaced phone: an administrator removes the person's second
 * factor, after checking who is asking (the person enrols again from "Mon
 * compte"). Their sessions stop, so whoever holds the old phone and a session
 * is out.
 */
export async function resetUserTotp(db: Db, actor: Actor, input: { userId: string }, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, totpEnabledAt: true, totpSecretEnc: true, memberships: { select: { teamId: true } } },
    });
    if (!user || !canManageUser(actor, user.memberships.map((m) => m.teamId))) throw notFound("Ce compte");
    if (user.id === actor.id) throw new ExpectedError("INVALID_STEP", "Désactivez votre propre double authentification depuis « Mon compte ».");
    if (!user.totpEnabledAt && !user.totpSecretEnc) return;
    await tx.user.update({ where: { id: user.id }, data: { totpSecretEnc: null, totpEnabledAt: null, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "user.totp.reset",
      entity: "User",
      entityId: user.id,
      before: { totpEnabledAt: user.totpEnabledAt?.toISOString() ?? null },
      after: { totpEnabledAt: null, at: now.toISOString() },
    });
  });
}

import "server-only";
import { canManageUser } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";

/** An administrator lifts a lockout before its fifteen minutes are up (the person called them). */
export async function unlockUser(db: Db, actor: Actor, input: { userId: string }, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, lockedUntil: true, failedLoginCount: true, memberships: { select: { teamId: true } } },
    });
    if (!user || !canManageUser(actor, user.memberships.map((m) => m.teamId))) throw notFound("Ce compte");
    if (!(user.lockedUntil && user.lockedUntil > now) && user.failedLoginCount === 0) return;
    await tx.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "user.unlock",
      entity: "User",
      entityId: user.id,
      before: { lockedUntil: user.lockedUntil?.toISOString() ?? null, failedLoginCount: user.failedLoginCount },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
  });
}

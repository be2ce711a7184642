import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { lockManagedTeam } from "@/lib/server/services/manage-team-lock";
import type { MemberRoleInput } from "@/lib/validation/teams";

/**
 * Changes a member's role (issue 15). Not one's own: an administrator cannot
 * lock themselves out. The person's open sessions end (sessionVersion), so
 * the new role applies at once.
 */
export async function setMemberRole(db: Db, actor: Actor, input: MemberRoleInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const team = await lockManagedTeam(tx, actor, input.teamId);
    const member = await tx.teamMembership.findUnique({
      where: { userId_teamId: { userId: input.userId, teamId: team.id } },
      select: { user: { select: { id: true, role: true } } },
    });
    if (!member) throw notFound("Ce compte");
    if (member.user.id === actor.id) throw new ExpectedError("INVALID_STEP", "Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.");
    if (member.user.role === input.role) return;
    await tx.user.update({ where: { id: member.user.id }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { userId: actor.id, action: "user.role", entity: "User", entityId: member.user.id, before: { role: member.user.role }, after: { role: input.role, teamId: team.id } });
  });
}

import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { lockManagedTeam } from "@/lib/server/services/manage-team-lock";
import type { RemoveMemberInput } from "@/lib/validation/teams";

/**
 * Takes someone out of the team (issue 15); their cases stay assigned to
 * them until reassigned, and their account stays (deactivate it in Comptes).
 * Not oneself: an administrator cannot lock themselves out.
 */
export async function removeTeamMember(db: Db, actor: Actor, input: RemoveMemberInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const team = await lockManagedTeam(tx, actor, input.teamId);
    if (input.userId === actor.id) throw new ExpectedError("INVALID_STEP", "Vous ne pouvez pas vous retirer vous-même de l'équipe.");
    const membership = await tx.teamMembership.findUnique({ where: { userId_teamId: { userId: input.userId, teamId: team.id } }, select: { userId: true } });
    if (!membership) throw notFound("Ce compte");
    await tx.teamMembership.delete({ where: { userId_teamId: { userId: input.userId, teamId: team.id } } });
    // The membership is read on every request: the person loses the team's data at once.
    await tx.user.update({ where: { id: input.userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { userId: actor.id, action: "team.member.remove", entity: "User", entityId: input.userId, before: { teamId: team.id } });
  });
}

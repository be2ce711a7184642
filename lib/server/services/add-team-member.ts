import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { lockManagedTeam } from "@/lib/server/services/manage-team-lock";
import type { AddMemberInput } from "@/lib/validation/teams";

/**
 * Adds an existing account to the team (issue 15): someone who works for two
 * teams. A new person is invited instead (Comptes). Only accounts of the
 * actor's own teams can be found, so another deployment's users stay unseen.
 */
export async function addTeamMember(db: Db, actor: Actor, input: AddMemberInput): Promise<{ userId: string }> {
  return db.$transaction(async (tx) => {
    const team = await lockManagedTeam(tx, actor, input.teamId);
    const user = await tx.user.findFirst({
      where: { email: input.email, memberships: { some: { teamId: { in: [...actor.teamIds] } } } },
      select: { id: true, name: true, memberships: { where: { teamId: team.id }, select: { teamId: true } } },
    });
    if (!user) {
      throw new ExpectedError("NOT_FOUND", "Aucun compte de vos équipes n'a cette adresse : invitez la personne depuis la page Comptes.", { email: ["Compte introuvable dans vos équipes."] });
    }
    if (user.memberships.length > 0) throw new ExpectedError("INVALID_STEP", `${user.name} fait déjà partie de l'équipe.`, { email: ["Déjà membre de l'équipe."] });
    await tx.teamMembership.create({ data: { userId: user.id, teamId: team.id } });
    await writeAudit(tx, { userId: actor.id, action: "team.member.add", entity: "User", entityId: user.id, after: { teamId: team.id } });
    return { userId: user.id };
  });
}

import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { lockManagedTeam } from "@/lib/server/services/manage-team-lock";
import type { UnlinkOrganisationInput } from "@/lib/validation/teams";

/** The organisation stops being a partner of the team; it stays on file for the accounts that name it (issue 15). */
export async function unlinkPartnerOrganisation(db: Db, actor: Actor, input: UnlinkOrganisationInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const team = await lockManagedTeam(tx, actor, input.teamId);
    const link = await tx.teamOrganisation.findUnique({
      where: { teamId_organisationId: { teamId: team.id, organisationId: input.organisationId } },
      select: { organisation: { select: { id: true, name: true, kind: true } } },
    });
    if (!link) throw notFound("Cette organisation");
    await tx.teamOrganisation.delete({ where: { teamId_organisationId: { teamId: team.id, organisationId: input.organisationId } } });
    await writeAudit(tx, { userId: actor.id, action: "team.organisation.remove", entity: "Organisation", entityId: link.organisation.id, before: { ...link.organisation, teamId: team.id } });
  });
}

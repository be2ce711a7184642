import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { normaliseForSearch } from "@/lib/domain/search-text";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { lockManagedTeam } from "@/lib/server/services/manage-team-lock";
import type { PartnerOrganisationInput } from "@/lib/validation/teams";

/**
 * A partner organisation joins the team (issue 15): the ADIL, an
 * association, a CCAS, an MDS… The same name and kind already known is
 * reused rather than duplicated.
 */
export async function addPartnerOrganisation(db: Db, actor: Actor, input: PartnerOrganisationInput): Promise<{ organisationId: string }> {
  return db.$transaction(async (tx) => {
    const team = await lockManagedTeam(tx, actor, input.teamId);
    // Compared without case nor accents in the app: the database's ILIKE folds accents or not
    // depending on its locale ("CCAS d'Évry" and "ccas d'évry" are one organisation everywhere).
    const sameKind = await tx.teamOrganisation.findMany({
      where: { teamId: team.id, organisation: { kind: input.kind } },
      select: { organisationId: true, organisation: { select: { name: true } } },
    });
    const wanted = normaliseForSearch(input.name);
    const linked = sameKind.find((l) => normaliseForSearch(l.organisation.name) === wanted);
    if (linked) throw new ExpectedError("INVALID_STEP", "Cette organisation est déjà partenaire de l'équipe.", { name: ["Déjà partenaire de l'équipe."] });
    const organisation = await tx.organisation.create({ data: { name: input.name, kind: input.kind }, select: { id: true, name: true, kind: true } });
    await tx.teamOrganisation.create({ data: { teamId: team.id, organisationId: organisation.id } });
    await writeAudit(tx, { userId: actor.id, action: "team.organisation.add", entity: "Organisation", entityId: organisation.id, after: { ...organisation, teamId: team.id } });
    return { organisationId: organisation.id };
  });
}

import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { lockManagedTeam } from "@/lib/server/services/manage-team-lock";
import type { DeleteSectorInput } from "@/lib/validation/teams";

/** Removes a sector no case is filed in (issue 15); move its cases first, so no caseload silently loses its sector. */
export async function deleteSector(db: Db, actor: Actor, input: DeleteSectorInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const team = await lockManagedTeam(tx, actor, input.teamId);
    const sector = await tx.sector.findFirst({ where: { id: input.sectorId, teamId: team.id }, select: { id: true, name: true, postcodes: true, communes: true, _count: { select: { cases: true } } } });
    if (!sector) throw notFound("Ce secteur");
    if (sector._count.cases > 0) {
      throw new ExpectedError("INVALID_STEP", `Le secteur « ${sector.name} » compte ${sector._count.cases} dossier(s) : il ne peut pas être supprimé.`);
    }
    await tx.sector.delete({ where: { id: sector.id } });
    await writeAudit(tx, { userId: actor.id, action: "sector.delete", entity: "Sector", entityId: sector.id, before: { teamId: team.id, name: sector.name, postcodes: sector.postcodes, communes: sector.communes } });
  });
}

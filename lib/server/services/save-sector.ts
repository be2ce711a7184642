import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { overlappingAreas, parseSectorAreas } from "@/lib/domain/teams/sectors";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { lockManagedTeam } from "@/lib/server/services/manage-team-lock";
import type { SectorInput } from "@/lib/validation/teams";

/**
 * Creates or edits a sector and the postcodes and communes it covers
 * (issue 15). A postcode or commune belongs to one sector of the team only,
 * so that a new household's sector is never a guess. Cases already filed
 * keep their sector: changing the areas applies to new households.
 */
export async function saveSector(db: Db, actor: Actor, input: SectorInput): Promise<{ sectorId: string }> {
  const areas = parseSectorAreas(input.areas ?? "");
  return db.$transaction(async (tx) => {
    const team = await lockManagedTeam(tx, actor, input.teamId);
    const sectors = await tx.sector.findMany({ where: { teamId: team.id }, select: { id: true, name: true, postcodes: true, communes: true } });
    const existing = input.sectorId ? sectors.find((s) => s.id === input.sectorId) : undefined;
    if (input.sectorId && !existing) throw notFound("Ce secteur");
    const others = sectors.filter((s) => s.id !== existing?.id);
    if (others.some((s) => s.name.toLocaleLowerCase("fr") === input.name.toLocaleLowerCase("fr"))) {
      throw new ExpectedError("INVALID_STEP", "Un autre secteur porte déjà ce nom.", { name: ["Ce nom est déjà pris par un autre secteur."] });
    }
    const overlaps = overlappingAreas([...others, { name: input.name, ...areas }]);
    if (overlaps.length) {
      throw new ExpectedError("INVALID_STEP", "Un code postal ou une commune ne peut appartenir qu'à un secteur.", { areas: [`Déjà couverts par un autre secteur : ${overlaps.join(", ")}.`] });
    }
    const data = { name: input.name, postcodes: areas.postcodes, communes: areas.communes };
    const saved = existing
      ? await tx.sector.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.sector.create({ data: { teamId: team.id, ...data }, select: { id: true } });
    await writeAudit(tx, {
      userId: actor.id,
      action: existing ? "sector.update" : "sector.create",
      entity: "Sector",
      entityId: saved.id,
      before: existing ? { name: existing.name, postcodes: existing.postcodes, communes: existing.communes } : null,
      after: { teamId: team.id, ...data },
    });
    return { sectorId: saved.id };
  });
}

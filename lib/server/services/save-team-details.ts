import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { lockManagedTeam } from "@/lib/server/services/manage-team-lock";
import type { TeamDetailsInput } from "@/lib/validation/teams";

/** An administrator renames the team or corrects its département (issue 15). */
export async function saveTeamDetails(db: Db, actor: Actor, input: TeamDetailsInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockManagedTeam(tx, actor, input.teamId);
    const after = { name: input.name, departement: input.departement, territory: input.territory ?? null };
    await tx.team.update({ where: { id: before.id }, data: after });
    await writeAudit(tx, { userId: actor.id, action: "team.update", entity: "Team", entityId: before.id, before: { name: before.name, departement: before.departement, territory: before.territory }, after });
  });
}

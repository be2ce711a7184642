import "server-only";
import { canManageTeam } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/server/errors";

/**
 * Every team-administration service starts here (issue 15): the actor may
 * manage this team, else "not found" (another team must not learn it
 * exists); the team row is locked, so two admins' changes apply one after
 * the other.
 */
export async function lockManagedTeam(tx: Prisma.TransactionClient, actor: Actor, teamId: string): Promise<{ id: string; name: string; departement: string; territory: string | null }> {
  if (!canManageTeam(actor, teamId)) throw notFound("Cette équipe");
  const rows = await tx.$queryRaw<Array<{ id: string; name: string; departement: string; territory: string | null }>>`
    SELECT id, name, departement, territory FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
  const team = rows[0];
  if (!team) throw notFound("Cette équipe");
  return team;
}

import "server-only";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";

export interface TeamOptions {
  sectors: { id: string; name: string }[];
  workers: { id: string; name: string; role: string }[];
}

/**
 * The choices a form offers for one team: sectors and team members. Not the
 * landlords (a team has thousands): the new household form searches them
 * (landlord-choices.ts).
 */
export async function getTeamOptions(db: Db, actor: Actor, teamId: string): Promise<TeamOptions> {
  if (!canViewCases(actor, teamId)) return { sectors: [], workers: [] };
  const [sectors, members] = await Promise.all([
    db.sector.findMany({ where: { teamId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.teamMembership.findMany({
      where: { teamId, user: { active: true, role: { in: ["SOCIAL_WORKER", "JURIST", "COORDINATOR"] } } },
      select: { user: { select: { id: true, name: true, role: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  return { sectors, workers: members.map((m) => m.user) };
}

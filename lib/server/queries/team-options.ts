import "server-only";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import type { LandlordKind } from "@/lib/domain/labels";

export interface TeamOptions {
  sectors: { id: string; name: string }[];
  workers: { id: string; name: string; role: string }[];
  landlords: { id: string; name: string; kind: LandlordKind; city: string | null }[];
}

/** The choices a form offers for one team: sectors, team members, landlords. */
export async function getTeamOptions(db: Db, actor: Actor, teamId: string): Promise<TeamOptions> {
  if (!canViewCases(actor, teamId)) return { sectors: [], workers: [], landlords: [] };
  const [sectors, members, landlords] = await Promise.all([
    db.sector.findMany({ where: { teamId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.teamMembership.findMany({
      where: { teamId, user: { active: true, role: { in: ["SOCIAL_WORKER", "JURIST", "COORDINATOR"] } } },
      select: { user: { select: { id: true, name: true, role: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.landlord.findMany({ where: { teamId }, orderBy: { searchText: "asc" }, select: { id: true, name: true, kind: true, city: true } }),
  ]);
  return { sectors, workers: members.map((m) => m.user), landlords };
}

import "server-only";
import { canManageTeam } from "@/lib/domain/permissions";
import type { Actor, Role } from "@/lib/domain/roles";
import { formatSectorAreas } from "@/lib/domain/teams/sectors";
import type { OrganisationKind } from "@/lib/domain/labels";
import type { Db } from "@/lib/server/db";

export interface TeamAdminView {
  id: string;
  name: string;
  departement: string;
  territory: string | null;
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  sectors: { id: string; name: string; areas: string; cases: number }[];
  members: { id: string; name: string; email: string; role: Role; active: boolean }[];
}

/** One team as its administrator manages it (issue 15); null when not allowed or unknown. */
export async function getTeamAdmin(db: Db, actor: Actor, teamId: string): Promise<TeamAdminView | null> {
  if (!canManageTeam(actor, teamId)) return null;
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      departement: true,
      territory: true,
      organisations: { select: { organisation: { select: { id: true, name: true, kind: true } } } },
      sectors: { orderBy: { name: "asc" }, select: { id: true, name: true, postcodes: true, communes: true, _count: { select: { cases: true } } } },
      memberships: { select: { user: { select: { id: true, name: true, email: true, role: true, active: true } } } },
    },
  });
  if (!team) return null;
  return {
    id: team.id,
    name: team.name,
    departement: team.departement,
    territory: team.territory,
    organisations: team.organisations.map((o) => o.organisation).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    sectors: team.sectors.map((s) => ({ id: s.id, name: s.name, areas: formatSectorAreas(s), cases: s._count.cases })),
    members: team.memberships.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

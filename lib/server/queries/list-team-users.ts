import "server-only";
import { canAdminister } from "@/lib/domain/permissions";
import type { Actor, Role } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";

export interface TeamUserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastLoginAt: Date | null;
  teams: string[];
}

/** Accounts of the admin's teams (and accounts with no team yet). */
export async function listTeamUsers(db: Db, actor: Actor): Promise<TeamUserRow[]> {
  if (!canAdminister(actor)) return [];
  const users = await db.user.findMany({
    where: { OR: [{ memberships: { some: { teamId: { in: [...actor.teamIds] } } } }, { memberships: { none: {} } }] },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      memberships: { select: { team: { select: { name: true } } } },
    },
  });
  return users.map((u) => ({ ...u, teams: u.memberships.map((m) => m.team.name) }));
}

import "server-only";
import { accountStatus, type AccountStatus } from "@/lib/domain/accounts/account-status";
import { canManageUser, canManageUsers, canViewTeamMembers } from "@/lib/domain/permissions";
import type { Actor, Role } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: AccountStatus;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  invitationExpiresAt: Date | null;
  totpEnabled: boolean;
  teams: string[];
  /** Whether the viewer may change this account (admins of a shared team); coordinators only look. */
  manageable: boolean;
  isSelf: boolean;
}

/**
 * Accounts the viewer may see (issue 8 scopes): an administrator sees the
 * accounts of their teams and those not yet in any team, and manages them; a
 * coordinator sees the members of their team, read-only. Anyone else: none.
 */
export async function listUsers(db: Db, actor: Actor, now: Date): Promise<UserRow[]> {
  const teamIds = [...actor.teamIds];
  let where;
  if (canManageUsers(actor)) {
    where = { OR: [{ memberships: { some: { teamId: { in: teamIds } } } }, { memberships: { none: {} } }] };
  } else if (teamIds.some((t) => canViewTeamMembers(actor, t))) {
    where = { memberships: { some: { teamId: { in: teamIds.filter((t) => canViewTeamMembers(actor, t)) } } } };
  } else {
    return [];
  }
  const users = await db.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lockedUntil: true,
      lastLoginAt: true,
      invitationTokenHash: true,
      invitationExpiresAt: true,
      totpEnabledAt: true,
      memberships: { select: { team: { select: { id: true, name: true } } } },
    },
  });
  return users.map((u) => {
    const memberOf = u.memberships.map((m) => m.team);
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role as Role,
      status: accountStatus(u, now),
      lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil : null,
      lastLoginAt: u.lastLoginAt,
      invitationExpiresAt: u.invitationTokenHash ? u.invitationExpiresAt : null,
      totpEnabled: !!u.totpEnabledAt,
      teams: memberOf.map((t) => t.name),
      manageable: canManageUser(actor, memberOf.map((t) => t.id)),
      isSelf: u.id === actor.id,
    };
  });
}

/** Teams an administrator may invite people into: their own. */
export async function listInvitableTeams(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (!canManageUsers(actor)) return [];
  return db.team.findMany({ where: { id: { in: [...actor.teamIds] } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

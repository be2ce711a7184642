import type { Role } from "../roles";

/**
 * Rules on changing an account's state that do not depend on who may manage
 * it (permissions.ts says that): an administrator cannot lock themselves out,
 * and the last active administrator of a team cannot be deactivated, or nobody
 * could manage that team's accounts any more (scripts/bootstrap-admin.ts
 * refuses once an admin exists). `otherActiveAdmins` is the smallest number of
 * other active administrators among the person's teams.
 */
export function deactivationRefusal(
  actorId: string,
  target: { id: string; role: Role; active: boolean },
  otherActiveAdmins: number,
): string | null {
  if (target.id === actorId) return "Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.";
  if (target.role === "ADMIN" && target.active && otherActiveAdmins === 0) {
    return "C'est le dernier administrateur actif de son équipe : invitez ou réactivez un autre administrateur avant de le désactiver.";
  }
  return null;
}

import type { Actor, Role } from "./roles";

/**
 * Permission rules as pure functions (STYLE §7): the UI uses them to hide what
 * is not allowed and every service calls them again before reading or writing.
 *
 * Scope is always the team: a person sees only the cases of the teams they
 * belong to. The funder viewer sees aggregate indicators and never personal
 * data, so every rule that touches a household refuses them.
 */

const CASEWORK_ROLES: ReadonlySet<Role> = new Set(["SOCIAL_WORKER", "JURIST", "COORDINATOR", "ADMIN"]);

export function isTeamMember(actor: Actor, teamId: string): boolean {
  return actor.teamIds.includes(teamId);
}

/** May see personal data (households, cases) of the given team. */
export function canViewCases(actor: Actor, teamId: string): boolean {
  return CASEWORK_ROLES.has(actor.role) && isTeamMember(actor, teamId);
}

/** May open the caseload at all (menu entry). */
export function canUseCaseload(actor: Actor): boolean {
  return CASEWORK_ROLES.has(actor.role) && actor.teamIds.length > 0;
}

/**
 * "À faire" is casework: the team's social workers, jurists and coordinators.
 * Admins manage accounts, not cases, and funders never see a household.
 */
export function canViewDueWork(actor: Actor, teamId: string): boolean {
  return canViewCases(actor, teamId) && actor.role !== "ADMIN";
}

/**
 * Casework roles of the team record procedure acts; admins manage accounts,
 * not cases, and funders never see a household.
 */
export function canRecordProcedure(actor: Actor, teamId: string): boolean {
  return canViewCases(actor, teamId) && (actor.role === "SOCIAL_WORKER" || actor.role === "JURIST" || actor.role === "COORDINATOR");
}

/** New household: field workers, jurists and coordinators of the team. Admins manage accounts, not cases. */
export function canCreateHousehold(actor: Actor, teamId: string): boolean {
  return actor.role !== "ADMIN" && actor.role !== "FUNDER_VIEWER" && isTeamMember(actor, teamId);
}

/** Aggregate indicators without personal data. */
export function canViewIndicators(actor: Actor): boolean {
  return (actor.role === "COORDINATOR" || actor.role === "ADMIN" || actor.role === "FUNDER_VIEWER") && actor.teamIds.length > 0;
}

/** Teams, users and funder rates. */
export function canAdminister(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

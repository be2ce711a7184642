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

/**
 * Import of the préfecture's lists (issue 7): the team's social workers,
 * jurists and coordinators, who identify households. Admins manage accounts,
 * not cases; funders never see a household.
 */
export function canImport(actor: Actor, teamId: string): boolean {
  return isTeamMember(actor, teamId) && (actor.role === "SOCIAL_WORKER" || actor.role === "JURIST" || actor.role === "COORDINATOR");
}

/** Aggregate indicators without personal data. */
export function canViewIndicators(actor: Actor): boolean {
  return (actor.role === "COORDINATOR" || actor.role === "ADMIN" || actor.role === "FUNDER_VIEWER") && actor.teamIds.length > 0;
}

/** Teams, users and funder rates. */
export function canAdminister(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

/**
 * Support (issue 5): diagnostics, support weeks and aid requests are recorded
 * by the team's social workers and jurists, who do the casework. Coordinators
 * and admins read the support tab (canViewCases); funders never see it.
 */
export function canRecordSupport(actor: Actor, teamId: string): boolean {
  return canViewCases(actor, teamId) && (actor.role === "SOCIAL_WORKER" || actor.role === "JURIST");
}

/** The billing of a funder agreement: the team's coordinators and admins. Funders see aggregate indicators only. */
export function canViewBilling(actor: Actor, teamId: string): boolean {
  return (actor.role === "COORDINATOR" || actor.role === "ADMIN") && isTeamMember(actor, teamId);
}

/** Creating and editing a team's funder agreements (rates, caps, advance): coordinators and admins of the team. */
export function canManageAgreements(actor: Actor, teamId: string): boolean {
  return canViewBilling(actor, teamId);
}

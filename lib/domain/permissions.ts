import { can, scopeOf } from "./permission-table";
import type { Actor } from "./roles";

/**
 * Permission rules as pure functions (STYLE §7), each one a reading of the
 * permission table (permission-table.ts: role × action × scope): the UI uses
 * them to hide what is not allowed and every service calls them again before
 * reading or writing.
 *
 * Scope is always the team: a person sees only the cases of the teams they
 * belong to. The funder viewer sees aggregate indicators and never personal
 * data, so every rule that touches a household refuses them.
 */


export function isTeamMember(actor: Actor, teamId: string): boolean {
  return actor.teamIds.includes(teamId);
}

/** May see personal data (households, cases) of the given team. */
export function canViewCases(actor: Actor, teamId: string): boolean {
  return can(actor, "case.read", teamId);
}

/** May open the caseload at all (menu entry). */
export function canUseCaseload(actor: Actor): boolean {
  return can(actor, "caseload.open");
}

/**
 * "À faire" is casework: the team's social workers, jurists and coordinators.
 * Admins manage accounts, not cases, and funders never see a household.
 */
export function canViewDueWork(actor: Actor, teamId: string): boolean {
  return can(actor, "duework.read", teamId);
}

/**
 * Casework roles of the team record procedure acts; admins manage accounts,
 * not cases, and funders never see a household.
 */
export function canRecordProcedure(actor: Actor, teamId: string): boolean {
  return can(actor, "procedure.record", teamId);
}

/** New household: field workers, jurists and coordinators of the team. Admins manage accounts, not cases. */
export function canCreateHousehold(actor: Actor, teamId: string): boolean {
  return can(actor, "household.create", teamId);
}

/** Completing what the quick household left out (issue 16), from the case page. */
export function canCompleteHousehold(actor: Actor, teamId: string): boolean {
  return can(actor, "household.complete", teamId);
}

/**
 * Import of the préfecture's lists (issue 7): the team's social workers,
 * jurists and coordinators, who identify households. Admins manage accounts,
 * not cases; funders never see a household.
 */
export function canImport(actor: Actor, teamId: string): boolean {
  return can(actor, "import.run", teamId);
}

/** Aggregate indicators without personal data. */
export function canViewIndicators(actor: Actor): boolean {
  return can(actor, "indicators.read");
}

/** Teams, users and funder rates. */
export function canAdminister(actor: Actor): boolean {
  return scopeOf(actor.role, "users.manage") !== null;
}

/**
 * Support (issue 5): diagnostics, support weeks and aid requests are recorded
 * by the team's social workers and jurists, who do the casework. Coordinators
 * and admins read the support tab (canViewCases); funders never see it.
 */
export function canRecordSupport(actor: Actor, teamId: string): boolean {
  return can(actor, "support.record", teamId);
}

/** The billing of a funder agreement: the team's coordinators and admins. Funders see aggregate indicators only. */
export function canViewBilling(actor: Actor, teamId: string): boolean {
  return can(actor, "billing.read", teamId);
}

/** Creating and editing a team's funder agreements (rates, caps, advance): coordinators and admins of the team. */
export function canManageAgreements(actor: Actor, teamId: string): boolean {
  return can(actor, "agreements.manage", teamId);
}

/**
 * Letters (issue 7). Printing a letter shows a household's name and address:
 * whoever may see the team's cases may print them. Confirming a letter as sent
 * records an outreach step: the roles that record outreach (not admins, who
 * manage accounts, nor funders). The texts and the letterhead speak for the
 * whole team: its coordinators, and the admins who set teams up.
 */
export function canPrepareLetters(actor: Actor, teamId: string): boolean {
  return can(actor, "letters.prepare", teamId);
}

export function canRecordLetters(actor: Actor, teamId: string): boolean {
  return can(actor, "letters.record", teamId);
}

export function canEditLetterTemplates(actor: Actor, teamId: string): boolean {
  return can(actor, "letterTemplates.edit", teamId);
}

/** Issue 13: jurists and coordinators set the team's procedure settings. */
export function canEditProcedureSettings(actor: Actor, teamId: string): boolean {
  return can(actor, "procedureSettings.edit", teamId);
}

/**
 * Accounts (issue 8 "an admin manages teams and users"). An administrator
 * manages the accounts of the teams they belong to, and accounts not yet in
 * any team; they may add someone only to one of their own teams.
 */
export function canManageUsers(actor: Actor): boolean {
  return scopeOf(actor.role, "users.manage") !== null;
}

export function canManageUser(actor: Actor, targetTeamIds: readonly string[]): boolean {
  return canManageUsers(actor) && (targetTeamIds.length === 0 || targetTeamIds.some((t) => isTeamMember(actor, t)));
}

/** A coordinator sees who is in their team (read-only: names, roles, status, last sign-in). */
export function canViewTeamMembers(actor: Actor, teamId: string): boolean {
  return can(actor, "teamMembers.read", teamId);
}

/**
 * The audit page (issue 8 §3): coordinators see the history and the access
 * log of their team's cases; admins see every entry. Funders never: entries
 * carry personal data.
 */
export function canViewAuditLog(actor: Actor): boolean {
  return can(actor, "audit.read");
}

/** Admins see every audit entry; a coordinator only those of their team's cases. */
export function auditScopeIsGlobal(actor: Actor): boolean {
  return scopeOf(actor.role, "audit.read") === "global";
}

/**
 * Retention (issue 8.5): seeing which closed households are due for
 * anonymisation and anonymising them now, for the admin's teams. The daily
 * command (scripts/retention.ts) runs the same service for every team.
 */
export function canManageRetention(actor: Actor): boolean {
  return can(actor, "retention.manage");
}

/** Issue 15: an administrator manages the teams they belong to (details, partners, sectors, members). */
export function canManageTeam(actor: Actor, teamId: string): boolean {
  return can(actor, "teams.manage", teamId);
}

/** Issue 15: the administration's "Équipes" entry. */
export function canManageTeams(actor: Actor): boolean {
  return can(actor, "teams.manage");
}

/** Add or delete documents and photos of a case (issue 19): the team's casework roles. Reading them is canViewCases. */
export function canManageAttachments(actor: Actor, teamId: string): boolean {
  return can(actor, "attachments.manage", teamId);
}

/**
 * Partners and referrals (issue 20). The directory lists offices, not
 * households: every role of the team that works cases reads it; coordinators
 * and admins maintain it. A referral shares a household's data with a
 * partner: the casework roles record it. The household sheet is read like the
 * case; its texts are reviewed by the team's jurist or coordinator.
 */
export function canViewPartners(actor: Actor, teamId: string): boolean {
  return can(actor, "partners.read", teamId);
}

export function canManagePartners(actor: Actor, teamId: string): boolean {
  return can(actor, "partners.manage", teamId);
}

export function canRecordReferrals(actor: Actor, teamId: string): boolean {
  return can(actor, "referrals.record", teamId);
}

export function canEditHouseholdSheet(actor: Actor, teamId: string): boolean {
  return can(actor, "householdSheet.editTemplate", teamId);
}

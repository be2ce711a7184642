import type { Actor, Role } from "./roles";

/**
 * The one permission table (issue 8): role × action × scope. The named rules
 * in permissions.ts read it; the UI uses them to hide what is not allowed and
 * every service, page, route handler and export checks them again. The
 * permission walk (tests/integration/permission-walk.test.ts) holds every
 * server action and route to this table.
 *
 * Scopes:
 * - "team": the target belongs to one of the actor's teams (cases, households,
 *   agreements, templates: everything carries a team);
 * - "any-team": the actor belongs to at least one team (menus, aggregates of
 *   their own teams);
 * - "global": everything (an admin's view of the audit log).
 * A role absent from an action's row is refused.
 */
export type Scope = "team" | "any-team" | "global";

export const PERMISSIONS = {
  /** Personal data of households and cases: the case page, hearing file, support tab, letters' PDFs, exports with names. */
  "case.read": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team", ADMIN: "team" },
  /** The caseload menu entry. */
  "caseload.open": { SOCIAL_WORKER: "any-team", JURIST: "any-team", COORDINATOR: "any-team", ADMIN: "any-team" },
  /** "À faire" and "Ma tournée" (its visits by sector and commune, issue 16): casework, not account management. */
  "duework.read": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  "household.create": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  /** Completing a household later from its case page (issue 16: the quick household): who may create one. */
  "household.complete": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  "outreach.record": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  "procedure.record": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  "hearingFile.edit": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  "support.record": { SOCIAL_WORKER: "team", JURIST: "team" },
  /** Add or delete a case's documents and photos (issue 19); reading them is `case.read`. */
  "attachments.manage": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  "import.run": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  "letters.prepare": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team", ADMIN: "team" },
  "letters.record": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  "letterTemplates.edit": { COORDINATOR: "team", ADMIN: "team" },
  /** The procedure's team settings: "(à vérifier)" interpretations and CCAPEX thresholds (issue 13). */
  "procedureSettings.edit": { JURIST: "team", COORDINATOR: "team" },
  /** Aggregate indicators, never a person: the funder viewer's whole view. */
  "indicators.read": { COORDINATOR: "any-team", ADMIN: "any-team", FUNDER_VIEWER: "any-team" },
  /** The period's case list (numbers, dates, codes): the dashboard's readers who may also read the cases. */
  "indicators.exportCases": { COORDINATOR: "team", ADMIN: "team" },
  "billing.read": { COORDINATOR: "team", ADMIN: "team" },
  "agreements.manage": { COORDINATOR: "team", ADMIN: "team" },
  "teamMembers.read": { COORDINATOR: "team", ADMIN: "team" },
  "users.manage": { ADMIN: "team" },
  /** Issue 15: a team's name, partner organisations, sectors, members and their roles. */
  "teams.manage": { ADMIN: "team" },
  "audit.read": { COORDINATOR: "team", ADMIN: "global" },
  "retention.manage": { ADMIN: "team" },
  // Issue 20: partners, referrals, the household sheet's texts.
  /** The team's partner directory (offices, not households): whoever works the team's cases. */
  "partners.read": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team", ADMIN: "team" },
  /** Adding, editing and importing partners: the coordinator and the admin who set the team up. */
  "partners.manage": { COORDINATOR: "team", ADMIN: "team" },
  /** Orienting a household and recording the follow-up: the casework roles. */
  "referrals.record": { SOCIAL_WORKER: "team", JURIST: "team", COORDINATOR: "team" },
  /** The texts of "Ce qui va se passer": reviewed by the jurist, or the coordinator. Every version is kept. */
  "householdSheet.editTemplate": { JURIST: "team", COORDINATOR: "team" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type PermissionAction = keyof typeof PERMISSIONS;

export const PERMISSION_ACTIONS = Object.keys(PERMISSIONS) as PermissionAction[];

/** The scope the table gives this role for this action, or null when refused. */
export function scopeOf(role: Role, action: PermissionAction): Scope | null {
  const row: Partial<Record<Role, Scope>> = PERMISSIONS[action];
  return row[role] ?? null;
}

/**
 * May the actor do this? With a team id: on that team's data. Without: at all
 * (a menu entry; the team is checked when a target is known).
 */
export function can(actor: Actor, action: PermissionAction, teamId?: string): boolean {
  const scope = scopeOf(actor.role, action);
  if (!scope) return false;
  if (scope === "global") return true;
  if (teamId === undefined) return actor.teamIds.length > 0;
  if (scope === "any-team") return actor.teamIds.length > 0 && actor.teamIds.includes(teamId);
  return actor.teamIds.includes(teamId);
}

/** The roles of the people who use Maintien (see shared/domain/outreach.md). */
export const ROLES = ["SOCIAL_WORKER", "JURIST", "COORDINATOR", "ADMIN", "FUNDER_VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  SOCIAL_WORKER: "Travailleur social",
  JURIST: "Juriste",
  COORDINATOR: "Coordination",
  ADMIN: "Administration",
  FUNDER_VIEWER: "Financeur (indicateurs seulement)",
};

/** The signed-in person as the domain sees them: no database, no session object. */
export interface Actor {
  id: string;
  role: Role;
  teamIds: readonly string[];
}

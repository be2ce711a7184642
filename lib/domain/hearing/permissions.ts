import { canViewCases } from "@/lib/domain/permissions";
import type { Actor, Role } from "@/lib/domain/roles";

const HEARING_FILE_EDITORS: ReadonlySet<Role> = new Set(["SOCIAL_WORKER", "JURIST", "COORDINATOR"]);

/**
 * The hearing file (ledger, claimed debt, requests) is casework of the
 * team's social workers, jurists and coordinators. Admins may read it (they
 * see cases) but manage accounts, not cases; funders never see a household.
 */
export function canEditHearingFile(actor: Actor, teamId: string): boolean {
  return canViewCases(actor, teamId) && HEARING_FILE_EDITORS.has(actor.role);
}

import { can } from "@/lib/domain/permission-table";
import type { Actor } from "@/lib/domain/roles";

/**
 * The hearing file (ledger, claimed debt, requests) is casework of the
 * team's social workers, jurists and coordinators. Admins may read it (they
 * see cases) but manage accounts, not cases; funders never see a household.
 * The rule is the permission table's "hearingFile.edit".
 */
export function canEditHearingFile(actor: Actor, teamId: string): boolean {
  return can(actor, "hearingFile.edit", teamId);
}

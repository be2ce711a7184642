import "server-only";
import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/labels";
import { canViewIndicators, isTeamMember } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";

export interface StateCount {
  state: CaseState;
  count: number;
}

/**
 * Cases per workflow state for one team: an aggregate computed in the
 * database, with no personal data, so coordinators and funders may see it.
 */
export async function countCasesByState(db: Db, actor: Actor, teamId: string): Promise<StateCount[]> {
  const allowed = isTeamMember(actor, teamId) && (canViewIndicators(actor) || actor.role === "SOCIAL_WORKER" || actor.role === "JURIST");
  if (!allowed) return [];
  const groups = await db.case.groupBy({ by: ["state"], where: { teamId }, _count: { _all: true } });
  const byState = new Map(groups.map((g) => [g.state, g._count._all]));
  return (Object.keys(CASE_STATE_LABELS) as CaseState[]).map((state) => ({ state, count: byState.get(state) ?? 0 }));
}

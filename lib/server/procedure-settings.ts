import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { settingsFromRows } from "@/lib/domain/procedure/settings";
import type { ProcedureSettings } from "@/lib/domain/procedure/rules";
import type { Db } from "@/lib/server/db";

type Tx = Prisma.TransactionClient | Db;

/**
 * The procedure settings of teams (issue 13), read by every computation: the
 * case page, the hearing file and its PDF, the stored deadlines. A team
 * without rows gets the defaults.
 */
export async function loadTeamsProcedureSettings(tx: Tx, teamIds: readonly string[]): Promise<Map<string, ProcedureSettings>> {
  const unique = [...new Set(teamIds)];
  const rows = unique.length
    ? await tx.teamProcedureSetting.findMany({ where: { teamId: { in: unique } }, select: { teamId: true, key: true, value: true } })
    : [];
  return new Map(unique.map((teamId) => [teamId, settingsFromRows(rows.filter((r) => r.teamId === teamId))]));
}

export async function loadTeamProcedureSettings(tx: Tx, teamId: string): Promise<ProcedureSettings> {
  return (await loadTeamsProcedureSettings(tx, [teamId])).get(teamId)!;
}

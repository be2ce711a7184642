import "server-only";
import { canEditProcedureSettings } from "@/lib/domain/permissions";
import { describeSettingValue, settingDefinition, settingsFromRows } from "@/lib/domain/procedure/settings";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, notFound } from "@/lib/server/errors";
import { refreshTeamDeadlines } from "@/lib/server/services/refresh-deadlines";
import { parisToday } from "@/lib/utils/dates";
import type { ProcedureSettingInput } from "@/lib/validation/procedure-settings";

/** The version a settings form carries: the row's last change, or "defaut" when the team never set it. */
export function settingToken(row: { changedAt: Date } | null | undefined): string {
  return row ? row.changedAt.toISOString() : "defaut";
}

const CHANGED = "Ce réglage a été modifié par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez la valeur actuelle puis recommencez.";

/**
 * Saves one of the team's procedure settings (issue 13): the row, the audit
 * entry (who, when, before and after, in French too) and the team's stored
 * deadlines recomputed with the new value (CaseDeadline, Case.nextDeadline*,
 * decision 008), in one transaction. Other teams' cases are not touched.
 */
export async function saveProcedureSetting(db: Db, actor: Actor, input: ProcedureSettingInput, now: Date): Promise<{ recomputedCases: number }> {
  if (!canEditProcedureSettings(actor, input.teamId)) throw notFound("Cette équipe");
  const def = settingDefinition(input.key)!;
  return db.$transaction(
    async (tx) => {
      // One writer at a time per team: the recomputation must see the value it saves.
      await tx.$executeRaw`SELECT 1 FROM "Team" WHERE "id" = ${input.teamId} FOR UPDATE`;
      const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
      if (!team) throw notFound("Cette équipe");
      const current = await tx.teamProcedureSetting.findUnique({
        where: { teamId_key: { teamId: input.teamId, key: input.key } },
        select: { id: true, value: true, changedAt: true },
      });
      if (settingToken(current) !== input.token) throw conflict(CHANGED);
      const before = settingsFromRows(current ? [{ key: input.key, value: current.value }] : [])[input.key];
      const changedAt = new Date(Math.max(now.getTime(), (current?.changedAt.getTime() ?? 0) + 1));
      const row = await tx.teamProcedureSetting.upsert({
        where: { teamId_key: { teamId: input.teamId, key: input.key } },
        create: { teamId: input.teamId, key: input.key, value: input.value, changedById: actor.id, changedAt },
        update: { value: input.value, changedById: actor.id, changedAt },
        select: { id: true },
      });
      const recomputedCases = await refreshTeamDeadlines(tx, input.teamId, parisToday(now));
      await writeAudit(tx, {
        userId: actor.id,
        action: "team.procedure_setting",
        entity: "Team",
        entityId: input.teamId,
        before: { key: input.key, value: before, text: describeSettingValue(def, before), isDefault: !current },
        after: { key: input.key, value: input.value, text: describeSettingValue(def, input.value), settingId: row.id, recomputedCases },
      });
      return { recomputedCases };
    },
    { timeout: 120_000 },
  );
}

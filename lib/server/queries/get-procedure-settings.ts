import "server-only";
import { canEditProcedureSettings } from "@/lib/domain/permissions";
import { RULES } from "@/lib/domain/procedure/rules";
import { DEFAULT_PROCEDURE_SETTINGS, type ProcedureSettings } from "@/lib/domain/procedure/rules";
import { describeSettingValue, SETTING_DEFINITIONS, settingsFromRows, type SettingDefinition } from "@/lib/domain/procedure/settings";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { settingToken } from "@/lib/server/services/save-procedure-setting";

export interface ProcedureSettingView {
  definition: SettingDefinition;
  /** The value in force, as the form's default ("2", "true", "cql"). */
  value: string;
  valueText: string;
  defaultText: string;
  isDefault: boolean;
  ruleTitle: string;
  article: string;
  /** The rule's dated "à vérifier" note, when it has one. */
  verifyNote: string | null;
  changedBy: string | null;
  changedAt: Date | null;
  token: string;
}

export interface ProcedureSettingsPage {
  teamId: string;
  teamName: string;
  departement: string;
  settings: ProcedureSettingView[];
}

/** The team's procedure settings for the settings page (issue 13); null when the actor may not set them. */
export async function getProcedureSettings(db: Db, actor: Actor, teamId: string): Promise<ProcedureSettingsPage | null> {
  if (!canEditProcedureSettings(actor, teamId)) return null;
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      departement: true,
      procedureSettings: { select: { key: true, value: true, changedAt: true, changedBy: { select: { name: true } } } },
    },
  });
  if (!team) return null;
  const current: ProcedureSettings = settingsFromRows(team.procedureSettings);
  return {
    teamId: team.id,
    teamName: team.name,
    departement: team.departement,
    settings: SETTING_DEFINITIONS.map((def) => {
      const row = team.procedureSettings.find((r) => r.key === def.key) ?? null;
      const rule = RULES[def.ruleId];
      return {
        definition: def,
        value: String(current[def.key]),
        valueText: describeSettingValue(def, current[def.key]),
        defaultText: describeSettingValue(def, DEFAULT_PROCEDURE_SETTINGS[def.key]),
        isDefault: !row,
        ruleTitle: rule.title,
        article: rule.article,
        verifyNote: rule.verify?.note ?? null,
        changedBy: row ? (row.changedBy?.name ?? "un compte supprimé") : null,
        changedAt: row?.changedAt ?? null,
        token: settingToken(row),
      };
    }),
  };
}

import { z } from "zod";
import { parseSettingValue, settingDefinition, SETTING_KEYS, type SettingKey } from "@/lib/domain/procedure/settings";

/**
 * One procedure setting of a team (issue 13). `token` is the version the form
 * showed (the row's last change, or "defaut"): a colleague's change in
 * between is refused, never overwritten silently.
 */
export const procedureSettingSchema = z
  .object({
    teamId: z.string().min(1).max(64),
    key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], { error: "Réglage inconnu." }),
    value: z.string().max(40).optional(),
    token: z.string().max(64),
  })
  .transform((v, ctx) => {
    const def = settingDefinition(v.key)!;
    const parsed = parseSettingValue(def, v.value ?? "");
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["value"], message: parsed.error });
      return z.NEVER;
    }
    return { teamId: v.teamId, key: v.key, value: parsed.value, token: v.token };
  });

export type ProcedureSettingInput = z.output<typeof procedureSettingSchema>;

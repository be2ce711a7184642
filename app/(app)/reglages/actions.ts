"use server";

import { revalidatePath } from "next/cache";
import { settingDefinition } from "@/lib/domain/procedure/settings";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { saveProcedureSetting } from "@/lib/server/services/save-procedure-setting";
import { procedureSettingSchema } from "@/lib/validation/procedure-settings";

export const saveProcedureSettingAction = formAction(procedureSettingSchema, async (input, { user, now }) => {
  try {
    const { recomputedCases } = await saveProcedureSetting(db, user, input, now);
    return {
      status: "success",
      message: `« ${settingDefinition(input.key)!.label} » enregistré. Les échéances de ${recomputedCases} dossier${recomputedCases > 1 ? "s" : ""} de l'équipe ont été recalculées.`,
    };
  } finally {
    // Success or refusal (someone changed it first), the page shows the values as they are now.
    revalidatePath("/reglages");
  }
});

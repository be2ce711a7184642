"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { saveHouseholdSheetTemplate } from "@/lib/server/services/save-household-sheet-template";
import { sheetTemplateSchema } from "@/lib/validation/referrals";

export const saveSheetTemplateAction = formAction(sheetTemplateSchema, async (input, { user }) => {
  try {
    const { version } = await saveHouseholdSheetTemplate(db, user, input);
    return { status: "success", message: `Version ${version} enregistrée : c'est désormais celle des fiches. Les versions précédentes restent consultables.` };
  } finally {
    revalidatePath("/fiche-menage");
  }
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { anonymiseClosedCases } from "@/lib/server/services/anonymise-closed-cases";
import { checkbox } from "@/lib/validation/fields";

const runRetentionSchema = z.object({
  confirm: checkbox.refine((v) => v, "Cochez la case pour confirmer : l'anonymisation est définitive."),
});

/** "Anonymiser maintenant les dossiers échus": the daily command's service, for the admin's teams. */
export const runRetentionAction = formAction(runRetentionSchema, async (_input, { user, now }) => {
  try {
    const result = await anonymiseClosedCases(db, user, { months: getEnv().RETENTION_MONTHS_AFTER_CLOSURE, dryRun: false, trigger: "ADMIN" }, now);
    const n = result.households.length;
    const skipped = result.skipped.length ? ` ${result.skipped.length} ménage(s) laissé(s) tel(s) quel(s) (un dossier a changé entre-temps).` : "";
    return {
      status: "success",
      message: n === 0 ? `Aucun ménage n'était échu : rien n'a été anonymisé.${skipped}` : `${n} ménage(s) anonymisé(s).${skipped}`,
    };
  } finally {
    revalidatePath("/administration/retention");
  }
});

"use server";

import { revalidatePath } from "next/cache";
import { PROCEDURE_STAGE_LABELS } from "@/lib/domain/labels";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { recordProcedureEvent } from "@/lib/server/services/record-procedure-event";
import { procedureEventSchema } from "@/lib/validation/procedure";

export const recordProcedureEventAction = formAction(procedureEventSchema, async (input, { user, now }) => {
  try {
    await recordProcedureEvent(db, user, input, now);
  } finally {
    // Success or refusal (someone else recorded first), the page shows the case as it is now.
    revalidatePath(`/dossiers/${input.caseId}`);
  }
  return { status: "success", message: `« ${PROCEDURE_STAGE_LABELS[input.stage]} » enregistré. Les délais ont été recalculés.` };
});

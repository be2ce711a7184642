"use server";

import { revalidatePath } from "next/cache";
import { OUTREACH_SAVED_MESSAGES } from "@/lib/domain/outreach/saved-messages";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { recordFirstLetters } from "@/lib/server/services/record-first-letters";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { firstLettersSchema, outreachEventSchema } from "@/lib/validation/outreach";

export const recordOutreachEventAction = formAction(outreachEventSchema, async (input, { user, now }) => {
  let eventId: string;
  try {
    // A replay of the same submission (double tap) answers with the event already recorded.
    ({ eventId } = await recordOutreachEvent(db, user, input, now));
  } finally {
    // Success or refusal (someone else recorded first), the page shows the case as it is now.
    revalidatePath(`/dossiers/${input.caseId}`);
  }
  return { status: "success", message: OUTREACH_SAVED_MESSAGES[input.kind], id: eventId };
});

/** Issue 15: "Premiers courriers", the tenant's and (when known) the landlord's letters in one step. */
export const recordFirstLettersAction = formAction(firstLettersSchema, async (input, { user, now }) => {
  let landlordLetter = false;
  try {
    ({ landlordLetter } = await recordFirstLetters(db, user, input, now));
  } finally {
    revalidatePath(`/dossiers/${input.caseId}`);
  }
  return {
    status: "success",
    message: landlordLetter ? "Premiers courriers enregistrés : au locataire et au bailleur." : "Courrier au locataire enregistré (aucun bailleur n'est renseigné).",
  };
});

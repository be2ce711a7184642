"use server";

import { revalidatePath } from "next/cache";
import type { OutreachKind } from "@/lib/domain/labels";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { recordFirstLetters } from "@/lib/server/services/record-first-letters";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { firstLettersSchema, outreachEventSchema } from "@/lib/validation/outreach";

const DONE: Record<OutreachKind, string> = {
  LETTER_TENANT: "Courrier au locataire enregistré.",
  LETTER_LANDLORD: "Courrier au bailleur enregistré.",
  SMS: "SMS enregistré.",
  EMAIL: "Courriel enregistré.",
  PHONE_CALL: "Appel sans réponse enregistré.",
  VISIT: "Visite enregistrée.",
  REMINDER: "Relance enregistrée.",
  HOUSEHOLD_CONTACT: "Contact enregistré : le ménage est accompagné.",
  LANDLORD_CONTACT: "Contact du bailleur enregistré.",
  CLOSURE: "Dossier clôturé.",
  REOPENING: "Dossier rouvert.",
};

export const recordOutreachEventAction = formAction(outreachEventSchema, async (input, { user, now }) => {
  try {
    await recordOutreachEvent(db, user, input, now);
  } finally {
    // Success or refusal (someone else recorded first), the page shows the case as it is now.
    revalidatePath(`/dossiers/${input.caseId}`);
  }
  return { status: "success", message: DONE[input.kind] };
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

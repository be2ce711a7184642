"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { completeHousehold } from "@/lib/server/services/complete-household";
import { completeHouseholdSchema } from "@/lib/validation/complete-household";

/** "Compléter le ménage" from the case page's Ménage section (issue 16 §4). */
export const completeHouseholdAction = formAction(completeHouseholdSchema, async (input, { user, now }) => {
  try {
    await completeHousehold(db, user, input, now);
  } finally {
    revalidatePath(`/dossiers/${input.caseId}`);
  }
  return { status: "success", message: "Ménage complété." };
});

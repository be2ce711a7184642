"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { saveFunderAgreement } from "@/lib/server/services/save-funder-agreement";
import { agreementSchema } from "@/lib/validation/billing";

export const saveAgreementAction = formAction(agreementSchema, async (input, { user }) => {
  let agreementId: string | null = null;
  try {
    ({ agreementId } = await saveFunderAgreement(db, user, input));
  } finally {
    revalidatePath("/facturation");
    if (input.agreementId) revalidatePath(`/facturation/conventions/${input.agreementId}`);
  }
  redirect(`/facturation?convention=${agreementId}`);
});

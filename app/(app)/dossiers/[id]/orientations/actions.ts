"use server";

import { revalidatePath } from "next/cache";
import { REFERRAL_STATUS_LABELS } from "@/lib/domain/referrals/referral";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { recordReferral, recordReferralFollowUp } from "@/lib/server/services/record-referral";
import { sendReferralEmail } from "@/lib/server/services/send-referral-email";
import { referralEmailSchema, referralFollowUpSchema, referralSchema } from "@/lib/validation/referrals";

const refresh = (caseId: string) => revalidatePath(`/dossiers/${caseId}/orientations`);

export const recordReferralAction = formAction(referralSchema, async (input, { user, now }) => {
  try {
    await recordReferral(db, user, input, now);
    return { status: "success", message: input.consent === "NONE" ? "Orientation enregistrée, sans données personnelles transmises." : "Orientation enregistrée. Imprimez le courrier ou envoyez-le par e-mail ci-dessous." };
  } finally {
    refresh(input.caseId);
  }
});

export const recordReferralFollowUpAction = formAction(referralFollowUpSchema, async (input, { user, now }) => {
  try {
    const { status } = await recordReferralFollowUp(db, user, input, now);
    return { status: "success", message: `Suite enregistrée : ${REFERRAL_STATUS_LABELS[status]}.` };
  } finally {
    refresh(input.caseId);
  }
});

export const sendReferralEmailAction = formAction(referralEmailSchema, async (input, { user, now }) => {
  try {
    const { to } = await sendReferralEmail(db, user, input, now);
    return { status: "success", message: `Courrier d'orientation envoyé par e-mail à ${to}.` };
  } finally {
    refresh(input.caseId);
  }
});

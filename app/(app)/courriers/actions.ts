"use server";

import { revalidatePath } from "next/cache";
import { LETTER_KIND_LABELS, LETTER_KIND_PLURALS } from "@/lib/domain/letters/kinds";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { confirmLettersSent, type ConfirmLettersResult } from "@/lib/server/services/confirm-letters-sent";
import { resetLetterTemplate, saveLetterTemplate } from "@/lib/server/services/save-letter-template";
import { saveLetterhead } from "@/lib/server/services/save-letterhead";
import { sendLetterEmail } from "@/lib/server/services/send-letter-email";
import { sendSms } from "@/lib/server/services/send-sms";
import type { ActionState } from "@/lib/validation/action-state";
import { confirmLettersSchema, letterheadSchema, letterTemplateSchema, resetLetterTemplateSchema, sendLetterEmailSchema, sendSmsSchema } from "@/lib/validation/letters";

// Success or refusal (someone changed it first), pages show the data as it is now.
const refreshSettings = () => revalidatePath("/courriers/modeles");

export const saveLetterTemplateAction = formAction(letterTemplateSchema, async (input, { user, now }) => {
  try {
    await saveLetterTemplate(db, user, input, now);
  } finally {
    refreshSettings();
  }
  return { status: "success", message: `Modèle « ${LETTER_KIND_LABELS[input.kind]} » enregistré.` };
});

export const resetLetterTemplateAction = formAction(resetLetterTemplateSchema, async (input, { user }) => {
  try {
    await resetLetterTemplate(db, user, input);
  } finally {
    refreshSettings();
  }
  return { status: "success", message: `Modèle « ${LETTER_KIND_LABELS[input.kind]} » : le texte proposé par l'application est rétabli.` };
});

export const saveLetterheadAction = formAction(letterheadSchema, async (input, { user }) => {
  try {
    await saveLetterhead(db, user, input);
  } finally {
    refreshSettings();
  }
  return { status: "success", message: "En-tête et signature enregistrés." };
});

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The confirmation's report in French: what was recorded, and each case that was not, with why. */
function report(kind: keyof typeof LETTER_KIND_LABELS, result: ConfirmLettersResult): ActionState {
  const lines = result.refused.map((r) => `Dossier n° ${r.number} (${r.displayName}) : ${r.reason}`);
  if (result.recorded.length === 0) {
    return { status: "error", formError: [`Aucun envoi enregistré.`, ...lines].join("\n"), fieldErrors: {}, values: {}, submission: Date.now() };
  }
  const head =
    result.recorded.length === 1
      ? `${LETTER_KIND_LABELS[kind]} : envoi enregistré sur le dossier.`
      : `${plural(result.recorded.length, "envoi enregistré", "envois enregistrés")} (${LETTER_KIND_PLURALS[kind]}).`;
  const tail = lines.length ? [`${plural(lines.length, "dossier n'a pas été enregistré", "dossiers n'ont pas été enregistrés")} :`, ...lines] : [];
  return { status: "success", message: [head, ...tail].join("\n") };
}

export const confirmLettersAction = formAction(confirmLettersSchema, async (input, { user, now }) => {
  let result: ConfirmLettersResult;
  try {
    result = await confirmLettersSent(db, user, input, now);
  } finally {
    revalidatePath("/courriers", "layout");
    for (const c of input.cases.slice(0, 50)) revalidatePath(`/dossiers/${c.id}`);
  }
  return report(input.kind, result);
});

export const sendLetterEmailAction = formAction(sendLetterEmailSchema, async (input, { user, now }) => {
  try {
    const { to } = await sendLetterEmail(db, user, input, now);
    return { status: "success", message: `E-mail envoyé à ${to} et enregistré dans l'historique.` };
  } finally {
    revalidatePath(`/courriers/dossiers/${input.caseId}`);
    revalidatePath(`/dossiers/${input.caseId}`);
  }
});

export const sendSmsAction = formAction(sendSmsSchema, async (input, { user, now }) => {
  try {
    await sendSms(db, user, input, now);
  } finally {
    revalidatePath(`/courriers/dossiers/${input.caseId}`);
    revalidatePath(`/dossiers/${input.caseId}`);
  }
  return { status: "success", message: "SMS enregistré dans l'historique." };
});

"use server";

import { revalidatePath } from "next/cache";
import { AID_KIND_LABELS, DIAGNOSTIC_KIND_LABELS } from "@/lib/domain/labels";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { endSupportPeriod } from "@/lib/server/services/end-support-period";
import { recordSupportWeek } from "@/lib/server/services/record-support-week";
import { saveAidRequest } from "@/lib/server/services/save-aid-request";
import { saveDiagnostic } from "@/lib/server/services/save-diagnostic";
import { startSupportPeriod } from "@/lib/server/services/start-support-period";
import { formatDay } from "@/lib/utils/dates";
import { aidRequestSchema, diagnosticSchema, endSupportSchema, startSupportSchema, supportWeekSchema } from "@/lib/validation/support";

// Success or refusal (someone else changed the case first), the tab shows the support as it is now.
const refresh = (caseId: string) => revalidatePath(`/dossiers/${caseId}/accompagnement`);

export const saveDiagnosticAction = formAction(diagnosticSchema, async (input, { user, now }) => {
  try {
    const { created } = await saveDiagnostic(db, user, input, now);
    return { status: "success", message: `${DIAGNOSTIC_KIND_LABELS[input.kind]} du ${formatDay(input.doneOn)} ${created ? "enregistré" : "modifié"}.` };
  } finally {
    refresh(input.caseId);
  }
});

export const startSupportAction = formAction(startSupportSchema, async (input, { user, now }) => {
  try {
    await startSupportPeriod(db, user, input, now);
    return { status: "success", message: `Accompagnement commencé le ${formatDay(input.startedOn)}.` };
  } finally {
    refresh(input.caseId);
  }
});

export const recordSupportWeekAction = formAction(supportWeekSchema, async (input, { user, now }) => {
  try {
    const { created } = await recordSupportWeek(db, user, input, now);
    return { status: "success", message: created ? "Semaine d'accompagnement enregistrée." : "Semaine corrigée." };
  } finally {
    refresh(input.caseId);
  }
});

export const endSupportAction = formAction(endSupportSchema, async (input, { user, now }) => {
  try {
    await endSupportPeriod(db, user, input, now);
    return { status: "success", message: `Accompagnement terminé le ${formatDay(input.endedOn)}.` };
  } finally {
    refresh(input.caseId);
  }
});

export const saveAidRequestAction = formAction(aidRequestSchema, async (input, { user, now }) => {
  try {
    await saveAidRequest(db, user, input, now);
    return { status: "success", message: `${AID_KIND_LABELS[input.kind]} : démarche enregistrée.` };
  } finally {
    refresh(input.caseId);
  }
});

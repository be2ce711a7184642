"use server";

import { revalidatePath } from "next/cache";
import { formatMonthTitle } from "@/lib/domain/hearing/month";
import { HEARING_REQUEST_LABELS } from "@/lib/domain/hearing/requests";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { deleteLedgerLine } from "@/lib/server/services/delete-ledger-line";
import { saveClaimedDebt } from "@/lib/server/services/save-claimed-debt";
import { saveHearingRequest } from "@/lib/server/services/save-hearing-request";
import { saveLedgerLine } from "@/lib/server/services/save-ledger-line";
import { claimedDebtSchema, deleteLedgerLineSchema, hearingRequestSchema, ledgerLineSchema } from "@/lib/validation/hearing";

// Success or refusal (someone else changed the file first), the page shows the hearing file as it is now.
const refresh = (caseId: string) => revalidatePath(`/dossiers/${caseId}/audience`);

export const saveLedgerLineAction = formAction(ledgerLineSchema, async (input, { user, now }) => {
  try {
    const { created } = await saveLedgerLine(db, user, input, now);
    return { status: "success", message: `${formatMonthTitle(input.month)} ${created ? "ajouté au relevé" : "modifié"}.` };
  } finally {
    refresh(input.caseId);
  }
});

export const deleteLedgerLineAction = formAction(deleteLedgerLineSchema, async (input, { user }) => {
  try {
    await deleteLedgerLine(db, user, input);
    return { status: "success", message: "Mois supprimé du relevé." };
  } finally {
    refresh(input.caseId);
  }
});

export const saveHearingRequestAction = formAction(hearingRequestSchema, async (input, { user }) => {
  try {
    await saveHearingRequest(db, user, input);
    return { status: "success", message: `${HEARING_REQUEST_LABELS[input.kind]} : demande enregistrée.` };
  } finally {
    refresh(input.caseId);
  }
});

export const saveClaimedDebtAction = formAction(claimedDebtSchema, async (input, { user, now }) => {
  try {
    await saveClaimedDebt(db, user, input, now);
    return { status: "success", message: "Dette réclamée enregistrée." };
  } finally {
    refresh(input.caseId);
    // The case page shows the declared debt too.
    revalidatePath(`/dossiers/${input.caseId}`);
  }
});

"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { deleteAttachment } from "@/lib/server/services/add-attachment";
import { deleteAttachmentSchema } from "@/lib/validation/attachments";

export const deleteAttachmentAction = formAction(deleteAttachmentSchema, async (input, { user }) => {
  try {
    await deleteAttachment(db, user, input);
    return { status: "success", message: "Document supprimé." };
  } finally {
    revalidatePath(`/dossiers/${input.caseId}/documents`);
  }
});

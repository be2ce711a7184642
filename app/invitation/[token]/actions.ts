"use server";

import { redirect } from "next/navigation";
import { ExpectedError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { acceptInvitation } from "@/lib/server/services/accept-invitation";
import type { ActionState } from "@/lib/validation/action-state";
import { acceptInvitationSchema } from "@/lib/validation/accounts";
import { formDataToObject } from "@/lib/validation/form-data";

/**
 * The invitee is not signed in, so this action does not go through
 * formAction (which requires a session); it does the same steps: zod with
 * French messages, the service, expected refusals as a form message.
 */
export async function acceptInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  const parsed = acceptInvitationSchema.safeParse(raw);
  const fail = (formError: string, fieldErrors: Record<string, string[]> = {}): ActionState => ({ status: "error", formError, fieldErrors, values: {}, submission: Date.now() });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
    return fail("Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors);
  }
  try {
    await acceptInvitation(db, { token: parsed.data.token, password: parsed.data.password }, new Date());
  } catch (error) {
    if (error instanceof ExpectedError) return fail(error.message, error.fieldErrors);
    throw error;
  }
  redirect("/connexion?invitation=acceptee");
}

"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { expectedSetupCode } from "@/lib/server/setup-code";
import { setupFirstTeam } from "@/lib/server/services/setup-first-team";
import type { ActionState } from "@/lib/validation/action-state";
import { formDataToObject } from "@/lib/validation/form-data";
import { setupTeamSchema } from "@/lib/validation/setup";

const SECRET = /password|confirmation|setupCode/;

/**
 * Nobody is signed in before the first account exists, so this action does
 * not go through formAction; it does the same steps (zod with French
 * messages, one service, expected refusals as a form message). The service
 * refuses once any account exists and without the setup code.
 */
export async function setupTeamAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET.test(k)));
  const fail = (formError: string, fieldErrors: Record<string, string[]> = {}): ActionState => ({ status: "error", formError, fieldErrors, values, submission: Date.now() });
  const parsed = setupTeamSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
    return fail("Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors);
  }
  try {
    await setupFirstTeam(db, parsed.data, expectedSetupCode());
  } catch (error) {
    if (error instanceof ExpectedError) return fail(error.message, error.fieldErrors);
    throw error;
  }
  redirect("/connexion?installation=terminee");
}

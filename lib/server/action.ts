import "server-only";
import type { z } from "zod";
import "@/lib/validation/zod-config";
import { ExpectedError } from "@/lib/server/errors";
import { getCurrentUser, type CurrentUser } from "@/lib/server/session";
import type { ActionState } from "@/lib/validation/action-state";
import { formDataToObject } from "@/lib/validation/form-data";



const SECRET_FIELDS = /password|motdepasse/i;

function keepValues(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET_FIELDS.test(k)));
}

function errorState(raw: Record<string, unknown>, formError?: string, fieldErrors: Record<string, string[]> = {}, code?: string): ActionState {
  return { status: "error", formError, fieldErrors, values: keepValues(raw), submission: Date.now(), ...(code ? { code } : {}) };
}

/**
 * The one wrapper for form actions (STYLE "A server action, in prose"):
 * 1. the signed-in user or a refusal; 2. zod parse with French field errors;
 * 3. the body, which calls one service and redirects or revalidates;
 * 4. expected refusals become a form message; anything else is a bug.
 */
export function formAction<S extends z.ZodType>(
  /** The schema, or a schema for this instant (rules against today, issue 16: all errors in one round). */
  schema: S | ((now: Date) => S),
  body: (input: z.output<S>, ctx: { user: CurrentUser; now: Date }) => Promise<ActionState | void>,
) {
  return async function run(_prev: ActionState, formData: FormData): Promise<ActionState> {
    const raw = formDataToObject(formData);
    const user = await getCurrentUser();
    if (!user) return errorState(raw, "Votre session a expiré. Reconnectez-vous dans un autre onglet puis renvoyez le formulaire.", {}, "UNAUTHENTICATED");
    const now = new Date();
    const parsed = (typeof schema === "function" ? schema(now) : schema).safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join(".");
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return errorState(raw, "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors);
    }
    try {
      return (await body(parsed.data, { user, now })) ?? { status: "success" };
    } catch (error) {
      if (error instanceof ExpectedError) return errorState(raw, error.message, error.fieldErrors, error.code);
      throw error;
    }
  };
}

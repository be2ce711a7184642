"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { LOCKOUT_MINUTES, signIn } from "@/lib/server/auth-config";

export interface SignInState {
  error?: string;
  fieldErrors?: { email?: string; password?: string };
  email?: string;
  submission?: number;
}

const schema = z.object({
  email: z.string().trim().min(1, "Saisissez votre adresse e-mail.").max(254).email("Adresse e-mail invalide (ex. nom@exemple.fr)."),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(512, "Mot de passe trop long."),
});

/** Only same-site paths are accepted as a destination after sign-in. */
function safeDestination(value: FormDataEntryValue | null): string {
  return typeof value === "string" && /^\/(?!\/)[\w\-/?=&%.]*$/.test(value) && !value.startsWith("/connexion") ? value : "/";
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = schema.safeParse({ email, password: formData.get("password") ?? "" });
  const submission = Date.now();
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors;
    return { email, submission, fieldErrors: { email: flat.email?.[0], password: flat.password?.[0] } };
  }
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: safeDestination(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "locked") {
        return { email, submission, error: `Trop de tentatives de connexion. Votre compte est bloqué pendant ${LOCKOUT_MINUTES} minutes.` };
      }
      return { email, submission, error: "Adresse e-mail ou mot de passe incorrect." };
    }
    throw error; // the redirect that follows a successful sign-in
  }
  return {};
}

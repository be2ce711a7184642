"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { CHALLENGE_EXPIRED, INVALID_CREDENTIALS, lockedMessage, rateLimitedMessage, TOTP_INVALID } from "@/lib/domain/accounts/sign-in-messages";
import { SignInRefused, signIn } from "@/lib/server/auth-config";

export interface SignInState {
  error?: string;
  fieldErrors?: { email?: string; password?: string; totp?: string };
  email?: string;
  submission?: number;
  /** Second step: the password was right, the account asks for its 6-digit code. */
  challenge?: string;
}

const passwordStep = z.object({
  email: z.string().trim().min(1, "Saisissez votre adresse e-mail.").max(254, "Adresse e-mail trop longue.").email("Adresse e-mail invalide (ex. nom@exemple.fr)."),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(512, "Mot de passe trop long."),
});

const codeStep = z.object({
  challenge: z.string().min(1).max(1000),
  totp: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().min(1, "Saisissez le code à 6 chiffres.").regex(/^\d{6}$/, "Le code comporte 6 chiffres (ex. 123456).")),
});

/** Only same-site paths are accepted as a destination after sign-in. */
function safeDestination(value: FormDataEntryValue | null): string {
  return typeof value === "string" && /^\/(?!\/)[\w\-/?=&%.]*$/.test(value) && !value.startsWith("/connexion") ? value : "/";
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const submission = Date.now();
  const redirectTo = safeDestination(formData.get("callbackUrl"));
  let credentials: Record<string, string>;
  if (formData.get("challenge")) {
    const parsed = codeStep.safeParse({ challenge: formData.get("challenge"), totp: formData.get("totp") ?? "" });
    if (!parsed.success) {
      const challenge = String(formData.get("challenge")).slice(0, 1000);
      return { email, submission, challenge, fieldErrors: { totp: z.flattenError(parsed.error).fieldErrors.totp?.[0] ?? "Saisissez le code à 6 chiffres." } };
    }
    credentials = { challenge: parsed.data.challenge, totp: parsed.data.totp };
  } else {
    const parsed = passwordStep.safeParse({ email, password: formData.get("password") ?? "" });
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors;
      return { email, submission, fieldErrors: { email: flat.email?.[0], password: flat.password?.[0] } };
    }
    credentials = { email: parsed.data.email, password: parsed.data.password };
  }
  try {
    // redirect: false, then our own relative redirect: Auth.js would build an
    // absolute URL from the Host header (issue 14).
    await signIn("credentials", { ...credentials, redirect: false });
  } catch (error) {
    if (error instanceof SignInRefused) {
      const r = error.result;
      const now = new Date();
      switch (r.reason) {
        case "locked":
          return { email, submission, error: lockedMessage(r.until, now) };
        case "rate-limited":
          return { email, submission, error: rateLimitedMessage(r.until, now) };
        case "totp-required":
          return { email, submission: undefined, challenge: r.challenge };
        case "totp-invalid":
          return { email, submission, challenge: r.challenge, fieldErrors: { totp: TOTP_INVALID } };
        case "challenge-expired":
          return { email, submission, error: CHALLENGE_EXPIRED };
      }
    }
    if (error instanceof AuthError) return { email, submission, error: INVALID_CREDENTIALS };
    throw error;
  }
  redirect(redirectTo);
}

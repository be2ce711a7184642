"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/connexion/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState<SignInState, FormData>(signInAction, {});
  if (state.challenge) {
    return (
      <form action={action} key={`code-${state.submission ?? 0}`} className="flex flex-col gap-4" noValidate>
        <p className="text-slate-800">
          Votre compte est protégé par une double authentification. Saisissez le code à 6 chiffres affiché par votre application
          d&apos;authentification.
        </p>
        <FormAlert message={state.error} submission={state.submission} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <input type="hidden" name="challenge" value={state.challenge} />
        <input type="hidden" name="email" value={state.email ?? ""} />
        <TextField
          name="totp"
          label="Code de vérification"
          hint="6 chiffres, renouvelés toutes les 30 secondes."
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          autoFocus
          errors={state.fieldErrors?.totp ? [state.fieldErrors.totp] : undefined}
        />
        <SubmitButton pendingLabel="Vérification…">Valider le code</SubmitButton>
        <a href="/connexion" className="self-start font-medium text-blue-800 underline underline-offset-4">
          Recommencer avec une autre adresse
        </a>
      </form>
    );
  }
  return (
    <form action={action} key={state.submission} className="flex flex-col gap-4" noValidate>
      <FormAlert message={state.error} submission={state.submission} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="email"
        label="Adresse e-mail"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={state.email}
        errors={state.fieldErrors?.email ? [state.fieldErrors.email] : undefined}
        autoFocus={!state.error}
      />
      <TextField
        name="password"
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password ? [state.fieldErrors.password] : undefined}
        autoFocus={!!state.email && !state.fieldErrors?.email && !state.error}
      />
      <SubmitButton pendingLabel="Connexion…">Se connecter</SubmitButton>
    </form>
  );
}

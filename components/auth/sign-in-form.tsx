"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/connexion/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState<SignInState, FormData>(signInAction, {});
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

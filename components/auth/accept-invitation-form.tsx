"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/invitation/[token]/actions";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<ActionState, FormData>(acceptInvitationAction, { status: "idle" });
  const failed = state.status === "error" ? state : undefined;
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-4">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers save the new password under the right account. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        name="password"
        label="Mot de passe"
        type="password"
        autoComplete="new-password"
        required
        hint="12 caractères au moins ; une phrase facile à retenir convient. Ni votre nom ni votre adresse e-mail."
        errors={failed?.fieldErrors.password}
        autoFocus
      />
      <TextField name="confirmation" label="Mot de passe, encore une fois" type="password" autoComplete="new-password" required errors={failed?.fieldErrors.confirmation} />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer mon mot de passe</SubmitButton>
    </form>
  );
}

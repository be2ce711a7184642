"use client";

import { useActionState } from "react";
import { changePasswordAction, confirmTotpAction, disableTotpAction, endOtherSessionsAction, startTotpAction } from "@/app/(app)/compte/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };
const PASSWORD_HINT = "12 caractères au moins ; une phrase facile à retenir convient. Ni votre nom ni votre adresse e-mail.";

function Success({ state }: { state: ActionState }) {
  return state.status === "success" && state.message ? (
    <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
      {state.message}
    </p>
  ) : null;
}

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  return (
    <div className="flex flex-col gap-3">
      <Success state={state} />
      <form action={action} key={failed?.submission ?? state.status} noValidate className="flex flex-col gap-4">
        <FormAlert message={failed?.formError} submission={failed?.submission} />
        <TextField name="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" required errors={failed?.fieldErrors.currentPassword} />
        <TextField name="password" label="Nouveau mot de passe" type="password" autoComplete="new-password" required hint={PASSWORD_HINT} errors={failed?.fieldErrors.password} />
        <TextField name="confirmation" label="Nouveau mot de passe, encore une fois" type="password" autoComplete="new-password" required errors={failed?.fieldErrors.confirmation} />
        <SubmitButton pendingLabel="Enregistrement…">Changer le mot de passe</SubmitButton>
      </form>
    </div>
  );
}

export function StartTotpForm() {
  const [state, action] = useActionState(startTotpAction, INITIAL);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormAlert message={state.status === "error" ? state.formError : undefined} submission={state.status === "error" ? state.submission : undefined} />
      <SubmitButton pendingLabel="Préparation…">Activer la double authentification</SubmitButton>
    </form>
  );
}

export function ConfirmTotpForm() {
  const [state, action] = useActionState(confirmTotpAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-4">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <TextField
        name="code"
        label="Code affiché par l'application"
        hint="6 chiffres, renouvelés toutes les 30 secondes."
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        required
        errors={failed?.fieldErrors.code}
      />
      <SubmitButton pendingLabel="Vérification…">Confirmer et activer</SubmitButton>
    </form>
  );
}

export function DisableTotpForm() {
  const [state, action] = useActionState(disableTotpAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  return (
    <details className="rounded-md border border-slate-300 p-3">
      <summary className="cursor-pointer font-medium text-blue-800 underline underline-offset-4">Désactiver la double authentification</summary>
      <form action={action} key={failed?.submission ?? "new"} noValidate className="mt-3 flex flex-col gap-4">
        <FormAlert message={failed?.formError} submission={failed?.submission} />
        <TextField name="currentPassword" label="Mot de passe" type="password" autoComplete="current-password" required errors={failed?.fieldErrors.currentPassword} />
        <TextField name="code" label="Code affiché par l'application" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required errors={failed?.fieldErrors.code} />
        <Button type="submit" variant="danger" className="self-start">
          Désactiver
        </Button>
      </form>
    </details>
  );
}

/** "Déconnecter mes autres sessions" (issue 14): a phone left signed in elsewhere. */
export function EndOtherSessionsForm() {
  const [state, action] = useActionState(endOtherSessionsAction, INITIAL);
  return (
    <div className="flex flex-col gap-3">
      <Success state={state} />
      <form action={action} className="flex flex-col gap-3">
        <FormAlert message={state.status === "error" ? state.formError : undefined} submission={state.status === "error" ? state.submission : undefined} />
        <SubmitButton pendingLabel="Déconnexion…">Déconnecter mes autres sessions</SubmitButton>
      </form>
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { saveLetterheadAction } from "@/app/(app)/courriers/actions";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";
import { ActionReport } from "./action-report";

const INITIAL: ActionState = { status: "idle" };

export interface LetterheadValues {
  name: string;
  address: string;
  phone: string;
  email: string;
  signature: string;
}

/** The team's letterhead and signature, merged into every letter; a blank field is left out of the letters. */
export function LetterheadForm({ teamId, token, teamName, values }: { teamId: string; token: string; teamName: string; values: LetterheadValues }) {
  const [state, action] = useActionState(saveLetterheadAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: keyof LetterheadValues) => (failed ? (valueAt(failed.values, name) ?? "") : values[name]);
  const err = (name: string) => failed?.fieldErrors[name];
  return (
    <form action={action} key={failed?.submission ?? token} noValidate className="flex flex-col gap-3">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <ActionReport state={state.status === "success" ? state : INITIAL} />
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="token" value={token} />
      <TextField name="name" label="Nom de l'équipe sur les courriers" hint={`Vide : « ${teamName} ».`} defaultValue={v("name")} errors={err("name")} maxLength={150} />
      <TextAreaField name="address" label="Adresse" hint="Une ligne par ligne d'adresse." rows={3} defaultValue={v("address")} errors={err("address")} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField name="phone" label="Téléphone" type="tel" autoComplete="off" defaultValue={v("phone")} errors={err("phone")} />
        <TextField name="email" label="Adresse e-mail" type="email" autoComplete="off" hint="Les réponses aux e-mails envoyés y arrivent." defaultValue={v("email")} errors={err("email")} />
      </div>
      <TextAreaField name="signature" label="Signature" hint="Par exemple le nom et la fonction de la personne qui signe, sur deux lignes." rows={3} defaultValue={v("signature")} errors={err("signature")} />
      <div>
        <SubmitButton>Enregistrer l&apos;en-tête</SubmitButton>
      </div>
    </form>
  );
}

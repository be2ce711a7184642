"use client";

import { useActionState } from "react";
import { CheckboxField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";
import { runRetentionAction } from "./actions";

/** Runs the retention now, after an explicit confirmation (the anonymisation cannot be undone). */
export function RunRetentionForm({ due }: { due: number }) {
  const [state, formAction] = useActionState(runRetentionAction, { status: "idle" } as ActionState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  if (due === 0) {
    if (state.status !== "success") return null;
    return (
      <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
        {state.message}
      </p>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormAlert message={state.status === "error" ? state.formError : undefined} submission={state.status === "error" ? state.submission : undefined} />
      {state.status === "success" ? (
        <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
          {state.message}
        </p>
      ) : null}
      <CheckboxField
        key={state.status === "error" ? state.submission : "idle"}
        name="confirm"
        label={`Je confirme : les noms, coordonnées, adresses et textes libres ${due > 1 ? `de ces ${due} ménages` : "de ce ménage"} seront supprimés définitivement.`}
        errors={errors.confirm}
      />
      <div>
        <SubmitButton pendingLabel="Anonymisation…">Anonymiser maintenant les dossiers échus</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { useActionState, useEffect, useState } from "react";
import { saveClaimedDebtAction } from "@/app/(app)/dossiers/[id]/audience/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

/** The debt the landlord claims (commandement, assignation), behind a button: it changes rarely. */
export function ClaimedDebtForm({ caseId, version, claimedDebt, claimedOn }: { caseId: string; version: number; claimedDebt: string; claimedOn: string }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className={message ? "rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900" : "sr-only"}>
        {message ?? ""}
      </p>
      {open ? (
        <Form
          caseId={caseId}
          version={version}
          claimedDebt={claimedDebt}
          claimedOn={claimedOn}
          onDone={(text) => {
            setOpen(false);
            setMessage(text);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          onClick={() => {
            setMessage(null);
            setOpen(true);
          }}
        >
          {claimedDebt ? "Modifier la dette réclamée" : "Saisir la dette réclamée"}
        </Button>
      )}
    </div>
  );
}

function Form({ caseId, version, claimedDebt, claimedOn, onDone, onCancel }: { caseId: string; version: number; claimedDebt: string; claimedOn: string; onDone: (message: string) => void; onCancel: () => void }) {
  const [state, action] = useActionState(saveClaimedDebtAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string, fallback: string) => (failed ? (valueAt(failed.values, name) ?? "") : fallback);
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Enregistré.");
  }, [state, onDone]);
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField name="claimedDebt" label="Dette réclamée par le bailleur (€)" required inputMode="decimal" hint="Montant du commandement ou de l'assignation" defaultValue={v("claimedDebt", claimedDebt)} errors={failed?.fieldErrors.claimedDebt} />
        <TextField name="claimedOn" label="Arrêtée au" type="date" defaultValue={v("claimedOn", claimedOn)} errors={failed?.fieldErrors.claimedOn} />
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton>Enregistrer la dette réclamée</SubmitButton>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

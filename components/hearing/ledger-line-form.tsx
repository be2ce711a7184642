"use client";

import { useActionState, useEffect, useRef } from "react";
import { saveLedgerLineAction } from "@/app/(app)/dossiers/[id]/audience/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

/** What the form shows: amounts as typed in French ("650" or "650,50"), the month as "2026-03". */
export interface LedgerLineValues {
  month: string;
  rentDue: string;
  chargesDue: string;
  paid: string;
  housingBenefit: string;
  note: string;
}

export interface LedgerLineFormProps {
  caseId: string;
  /** Editing: the line's id, its fingerprint and its label ("avril 2026"). */
  edit?: { lineId: string; token: string; label: string };
  defaults: LedgerLineValues;
  /** The latest month that may be entered ("2026-06"). */
  maxMonth: string;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

/** One month of the rent ledger: add a month, or change one. */
export function LedgerLineForm({ caseId, edit, defaults, maxMonth, onDone, onCancel }: LedgerLineFormProps) {
  const [state, action] = useActionState(saveLedgerLineAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: keyof LedgerLineValues) => (failed ? (valueAt(failed.values, name) ?? "") : defaults[name]);
  const err = (name: string) => failed?.fieldErrors[name];
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (edit) headingRef.current?.focus();
  }, [edit]);
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Enregistré.");
  }, [state, onDone]);

  const title = edit ? `Modifier ${edit.label}` : "Ajouter un mois";
  return (
    <section aria-labelledby="titre-mois" className={`rounded-lg border p-4 ${edit ? "border-2 border-blue-800" : "border-slate-300"} bg-white`}>
      <h3 id="titre-mois" ref={headingRef} tabIndex={-1} className="mb-3 text-lg font-semibold">
        {title}
      </h3>
      <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-4">
        <FormAlert message={failed?.formError} submission={failed?.submission} />
        <input type="hidden" name="caseId" value={caseId} />
        {edit ? (
          <>
            <input type="hidden" name="lineId" value={edit.lineId} />
            <input type="hidden" name="token" value={edit.token} />
          </>
        ) : null}
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <TextField name="month" label="Mois" type="month" required max={maxMonth} hint="Ex. 03/2026" defaultValue={v("month")} errors={err("month")} />
          <TextField name="rentDue" label="Loyer dû (€)" required inputMode="decimal" defaultValue={v("rentDue")} errors={err("rentDue")} />
          <TextField name="chargesDue" label="Charges dues (€)" inputMode="decimal" defaultValue={v("chargesDue")} errors={err("chargesDue")} />
          <TextField name="paid" label="Payé par le ménage (€)" inputMode="decimal" defaultValue={v("paid")} errors={err("paid")} />
          <TextField
            name="housingBenefit"
            label="Aide au logement versée au bailleur (€)"
            inputMode="decimal"
            hint="APL ou ALS en tiers payant : comptée comme payée."
            defaultValue={v("housingBenefit")}
            errors={err("housingBenefit")}
          />
          <TextField name="note" label="Remarque (facultatif)" defaultValue={v("note")} errors={err("note")} />
        </div>
        <div className="flex flex-wrap gap-3">
          <SubmitButton>{edit ? "Enregistrer la modification" : "Ajouter au relevé"}</SubmitButton>
          {onCancel ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              Annuler
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

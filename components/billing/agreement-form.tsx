"use client";

import { useActionState } from "react";
import { saveAgreementAction } from "@/app/(app)/facturation/conventions/actions";
import { FieldFrame } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { BILLABLE_ACT_LABELS, type BillableAct } from "@/lib/domain/labels";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };
const CONTROL =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";
const ACTS = Object.keys(BILLABLE_ACT_LABELS) as BillableAct[];

/** The agreement's values as the form shows them (amounts as typed). */
export interface AgreementFormValues {
  teamId: string;
  funderName: string;
  reference: string;
  periodStart: string;
  periodEnd: string;
  advanceShare: string;
  advanceReceived: string;
  maxSupportWeeks: string;
  cap: string;
  rates: Record<BillableAct, { amount: string; maxPerHousehold: string }>;
}

export function AgreementForm({
  agreement,
  values,
  teams,
}: {
  /** Present when editing: the id and the fingerprint of what the form shows. */
  agreement: { id: string; token: string } | null;
  values: AgreementFormValues;
  /** Teams the user manages; the team of an existing agreement does not change. */
  teams: { id: string; name: string }[];
}) {
  const [state, action] = useActionState(saveAgreementAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string, fallback: string) => (failed ? (valueAt(failed.values, name) ?? "") : fallback);
  const err = (name: string) => failed?.fieldErrors[name];
  const text = (name: keyof Omit<AgreementFormValues, "rates" | "teamId">, label: string, opts: { required?: boolean; hint?: string; type?: string; inputMode?: "decimal" | "numeric" } = {}) => (
    <FieldFrame name={`agreement-${name}`} label={label} hint={opts.hint} required={opts.required} errors={err(name)}>
      {(a11y) => <input name={name} type={opts.type ?? "text"} inputMode={opts.inputMode} className={CONTROL} defaultValue={v(name, values[name])} {...a11y} />}
    </FieldFrame>
  );
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-4" aria-label={agreement ? "Modifier la convention" : "Nouvelle convention"}>
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      {agreement ? (
        <>
          <input type="hidden" name="agreementId" value={agreement.id} />
          <input type="hidden" name="token" value={agreement.token} />
        </>
      ) : null}
      {agreement || teams.length === 1 ? (
        <input type="hidden" name="teamId" value={values.teamId} />
      ) : (
        <FieldFrame name="agreement-teamId" label="Équipe" required errors={err("teamId")}>
          {(a11y) => (
            <select name="teamId" className={CONTROL} defaultValue={v("teamId", values.teamId)} {...a11y}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {text("funderName", "Financeur", { required: true })}
        {text("reference", "Référence de la convention (facultatif)")}
        {text("periodStart", "Début de la convention", { required: true, type: "date" })}
        {text("periodEnd", "Fin de la convention", { required: true, type: "date" })}
      </div>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Tarifs par acte</legend>
        <p className="text-sm text-slate-700">Laissez vide un acte que la convention ne finance pas. Le plafond par ménage se compte depuis le début de la convention.</p>
        {ACTS.map((act) => (
          <div key={act} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <FieldFrame name={`agreement-rate-${act}`} label={`${BILLABLE_ACT_LABELS[act]} : tarif (€)`} errors={err(`rates.${act}.amount`)}>
              {(a11y) => <input name={`rates.${act}.amount`} inputMode="decimal" className={CONTROL} defaultValue={v(`rates.${act}.amount`, values.rates[act].amount)} {...a11y} />}
            </FieldFrame>
            <FieldFrame name={`agreement-max-${act}`} label={`${BILLABLE_ACT_LABELS[act]} : au plus, par ménage (facultatif)`} errors={err(`rates.${act}.maxPerHousehold`)}>
              {(a11y) => (
                <input name={`rates.${act}.maxPerHousehold`} inputMode="numeric" className={CONTROL} defaultValue={v(`rates.${act}.maxPerHousehold`, values.rates[act].maxPerHousehold)} {...a11y} />
              )}
            </FieldFrame>
          </div>
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Plafonds et avance</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {text("maxSupportWeeks", "Semaines d'accompagnement au plus, par ménage", { required: true, inputMode: "numeric" })}
          {text("cap", "Plafond de la convention (€, facultatif)", { inputMode: "decimal" })}
          {text("advanceShare", "Part versée en avance (%)", { required: true, inputMode: "decimal", hint: "60 % à la signature, le solde sur le bilan final." })}
          {text("advanceReceived", "Avance reçue (€)", { inputMode: "decimal" })}
        </div>
      </fieldset>
      <SubmitButton>{agreement ? "Enregistrer les modifications" : "Créer la convention"}</SubmitButton>
    </form>
  );
}

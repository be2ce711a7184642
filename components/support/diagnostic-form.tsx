"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { saveDiagnosticAction } from "@/app/(app)/dossiers/[id]/accompagnement/actions";
import { Button } from "@/components/ui/button";
import { FieldFrame } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { CHARGE_SOURCE_LABELS, DIAGNOSTIC_KIND_LABELS, RESOURCE_SOURCE_LABELS } from "@/lib/domain/labels";
import { CHARGE_SOURCES, remainingIncome, RESOURCE_SOURCES } from "@/lib/domain/support/budget";
import { formatCents, parseEurosToCents } from "@/lib/utils/money";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };
export const CONTROL =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** A diagnostic's values as the form shows them (amounts as typed, "1234,56"). */
export interface DiagnosticFormValues {
  kind: "FLASH" | "IN_DEPTH";
  doneOn: string;
  jointVisit: boolean;
  adults: string;
  children: string;
  resources: Record<string, string>;
  charges: Record<string, string>;
  rent: string;
  housingBenefit: string;
  debts: string;
  housingCondition: string;
  wishes: string;
  analysis: string;
  recommendations: string;
}

function cents(text: FormDataEntryValue | null): number {
  return typeof text === "string" ? (parseEurosToCents(text) ?? 0) : 0;
}

/** The remaining income as typed, before saving: what a worker wants to see while filling in the budget. */
function preview(form: HTMLFormElement): string {
  const data = new FormData(form);
  const amounts = (prefix: string, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, cents(data.get(`${prefix}.${k}`))]));
  const count = (name: string) => {
    const n = Number(data.get(name) ?? "");
    return Number.isInteger(n) && n >= 0 ? n : 0;
  };
  const r = remainingIncome({
    resources: amounts("resources", RESOURCE_SOURCES),
    charges: amounts("charges", CHARGE_SOURCES),
    rentCents: cents(data.get("rent")),
    housingBenefitCents: cents(data.get("housingBenefit")),
    adults: count("adults"),
    children: count("children"),
  });
  if (!r) return "Indiquez la composition du ménage pour calculer le reste à vivre.";
  return `Reste à vivre : ${formatCents(r.monthlyCents)} par mois, soit ${formatCents(r.perPersonMonthlyCents)} par personne et par mois, ${formatCents(r.perPersonDailyCents)} par personne et par jour.`;
}

export function DiagnosticForm({
  caseId,
  diagnostic,
  values,
  maxDay,
  onDone,
  onCancel,
}: {
  caseId: string;
  /** Present when editing: the diagnostic's id and the update time the form showed. */
  diagnostic: { id: string; token: string } | null;
  values: DiagnosticFormValues;
  maxDay: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, action] = useActionState(saveDiagnosticAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string, fallback: string) => (failed ? (valueAt(failed.values, name) ?? "") : fallback);
  const err = (name: string) => failed?.fieldErrors[name];
  const formRef = useRef<HTMLFormElement>(null);
  const [budget, setBudget] = useState("");
  const [kind, setKind] = useState(values.kind);
  useEffect(() => {
    if (formRef.current) setBudget(preview(formRef.current));
  }, [failed?.submission]);
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Diagnostic enregistré.");
  }, [state, onDone]);
  const p = diagnostic ? `diag-${diagnostic.id}` : "diag-new";
  const inDepth = (failed ? valueAt(failed.values, "kind") : kind) === "IN_DEPTH";

  const amountField = (group: "resources" | "charges", key: string, label: string) => (
    <FieldFrame key={key} name={`${p}-${group}-${key}`} label={label} errors={err(`${group}.${key}`)}>
      {(a11y) => <input name={`${group}.${key}`} inputMode="decimal" autoComplete="off" className={CONTROL} defaultValue={v(`${group}.${key}`, values[group][key] ?? "")} {...a11y} />}
    </FieldFrame>
  );

  return (
    <form
      ref={formRef}
      action={action}
      key={failed?.submission ?? "new"}
      noValidate
      onInput={(e) => setBudget(preview(e.currentTarget))}
      className="flex flex-col gap-4"
      aria-label={diagnostic ? "Modifier le diagnostic" : "Nouveau diagnostic"}
    >
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <input type="hidden" name="caseId" value={caseId} />
      {diagnostic ? (
        <>
          <input type="hidden" name="diagnosticId" value={diagnostic.id} />
          <input type="hidden" name="token" value={diagnostic.token} />
        </>
      ) : null}

      <fieldset className="flex flex-col gap-2" aria-describedby={err("kind") ? `${p}-kind-err` : undefined}>
        <legend className="text-sm font-medium text-slate-800">
          Type de diagnostic <span aria-hidden="true" className="text-red-700">*</span>
        </legend>
        {(["FLASH", "IN_DEPTH"] as const).map((k) => (
          <label key={k} className="flex items-center gap-3 text-base">
            <input type="radio" name="kind" value={k} defaultChecked={v("kind", values.kind) === k} onChange={() => setKind(k)} className="h-5 w-5 accent-blue-800" />
            {DIAGNOSTIC_KIND_LABELS[k]}
          </label>
        ))}
        {err("kind") ? (
          <p id={`${p}-kind-err`} className="text-sm font-medium text-red-700">
            {err("kind")!.join(" ")}
          </p>
        ) : null}
      </fieldset>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <FieldFrame name={`${p}-doneOn`} label="Date du diagnostic" required errors={err("doneOn")}>
          {(a11y) => <input type="date" name="doneOn" max={maxDay} className={CONTROL} defaultValue={v("doneOn", values.doneOn)} {...a11y} />}
        </FieldFrame>
        <div className="flex items-end pb-2">
          <label className="flex items-start gap-3 text-base">
            <input type="checkbox" name="jointVisit" defaultChecked={failed ? valueAt(failed.values, "jointVisit") === "on" : values.jointVisit} className="mt-1 h-5 w-5 shrink-0 accent-blue-800" />
            Visite conjointe ADIL + association
          </label>
        </div>
      </div>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Composition du ménage</legend>
        <div className="grid grid-cols-2 gap-3">
          <FieldFrame name={`${p}-adults`} label="Adultes" required={inDepth} errors={err("adults")}>
            {(a11y) => <input name="adults" inputMode="numeric" className={CONTROL} defaultValue={v("adults", values.adults)} {...a11y} />}
          </FieldFrame>
          <FieldFrame name={`${p}-children`} label="Enfants" errors={err("children")}>
            {(a11y) => <input name="children" inputMode="numeric" className={CONTROL} defaultValue={v("children", values.children)} {...a11y} />}
          </FieldFrame>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Ressources mensuelles (€), hors aide au logement</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">{RESOURCE_SOURCES.map((k) => amountField("resources", k, RESOURCE_SOURCE_LABELS[k]))}</div>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Charges mensuelles (€), hors loyer</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">{CHARGE_SOURCES.map((k) => amountField("charges", k, CHARGE_SOURCE_LABELS[k]))}</div>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Logement et dettes</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <FieldFrame name={`${p}-rent`} label="Loyer charges comprises (€ par mois)" required={inDepth} errors={err("rent")}>
            {(a11y) => <input name="rent" inputMode="decimal" className={CONTROL} defaultValue={v("rent", values.rent)} {...a11y} />}
          </FieldFrame>
          <FieldFrame name={`${p}-housingBenefit`} label="Aide au logement (€ par mois)" errors={err("housingBenefit")}>
            {(a11y) => <input name="housingBenefit" inputMode="decimal" className={CONTROL} defaultValue={v("housingBenefit", values.housingBenefit)} {...a11y} />}
          </FieldFrame>
          <FieldFrame name={`${p}-debts`} label="Dettes, toutes confondues (€)" errors={err("debts")}>
            {(a11y) => <input name="debts" inputMode="decimal" className={CONTROL} defaultValue={v("debts", values.debts)} {...a11y} />}
          </FieldFrame>
        </div>
        <p className="rounded-md bg-slate-100 p-3 font-medium text-slate-900">{budget}</p>
      </fieldset>

      {(
        [
          ["housingCondition", "État du logement", false],
          ["wishes", "Souhaits du ménage", false],
          ["analysis", "Analyse du travailleur social", inDepth],
          ["recommendations", "Préconisations", inDepth],
        ] as const
      ).map(([name, label, required]) => (
        <FieldFrame key={name} name={`${p}-${name}`} label={label} required={required} errors={err(name)}>
          {(a11y) => <textarea name={name} rows={3} className={CONTROL} defaultValue={v(name, values[name])} {...a11y} />}
        </FieldFrame>
      ))}

      <div className="flex flex-wrap gap-3">
        <SubmitButton>Enregistrer le diagnostic</SubmitButton>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { completeHouseholdAction } from "@/app/(app)/dossiers/[id]/household-actions";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { valueAt } from "@/components/ui/form-values";
import { SavedNotice } from "@/components/ui/saved-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";

export interface CompleteHouseholdValues {
  tenantFirstName: string;
  phone: string;
  email: string;
  addressExtra: string;
  leaseSignedOn: string;
  rent: string;
  charges: string;
  debt: string;
  sectorId: string;
  assignedWorkerId: string;
  notes: string;
}

const INITIAL: ActionState = { status: "idle" };
const ORDER = ["tenantFirstName", "phone", "email", "addressExtra", "leaseSignedOn", "rent", "charges", "debt", "sectorId", "assignedWorkerId", "notes"];

/**
 * "Compléter le ménage" (issue 16 §4): what the quick household left out,
 * filled in later from the case page. Shows what is on file; an emptied field
 * is cleared.
 */
export function CompleteHouseholdForm({
  caseId,
  version,
  values,
  sectors,
  workers,
  today,
}: {
  caseId: string;
  version: number;
  values: CompleteHouseholdValues;
  sectors: { id: string; name: string }[];
  workers: { id: string; name: string }[];
  today: string;
}) {
  const [state, action] = useActionState(completeHouseholdAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: keyof CompleteHouseholdValues) => (failed ? (valueAt(failed.values, name) ?? "") : values[name]);
  const err = (name: string) => failed?.fieldErrors[name];
  return (
    <div className="flex flex-col gap-3">
      {state.status === "success" ? <SavedNotice message={state.message ?? "Enregistré."} token={String(version)} /> : null}
      <details open={failed ? true : undefined} className="rounded-lg border border-slate-300 bg-white">
        <summary className="flex min-h-11 cursor-pointer items-center px-4 py-2 text-lg font-semibold text-blue-900">Compléter le ménage</summary>
        <form action={action} key={failed?.submission ?? version} noValidate className="flex flex-col gap-4 border-t border-slate-200 p-4">
          {failed ? <ErrorSummary fieldErrors={failed.fieldErrors} formError={failed.formError} submission={failed.submission} order={ORDER} /> : null}
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="version" value={version} />
          <TextField name="tenantFirstName" label="Prénom du locataire" autoComplete="off" defaultValue={v("tenantFirstName")} errors={err("tenantFirstName")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="phone" label="Téléphone" type="tel" inputMode="tel" autoComplete="off" defaultValue={v("phone")} errors={err("phone")} />
            <TextField name="email" label="Adresse e-mail" type="email" inputMode="email" autoComplete="off" defaultValue={v("email")} errors={err("email")} />
          </div>
          <TextField name="addressExtra" label="Complément d'adresse (bâtiment, étage…)" autoComplete="off" defaultValue={v("addressExtra")} errors={err("addressExtra")} />
          <TextField name="leaseSignedOn" label="Date de signature du bail" type="date" max={today} defaultValue={v("leaseSignedOn")} errors={err("leaseSignedOn")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="rent" label="Loyer mensuel hors charges (€)" required inputMode="decimal" defaultValue={v("rent")} errors={err("rent")} />
            <TextField name="charges" label="Charges mensuelles (€)" inputMode="decimal" defaultValue={v("charges")} errors={err("charges")} />
          </div>
          <TextField name="debt" label="Dette locative déclarée (€)" inputMode="decimal" defaultValue={v("debt")} errors={err("debt")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="sectorId" label="Secteur" defaultValue={v("sectorId")} errors={err("sectorId")}>
              <option value="">Aucun</option>
              {sectors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <SelectField name="assignedWorkerId" label="Suivi par" defaultValue={v("assignedWorkerId")} errors={err("assignedWorkerId")}>
              <option value="">Personne pour l&apos;instant</option>
              {workers.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField name="notes" label="Remarques" defaultValue={v("notes")} errors={err("notes")} />
          <div>
            <SubmitButton>Enregistrer le ménage</SubmitButton>
          </div>
        </form>
      </details>
    </div>
  );
}

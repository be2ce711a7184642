"use client";

import { useActionState, useState } from "react";
import { importPartnersAction, savePartnerAction } from "@/app/(app)/partenaires/actions";
import { ActionReport } from "@/components/letters/action-report";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { PARTNER_KIND_LABELS, PARTNER_KINDS } from "@/lib/domain/referrals/partners";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

/** Adds a partner to the team's directory; what was typed comes back on error. */
export function PartnerForm({ teamId }: { teamId: string }) {
  const [state, action] = useActionState(savePartnerAction, INITIAL);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  const v = (name: string) => valueAt(values, name) ?? "";
  const key = state.status === "error" ? state.submission : state.status;
  return (
    <form key={String(key)} action={action} noValidate className="flex flex-col gap-3">
      <ActionReport state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="active" value="on" />
      <SelectField name="kind" label="Type" required errors={errors.kind} defaultValue={v("kind")}>
        <option value="">Choisir…</option>
        {PARTNER_KINDS.map((k) => (
          <option key={k} value={k}>
            {PARTNER_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <TextField name="name" label="Nom" required errors={errors.name} defaultValue={v("name")} />
      <TextField name="addressLine" label="Adresse" errors={errors.addressLine} defaultValue={v("addressLine")} autoComplete="off" />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField name="postcode" label="Code postal" inputMode="numeric" errors={errors.postcode} defaultValue={v("postcode")} />
        <TextField name="city" label="Ville" errors={errors.city} defaultValue={v("city")} />
        <TextField name="phone" label="Téléphone" type="tel" errors={errors.phone} defaultValue={v("phone")} />
        <TextField name="email" label="E-mail" type="email" errors={errors.email} defaultValue={v("email")} />
      </div>
      <TextField name="openingHours" label="Horaires d'ouverture" errors={errors.openingHours} defaultValue={v("openingHours")} />
      <TextField name="contactName" label="Personne à contacter" errors={errors.contactName} defaultValue={v("contactName")} />
      <TextAreaField
        name="communes"
        label="Communes couvertes"
        hint="Séparées par des virgules. Laissez vide si le partenaire couvre tout le département."
        errors={errors.communes}
        defaultValue={v("communes")}
      />
      <div>
        <SubmitButton>Ajouter le partenaire</SubmitButton>
      </div>
    </form>
  );
}

/** Imports the directory from a CSV: the file is read in the browser and sent as text (under 200 000 characters). */
export function PartnerImportForm({ teamId }: { teamId: string }) {
  const [state, action] = useActionState(importPartnersAction, INITIAL);
  const [text, setText] = useState("");
  const errors = state.status === "error" ? (state.fieldErrors.csv ?? []) : [];
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <ActionReport state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <div className="flex flex-col gap-1">
        <label htmlFor="f-csv-file" className="text-sm font-medium text-slate-800">
          Fichier CSV
        </label>
        <input
          id="f-csv-file"
          type="file"
          accept=".csv,text/csv"
          className="min-h-11 text-base"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setText(await file.text());
          }}
        />
      </div>
      <TextAreaField
        name="csv"
        label="Contenu du fichier"
        hint="Colonnes : Type ; Nom ; Adresse ; Code postal ; Ville ; Téléphone ; E-mail ; Horaires ; Communes couvertes ; Contact. Séparateur point-virgule ou virgule."
        errors={errors.length ? [errors.join(" ")] : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={5}
      />
      {errors.length > 1 ? (
        <ul className="list-disc pl-5 text-sm text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <SubmitButton pendingLabel="Import en cours…">Importer les partenaires</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { setupTeamAction } from "@/app/installation/equipe/actions";
import { errorKey, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";

function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function SetupTeamForm({ sectorRows }: { sectorRows: number }) {
  const [state, action] = useActionState<ActionState, FormData>(setupTeamAction, { status: "idle" });
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string) => valueAt(failed?.values, errorKey(name));
  const err = (name: string) => failed?.fieldErrors[errorKey(name)];
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-5">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <TextField
        name="setupCode"
        label="Code d'installation"
        required
        autoComplete="off"
        hint="Affiché dans la sortie de « npm start » tant qu'aucun compte n'existe."
        errors={err("setupCode")}
      />
      <Fieldset legend="Équipe">
        <TextField name="teamName" label="Nom de l'équipe" required autoComplete="organization" defaultValue={v("teamName")} errors={err("teamName")} />
        <TextField name="departement" label="Département" required hint="Code du département (ex. 91, 2A, 974)." autoComplete="off" defaultValue={v("departement")} errors={err("departement")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="adilName" label="ADIL partenaire" required hint="Ex. ADIL 91" autoComplete="off" defaultValue={v("adilName")} errors={err("adilName")} />
          <TextField name="associationName" label="Association partenaire" required autoComplete="off" defaultValue={v("associationName")} errors={err("associationName")} />
        </div>
      </Fieldset>
      <Fieldset legend="Coordonnées de l'équipe (sur les courriers)">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="contactPhone" label="Téléphone" type="tel" required autoComplete="tel" defaultValue={v("contactPhone")} errors={err("contactPhone")} />
          <TextField name="contactEmail" label="E-mail" type="email" required autoComplete="email" defaultValue={v("contactEmail")} errors={err("contactEmail")} />
        </div>
        <TextAreaField name="contactAddress" label="Adresse postale" required hint="Une ligne par ligne d'adresse." defaultValue={v("contactAddress")} errors={err("contactAddress")} />
      </Fieldset>
      <Fieldset legend="Secteurs">
        <p className="text-sm text-slate-700">
          Un nouveau ménage est placé dans le secteur qui couvre son code postal, sinon sa commune. Séparez les codes postaux et les communes par des
          virgules. Laissez vides les lignes inutiles.
        </p>
        {Array.from({ length: sectorRows }, (_, i) => (
          <div key={i} className="grid gap-4 sm:grid-cols-[1fr_2fr]">
            <TextField name={`sectors.${i}.name`} label={`Secteur ${i + 1} : nom`} autoComplete="off" defaultValue={v(`sectors.${i}.name`)} errors={err(`sectors.${i}.name`)} />
            <TextField
              name={`sectors.${i}.areas`}
              label={`Secteur ${i + 1} : codes postaux et communes`}
              autoComplete="off"
              defaultValue={v(`sectors.${i}.areas`)}
              errors={err(`sectors.${i}.areas`)}
            />
          </div>
        ))}
      </Fieldset>
      <Fieldset legend="Premier administrateur">
        <TextField name="adminName" label="Votre nom" required autoComplete="name" defaultValue={v("adminName")} errors={err("adminName")} />
        <TextField name="adminEmail" label="Votre adresse e-mail" type="email" required autoComplete="username" defaultValue={v("adminEmail")} errors={err("adminEmail")} />
        <TextField
          name="password"
          label="Mot de passe"
          type="password"
          autoComplete="new-password"
          required
          hint="12 caractères au moins ; une phrase facile à retenir convient. Ni votre nom ni votre adresse e-mail."
          errors={err("password")}
        />
        <TextField name="confirmation" label="Mot de passe, encore une fois" type="password" autoComplete="new-password" required errors={err("confirmation")} />
      </Fieldset>
      <SubmitButton pendingLabel="Installation…">Installer l&apos;équipe</SubmitButton>
    </form>
  );
}

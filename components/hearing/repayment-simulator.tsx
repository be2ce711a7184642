import { FieldFrame } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import type { SimulationField } from "@/lib/validation/hearing";

const control =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

export interface RepaymentSimulatorProps {
  caseId: string;
  values: Partial<Record<SimulationField, string>>;
  errors: Partial<Record<SimulationField, string[]>>;
  /** "d'après le diagnostic du 12/05/2026", when the values come from it. */
  prefilledFrom: string | null;
}

/**
 * The simulator's form. A GET form: the values go into the page's address,
 * the page computes the plan, and the PDF link carries the same values. It
 * works without JavaScript, and a reload keeps the simulation.
 */
export function RepaymentSimulator({ caseId, values, errors, prefilledFrom }: RepaymentSimulatorProps) {
  const field = (name: SimulationField, label: string, props: { required?: boolean; hint?: string; inputMode?: "decimal" | "numeric"; type?: string; min?: number; max?: number }) => (
    <FieldFrame name={`sim-${name}`} label={label} hint={props.hint} errors={errors[name]} required={props.required}>
      {(a11y) => <input name={name} className={control} type={props.type ?? "text"} inputMode={props.inputMode} min={props.min} max={props.max} defaultValue={values[name] ?? ""} {...a11y} />}
    </FieldFrame>
  );
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form method="get" action={`/dossiers/${caseId}/audience#simulation`} noValidate className="flex flex-col gap-4">
      {hasErrors ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          La simulation contient des erreurs : corrigez les champs signalés.
        </p>
      ) : null}
      {prefilledFrom ? <p className="text-sm text-slate-700">Valeurs proposées {prefilledFrom} : vérifiez-les avec le ménage.</p> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {field("dette", "Dette à apurer confirmée (€)", { required: true, inputMode: "decimal", hint: "La dette retenue par la ou le juriste : la valeur proposée vient du relevé ou de la dette réclamée, corrigez-la si besoin." })}
        {field("ressources", "Ressources mensuelles du ménage (€)", { required: true, inputMode: "decimal", hint: "Salaires, allocations… hors aide au logement versée au bailleur" })}
        {field("personnes", "Nombre de personnes au foyer", { required: true, inputMode: "numeric", type: "number", min: 1, max: 20 })}
        {field("charges", "Charges mensuelles hors loyer (€)", { inputMode: "decimal", hint: "Énergie, assurance, transport, crédits…" })}
        {field("duree", "Durée souhaitée (mois, facultatif)", { inputMode: "numeric", type: "number", min: 1, max: 36, hint: "36 mois au plus (art. 24 V). Vide : le plan le plus court soutenable." })}
      </div>
      <button type="submit" className={`${buttonClass()} self-start`}>
        Simuler le plan
      </button>
    </form>
  );
}

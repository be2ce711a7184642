"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { recordProcedureEventAction } from "@/app/(app)/dossiers/[id]/procedure-actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { PROCEDURE_STAGE_LABELS, type ProcedureStage } from "@/lib/domain/labels";
import type { ActionState } from "@/lib/validation/action-state";
import { JUDGMENT_DECISION_LABELS } from "@/lib/domain/labels";
import { stageFields } from "@/lib/validation/procedure";
import { jexDelayEnd } from "@/lib/domain/procedure/jex";
import { frenchDay } from "@/lib/domain/procedure/calendar";
import { parseCalendarDate } from "@/lib/utils/dates";

const INITIAL: ActionState = { status: "idle" };

/** Oui / Non / Non renseigné, for a hearing's attendance (unknown for a hearing still to come). */
function YesNoGroup({ name, legend, defaultValue, errors }: { name: string; legend: string; defaultValue?: string; errors?: string[] }) {
  const errorId = `${name}-err`;
  const options = [
    { value: "yes", label: "Oui" },
    { value: "no", label: "Non" },
    { value: "", label: "Non renseigné" },
  ];
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined} className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-3 py-2 has-[:checked]:border-blue-800 has-[:checked]:bg-blue-50 has-[:checked]:font-semibold"
          >
            <input type="radio" name={name} value={o.value} defaultChecked={(defaultValue ?? "") === o.value} className="h-5 w-5 accent-blue-800" />
            {o.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export interface ProcedureEventFormProps {
  caseId: string;
  version: number;
  stages: ProcedureStage[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Records one act of the procedure; the fields follow the act chosen, and nothing typed is lost on an error. */
export function ProcedureEventForm({ caseId, version, stages, onDone, onCancel }: ProcedureEventFormProps) {
  const [state, action] = useActionState(recordProcedureEventAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string) => valueAt(failed?.values, name);
  const err = (name: string) => failed?.fieldErrors[name];
  const [stage, setStage] = useState<ProcedureStage | "">("");
  // The JEX decision's end, computed as the jurist types (CPCE L412-4: months from the decision).
  const [jex, setJex] = useState<{ date: string; months: string; until: string }>({ date: "", months: "", until: "" });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const show = stageFields(stage || undefined);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Enregistré.");
  }, [state, onDone]);

  return (
    <section aria-labelledby="titre-acte" className="rounded-lg border-2 border-blue-800 bg-white p-4">
      <h3 id="titre-acte" ref={headingRef} tabIndex={-1} className="mb-3 text-lg font-semibold">
        Enregistrer un acte de procédure
      </h3>
      <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-4">
        <FormAlert message={failed?.formError} submission={failed?.submission} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />

        <SelectField
          name="stage"
          label="Acte"
          required
          value={stage}
          onChange={(e) => setStage(e.target.value as ProcedureStage | "")}
          errors={err("stage")}
          hint="Seuls les actes possibles au vu de ceux déjà enregistrés sont proposés."
        >
          <option value="">Choisir…</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {PROCEDURE_STAGE_LABELS[s]}
            </option>
          ))}
        </SelectField>

        <TextField
          name="date"
          label={stage === "JEX_DELAY" ? "Date de la décision" : "Date"}
          type="date"
          required
          onChange={(e) => setJex((j) => ({ ...j, date: e.target.value }))}
          defaultValue={v("date")}
          errors={err("date")}
          hint={stage === "HEARING" ? "Une audience à venir peut être enregistrée dès que sa date est connue." : "Date de l'acte, aujourd'hui au plus tard."}
        />

        {show.reference ? (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField name="reference" label="Référence (RG)" autoComplete="off" defaultValue={v("reference")} errors={err("reference")} />
            <TextField name="courtName" label="Tribunal" autoComplete="off" defaultValue={v("courtName")} errors={err("courtName")} />
          </div>
        ) : null}

        {show.presence ? (
          <div className="flex flex-col gap-3">
            <YesNoGroup name="householdPresent" legend="Le ménage était-il présent à l'audience ?" defaultValue={v("householdPresent")} errors={err("householdPresent")} />
            <YesNoGroup name="juristPresent" legend="La ou le juriste était-il présent ?" defaultValue={v("juristPresent")} errors={err("juristPresent")} />
          </div>
        ) : null}

        {show.decision ? (
          <SelectField name="decision" label="Décision du juge" required defaultValue={v("decision") ?? ""} errors={err("decision")}>
            <option value="">Choisir…</option>
            {Object.entries(JUDGMENT_DECISION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </SelectField>
        ) : null}

        {show.delayMonths ? (
          <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3" onChange={(e) => {
            const t = e.target as unknown as HTMLInputElement;
            if (t.name === "delayMonths" || t.name === "delayUntil") setJex((j) => ({ ...j, [t.name === "delayMonths" ? "months" : "until"]: t.value }));
          }}>
            <legend className="px-1 font-medium text-slate-900">Fin du délai accordé par le juge de l&apos;exécution</legend>
            <p className="text-sm text-slate-800">Indiquez la date de fin fixée par la décision, ou le nombre de mois à compter de la décision (1 à 12 mois, CPCE L412-4).</p>
            <TextField name="delayUntil" label="Délai accordé jusqu'au" type="date" defaultValue={v("delayUntil")} errors={err("delayUntil")} />
            <TextField
              name="delayMonths"
              label="Ou : délai en mois à compter de la décision"
              type="number"
              inputMode="numeric"
              min={1}
              max={12}
              hint="De 1 à 12 mois."
              defaultValue={v("delayMonths")}
              errors={err("delayMonths")}
            />
            <JexEndPreview date={jex.date} months={jex.months} until={jex.until} />
          </fieldset>
        ) : null}

        <TextAreaField name="procedureNote" label="Remarque (facultatif)" defaultValue={v("procedureNote")} errors={err("procedureNote")} />

        <div className="flex flex-wrap gap-3">
          <SubmitButton>Enregistrer l&apos;acte</SubmitButton>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </div>
      </form>
    </section>
  );
}

/** "Fin du délai : 20 septembre 2025 ; expulsion possible au plus tôt le lendemain", once the decision's date and the months are typed. */
function JexEndPreview({ date, months, until }: { date: string; months: string; until: string }) {
  const decidedOn = parseCalendarDate(date);
  const n = months.trim() === "" ? null : Number(months);
  const end = decidedOn ? jexDelayEnd({ decidedOn, months: n, until: parseCalendarDate(until) }) : null;
  return (
    <p aria-live="polite" className="text-sm font-medium text-slate-900">
      {end?.ok ? `Fin du délai : ${frenchDay(end.endsOn)} (le ménage est protégé jusqu'à la fin de ce jour).` : null}
    </p>
  );
}

"use client";

import { useActionState, useCallback, useEffect, useState } from "react";
import { endSupportAction, recordSupportWeekAction, startSupportAction } from "@/app/(app)/dossiers/[id]/accompagnement/actions";
import { Button } from "@/components/ui/button";
import { FieldFrame } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { SUPPORT_OUTCOME_LABELS, codes } from "@/lib/domain/labels";
import type { ActionState } from "@/lib/validation/action-state";
import { CONTROL } from "./diagnostic-form";

const INITIAL: ActionState = { status: "idle" };

/** A support period as the tab shows it: dates formatted by the page, inputs as "YYYY-MM-DD". */
export interface PeriodCard {
  id: string;
  title: string;
  open: boolean;
  outcome: string | null;
  outcomeNote: string | null;
  weeks: { id: string; token: string; weekOf: string; label: string; actions: string; author: string | null }[];
  weekChoices: { value: string; label: string }[];
  suggestedWeek: string;
  startedOn: string;
}

export interface SupportPeriodsProps {
  caseId: string;
  version: number;
  today: string;
  usage: { used: number; left: number; max: number; otherCases: number };
  capMessage: string;
  periods: PeriodCard[];
  refusals: { start: string | null; week: string | null; end: string | null };
}

function useResult(state: ActionState, onDone: (m: string) => void, fallback: string) {
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? fallback);
  }, [state, onDone, fallback]);
}

export function SupportPeriods({ caseId, version, today, usage, capMessage, periods, refusals }: SupportPeriodsProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  // A fresh week form after each success: the next week proposed, the text empty.
  const [formKey, setFormKey] = useState(0);
  const done = useCallback((text: string) => {
    setMessage(text);
    setFormKey((k) => k + 1);
    setEnding(false);
    setEditing(null);
  }, []);
  const current = periods.find((p) => p.open) ?? null;

  return (
    <div className="flex flex-col gap-4">
      <p role="status" className={message ? "rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900" : "sr-only"}>
        {message ?? ""}
      </p>
      <div className="rounded-md bg-slate-100 p-3">
        <p className="font-semibold">
          Semaines d&apos;accompagnement : {usage.used} utilisée{usage.used > 1 ? "s" : ""} sur {usage.max} · {usage.left} restante{usage.left > 1 ? "s" : ""}
        </p>
        {usage.otherCases > 0 ? <p className="text-sm">Dont {usage.otherCases} sous un autre dossier du même ménage : le plafond vaut pour le ménage.</p> : null}
        <div aria-hidden="true" className="mt-2 flex gap-1">
          {Array.from({ length: usage.max }, (_, i) => (
            <span key={i} className={`h-3 flex-1 rounded-sm ${i < usage.used ? "bg-blue-800" : "border border-slate-500 bg-white"}`} />
          ))}
        </div>
      </div>

      {!current ? refusals.start ? <p className="rounded-md border border-slate-400 bg-slate-50 p-3">{refusals.start}</p> : <StartForm caseId={caseId} version={version} today={today} onDone={done} /> : null}

      {periods.map((p) => (
        <article key={p.id} aria-labelledby={`periode-${p.id}`} className="rounded-md border border-slate-300 p-3">
          <h3 id={`periode-${p.id}`} className="font-semibold">
            {p.title}
          </h3>
          {p.outcome ? (
            <p>
              Issue : {p.outcome}
              {p.outcomeNote ? ` · ${p.outcomeNote}` : ""}
            </p>
          ) : null}
          {p.weeks.length === 0 ? <p className="mt-1 text-slate-700">Aucune semaine enregistrée.</p> : null}
          <ol className="mt-2 flex flex-col gap-2">
            {p.weeks.map((w) => (
              <li key={w.id} className="border-l-4 border-blue-800 pl-3">
                <p className="font-medium">{w.label}</p>
                {editing === w.id ? (
                  <WeekForm caseId={caseId} periodId={p.id} week={w} choices={[]} suggested={w.weekOf} onDone={done} onCancel={() => setEditing(null)} />
                ) : (
                  <>
                    <p className="whitespace-pre-line">{w.actions}</p>
                    {w.author ? <p className="text-sm text-slate-700">Saisi par {w.author}</p> : null}
                    {!refusals.week ? (
                      <button type="button" className="mt-1 text-sm font-medium text-blue-800 underline underline-offset-4" aria-label={`Corriger : ${w.label}`} onClick={() => setEditing(w.id)}>
                        Corriger
                      </button>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ol>

          {p.open ? (
            <div className="mt-3 flex flex-col gap-3">
              {refusals.week ? (
                <p className="rounded-md border border-slate-400 bg-slate-50 p-3">{refusals.week}</p>
              ) : usage.left <= 0 ? (
                <p className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">{capMessage}</p>
              ) : p.weekChoices.length === 0 ? (
                <p className="rounded-md border border-slate-400 bg-slate-50 p-3">Aucune semaine à enregistrer pour l&apos;instant : une semaine se saisit une fois commencée.</p>
              ) : (
                <div className="rounded-md border border-blue-800 p-3">
                  <h4 className="mb-2 font-semibold">Nouvelle semaine d&apos;accompagnement</h4>
                  <WeekForm key={formKey} caseId={caseId} periodId={p.id} week={null} choices={p.weekChoices} suggested={p.suggestedWeek} onDone={done} onCancel={null} />
                </div>
              )}
              {refusals.end ? null : ending ? (
                <EndForm caseId={caseId} version={version} period={p} today={today} onDone={done} onCancel={() => setEnding(false)} />
              ) : (
                <Button type="button" variant="secondary" className="self-start" onClick={() => setEnding(true)}>
                  Terminer l&apos;accompagnement
                </Button>
              )}
            </div>
          ) : null}
        </article>
      ))}
    </div>
  );
}

function StartForm({ caseId, version, today, onDone }: { caseId: string; version: number; today: string; onDone: (m: string) => void }) {
  const [state, action] = useActionState(startSupportAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  useResult(state, onDone, "Accompagnement commencé.");
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-3 rounded-md border border-blue-800 p-3" aria-label="Commencer l'accompagnement">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <FieldFrame name="support-startedOn" label="Début de l'accompagnement" required errors={failed?.fieldErrors.startedOn}>
        {(a11y) => <input type="date" name="startedOn" max={today} className={CONTROL} defaultValue={failed ? (valueAt(failed.values, "startedOn") ?? "") : today} {...a11y} />}
      </FieldFrame>
      <SubmitButton>Commencer l&apos;accompagnement</SubmitButton>
    </form>
  );
}

function WeekForm({
  caseId,
  periodId,
  week,
  choices,
  suggested,
  onDone,
  onCancel,
}: {
  caseId: string;
  periodId: string;
  week: PeriodCard["weeks"][number] | null;
  choices: { value: string; label: string }[];
  suggested: string;
  onDone: (m: string) => void;
  onCancel: (() => void) | null;
}) {
  const [state, action] = useActionState(recordSupportWeekAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string, fallback: string) => (failed ? (valueAt(failed.values, name) ?? "") : fallback);
  useResult(state, onDone, "Semaine enregistrée.");
  const p = week ? `week-${week.id}` : `week-new-${periodId}`;
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-3" aria-label={week ? `Corriger : ${week.label}` : "Nouvelle semaine d'accompagnement"}>
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="periodId" value={periodId} />
      {week ? (
        <>
          <input type="hidden" name="weekId" value={week.id} />
          <input type="hidden" name="token" value={week.token} />
          <input type="hidden" name="weekOf" value={week.weekOf} />
          {failed?.fieldErrors.weekOf ? <p className="text-sm font-medium text-red-700">{failed.fieldErrors.weekOf.join(" ")}</p> : null}
        </>
      ) : (
        <FieldFrame name={`${p}-weekOf`} label="Semaine" required errors={failed?.fieldErrors.weekOf}>
          {(a11y) => (
            <select name="weekOf" className={CONTROL} defaultValue={v("weekOf", suggested)} {...a11y}>
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      )}
      <FieldFrame name={`${p}-actions`} label="Ce qui a été fait" required errors={failed?.fieldErrors.actions}>
        {(a11y) => <textarea name="actions" rows={3} className={CONTROL} defaultValue={v("actions", week?.actions ?? "")} {...a11y} />}
      </FieldFrame>
      <div className="flex flex-wrap gap-3">
        <SubmitButton>{week ? "Enregistrer la correction" : "Enregistrer la semaine"}</SubmitButton>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Annuler
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function EndForm({ caseId, version, period, today, onDone, onCancel }: { caseId: string; version: number; period: PeriodCard; today: string; onDone: (m: string) => void; onCancel: () => void }) {
  const [state, action] = useActionState(endSupportAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string, fallback: string) => (failed ? (valueAt(failed.values, name) ?? "") : fallback);
  useResult(state, onDone, "Accompagnement terminé.");
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-3 rounded-md border border-slate-500 p-3" aria-label="Terminer l'accompagnement">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="periodId" value={period.id} />
      <FieldFrame name="end-endedOn" label="Fin de l'accompagnement" required errors={failed?.fieldErrors.endedOn}>
        {(a11y) => <input type="date" name="endedOn" min={period.startedOn} max={today} className={CONTROL} defaultValue={v("endedOn", today)} {...a11y} />}
      </FieldFrame>
      <FieldFrame name="end-outcome" label="Issue de l'accompagnement" required errors={failed?.fieldErrors.outcome}>
        {(a11y) => (
          <select name="outcome" className={CONTROL} defaultValue={v("outcome", "")} {...a11y}>
            <option value="">Choisir…</option>
            {codes(SUPPORT_OUTCOME_LABELS).map((o) => (
              <option key={o} value={o}>
                {SUPPORT_OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <FieldFrame name="end-outcomeNote" label="Bilan (facultatif)" errors={failed?.fieldErrors.outcomeNote}>
        {(a11y) => <textarea name="outcomeNote" rows={2} className={CONTROL} defaultValue={v("outcomeNote", "")} {...a11y} />}
      </FieldFrame>
      <div className="flex flex-wrap gap-3">
        <SubmitButton>Terminer l&apos;accompagnement</SubmitButton>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

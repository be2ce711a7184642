"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { recordFirstLettersAction, recordOutreachEventAction } from "@/app/(app)/dossiers/[id]/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { CLOSURE_REASON_LABELS, CONTACT_CHANNEL_LABELS, OUTREACH_KIND_LABELS, VISIT_OUTCOME_LABELS, type ClosureReason, type OutreachKind, type VisitOutcome } from "@/lib/domain/labels";
import { useOfflineWorker } from "@/components/offline/offline-provider";
import { addToOutbox, listOutbox, outboxFields } from "@/lib/offline/outbox-store";
import { savedOnPhoneMessage } from "@/lib/offline/wording";
import type { ActionState } from "@/lib/validation/action-state";
import { formDataToObject } from "@/lib/validation/form-data";
import { OFFLINE_KINDS, type OfflineKind } from "@/lib/validation/offline-outbox";
import { firstLettersSchema, outreachEventSchema } from "@/lib/validation/outreach";

const INITIAL: ActionState = { status: "idle" };

/** Today's date and the time in Paris, from this device's clock, as the inputs want them. */
function parisNow(): { day: string; time: string } {
  const now = new Date();
  const day = now.toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
  const time = now.toLocaleTimeString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
  return { day, time };
}

/** One idempotency key per form shown (issue 16): a double tap sends the same key twice and records once. */
function newClientId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}-${Math.random().toString(36).slice(2, 12)}`;
}

const SUBMIT_LABELS: Partial<Record<OutreachKind | "FIRST_LETTERS", string>> = {
  FIRST_LETTERS: "Enregistrer les deux courriers",
  VISIT: "Enregistrer la visite",
  CLOSURE: "Clôturer le dossier",
  REOPENING: "Rouvrir le dossier",
};

export interface EventFormProps {
  caseId: string;
  version: number;
  /** FIRST_LETTERS (issue 15): the tenant's and the landlord's letters in one step. */
  kind: OutreachKind | "FIRST_LETTERS";
  closureReasons: ClosureReason[];
  onDone: (message: string, savedId?: string) => void;
  onCancel: () => void;
}

/** The form of one outreach event. Visits come first and work in three taps: Visite → Absent → Enregistrer. */
export function EventForm({ caseId, version, kind, closureReasons, onDone, onCancel }: EventFormProps) {
  const worker = useOfflineWorker();
  const [defaults] = useState(parisNow);
  const [clientId] = useState(newClientId);
  const [state, action] = useActionState(async (prev: ActionState, form: FormData): Promise<ActionState> => {
    const serverAction = kind === "FIRST_LETTERS" ? recordFirstLettersAction : recordOutreachEventAction;
    const offlineCapable = !!worker && (kind === "FIRST_LETTERS" || OFFLINE_KINDS.includes(kind as OfflineKind));
    if (!offlineCapable) return serverAction(prev, form);
    if (worker.online && navigator.onLine) {
      try {
        return await serverAction(prev, form);
      } catch (error) {
        // Only a network failure goes to the phone's outbox; a bug stays a bug.
        if (navigator.onLine && !(error instanceof TypeError)) throw error;
      }
    }
    return saveOnPhone(form, worker.userId);
  }, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string) => valueAt(failed?.values, name);
  const err = (name: string) => failed?.fieldErrors[name];
  const [outcome, setOutcome] = useState<VisitOutcome | undefined>(v("outcome") as VisitOutcome | undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Enregistré.", state.id);
  }, [state, onDone]);

  /**
   * Issue 18: no network. The form is checked here with the server's own
   * schema (the same French messages), then kept in the phone's outbox with
   * its client id, the case version and the worker's id; it is sent when the
   * network returns (lib/offline/sync.ts). "Premiers courriers" is kept as
   * its two letters.
   */
  async function saveOnPhone(form: FormData, workerId: string): Promise<ActionState> {
    const raw = formDataToObject(form);
    const parsed = (kind === "FIRST_LETTERS" ? firstLettersSchema : outreachEventSchema).safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
      return { status: "error", formError: "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors, values: raw, submission: Date.now() };
    }
    const fields = outboxFields(form);
    if (kind === "FIRST_LETTERS") {
      await addToOutbox({ clientId: `${clientId}-l`, workerId, fields: { ...fields, kind: "LETTER_TENANT" } });
      await addToOutbox({ clientId: `${clientId}-b`, workerId, fields: { ...fields, kind: "LETTER_LANDLORD" } });
    } else await addToOutbox({ clientId, workerId, fields });
    const pending = (await listOutbox(workerId)).filter((e) => e.status === "pending").length;
    return { status: "success", message: savedOnPhoneMessage(pending) };
  }

  const title = kind === "VISIT" ? "Visite à domicile" : kind === "FIRST_LETTERS" ? "Premiers courriers (au locataire et au bailleur)" : OUTREACH_KIND_LABELS[kind];
  return (
    <section aria-labelledby="titre-evenement" className="rounded-lg border-2 border-blue-800 bg-white p-4">
      <h3 id="titre-evenement" ref={headingRef} tabIndex={-1} className="mb-3 text-lg font-semibold">
        {title}
      </h3>
      <form action={action} key={failed?.submission ?? "new"} noValidate className="flex flex-col gap-4">
        <FormAlert message={failed?.formError} submission={failed?.submission} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="clientId" value={clientId} />

        {kind === "VISIT" ? (
          <fieldset className="flex flex-col gap-2" aria-describedby={err("outcome") ? "outcome-err" : undefined}>
            <legend className="mb-1 font-medium">Résultat de la visite</legend>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {(Object.keys(VISIT_OUTCOME_LABELS) as VisitOutcome[]).map((o) => (
                <label
                  key={o}
                  className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-400 px-3 py-2 text-base has-[:checked]:border-blue-800 has-[:checked]:bg-blue-50 has-[:checked]:font-semibold"
                >
                  <input type="radio" name="outcome" value={o} className="h-5 w-5 accent-blue-800" defaultChecked={o === outcome} onChange={() => setOutcome(o)} />
                  {VISIT_OUTCOME_LABELS[o]}
                </label>
              ))}
            </div>
            {err("outcome") ? (
              <p id="outcome-err" className="text-sm font-medium text-red-700">
                {err("outcome")!.join(" ")}
              </p>
            ) : null}
            {outcome === "ABSENT" ? (
              <CheckboxField name="noticeLeft" label="Avis de passage déposé" defaultChecked={failed ? v("noticeLeft") === "on" : true} />
            ) : null}
            <CheckboxField name="jointVisit" label="Visite conjointe ADIL + association" defaultChecked={v("jointVisit") === "on"} />
            <CheckboxField name="indecentHousing" label="Logement indécent constaté" defaultChecked={v("indecentHousing") === "on"} />
          </fieldset>
        ) : null}

        {kind === "HOUSEHOLD_CONTACT" ? (
          <SelectField name="channel" label="Comment le ménage a-t-il pris contact ?" required defaultValue={v("channel") ?? ""} errors={err("channel")}>
            <option value="">Choisir…</option>
            {Object.entries(CONTACT_CHANNEL_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </SelectField>
        ) : null}

        {kind === "CLOSURE" ? (
          <SelectField name="reason" label="Motif de clôture" required defaultValue={v("reason") ?? ""} errors={err("reason")}>
            <option value="">Choisir…</option>
            {closureReasons.map((r) => (
              <option key={r} value={r}>
                {CLOSURE_REASON_LABELS[r]}
              </option>
            ))}
          </SelectField>
        ) : null}

        {kind === "REOPENING" ? <TextField name="reason" label="Motif de réouverture" required defaultValue={v("reason")} errors={err("reason")} /> : null}

        <div className="grid grid-cols-2 gap-3">
          <TextField name="day" label="Date" type="date" required defaultValue={v("day") ?? defaults.day} errors={err("day")} />
          <TextField name="time" label="Heure" type="time" required defaultValue={v("time") ?? defaults.time} errors={err("time")} />
        </div>
        {kind !== "REOPENING" ? <TextAreaField name="note" label="Remarque (facultatif)" defaultValue={v("note")} errors={err("note")} /> : null}

        <div className="flex flex-wrap gap-3">
          <SubmitButton>{SUBMIT_LABELS[kind] ?? "Enregistrer"}</SubmitButton>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </div>
      </form>
    </section>
  );
}

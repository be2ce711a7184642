"use client";

import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { saveHearingRequestAction } from "@/app/(app)/dossiers/[id]/audience/actions";
import { Button } from "@/components/ui/button";
import { FieldFrame } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  HEARING_REQUEST_HINTS,
  HEARING_REQUEST_LABELS,
  HEARING_REQUEST_STATUS_LABELS,
  HEARING_REQUEST_STATUSES,
  type HearingRequestKind,
  type HearingRequestStatus,
} from "@/lib/domain/hearing/requests";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

// The field names are the schema's ("note", "status"); the ids are prefixed by the kind, since the
// ledger form on the same page has a "note" too.
const CONTROL =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** One request as the page shows it: dates as "YYYY-MM-DD" for the inputs and "dd/mm/yyyy" for reading. */
export interface HearingRequestRow {
  kind: HearingRequestKind;
  request: { id: string; token: string; status: HearingRequestStatus; filedOn: string; decidedOn: string; filedOnLabel: string | null; decidedOnLabel: string | null; note: string } | null;
}

const STATUS_TONE: Record<HearingRequestStatus, string> = {
  TO_DO: "border-slate-500 bg-slate-100 text-slate-900",
  FILED: "border-blue-800 bg-blue-50 text-blue-900",
  GRANTED: "border-emerald-700 bg-emerald-50 text-emerald-900",
  REFUSED: "border-red-700 bg-red-50 text-red-900",
  WITHDRAWN: "border-slate-500 bg-white text-slate-800",
};

/** The four requests of the hearing file, each with its status and a form to update it. */
export function HearingRequests({ caseId, canEdit, rows }: { caseId: string; canEdit: boolean; rows: HearingRequestRow[] }) {
  const [open, setOpen] = useState<HearingRequestKind | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const onDone = useCallback((text: string) => {
    setOpen(null);
    setMessage(text);
  }, []);
  const cancel = useCallback(() => setOpen(null), []);
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className={message ? "rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900" : "sr-only"}>
        {message ?? ""}
      </p>
      <ul className="flex flex-col gap-3">
        {rows.map(({ kind, request }) => (
          <li key={kind} className="rounded-md border border-slate-300 p-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <h3 className="font-semibold">{HEARING_REQUEST_LABELS[kind]}</h3>
                <p className="text-sm text-slate-700">{HEARING_REQUEST_HINTS[kind]}</p>
              </div>
              <span className={`rounded-full border px-3 py-0.5 text-sm font-semibold ${request ? STATUS_TONE[request.status] : STATUS_TONE.TO_DO}`}>
                {request ? HEARING_REQUEST_STATUS_LABELS[request.status] : "Non préparée"}
              </span>
            </div>
            {request && (request.filedOnLabel || request.decidedOnLabel || request.note) ? (
              <p className="mt-1">
                {[request.filedOnLabel ? `Déposée le ${request.filedOnLabel}` : null, request.decidedOnLabel ? `décision le ${request.decidedOnLabel}` : null, request.note || null]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            ) : null}
            {canEdit ? (
              open === kind ? (
                <RequestForm caseId={caseId} kind={kind} request={request} onDone={onDone} onCancel={cancel} />
              ) : (
                <Button
                  type="button"
                  variant="secondary"
                  className="mt-2 min-h-10 px-3 py-1 text-sm"
                  aria-label={`Mettre à jour : ${HEARING_REQUEST_LABELS[kind]}`}
                  onClick={() => {
                    setMessage(null);
                    setOpen(kind);
                  }}
                >
                  Mettre à jour
                </Button>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RequestForm({ caseId, kind, request, onDone, onCancel }: { caseId: string; kind: HearingRequestKind; request: HearingRequestRow["request"]; onDone: (message: string) => void; onCancel: () => void }) {
  const [state, action] = useActionState(saveHearingRequestAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string, fallback: string) => (failed ? (valueAt(failed.values, name) ?? "") : fallback);
  const err = (name: string) => failed?.fieldErrors[name];
  const firstRef = useRef<HTMLDivElement>(null);
  useEffect(() => firstRef.current?.querySelector("select")?.focus(), []);
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Enregistré.");
  }, [state, onDone]);
  const prefix = `req-${kind}`;
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="mt-3 flex flex-col gap-3" aria-label={`Mettre à jour : ${HEARING_REQUEST_LABELS[kind]}`}>
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="kind" value={kind} />
      {request ? (
        <>
          <input type="hidden" name="requestId" value={request.id} />
          <input type="hidden" name="token" value={request.token} />
        </>
      ) : null}
      <div ref={firstRef} className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <FieldFrame name={`${prefix}-status`} label="État de la demande" required errors={err("status")}>
          {(a11y) => (
            <select name="status" className={CONTROL} defaultValue={v("status", request?.status ?? "TO_DO")} {...a11y}>
              {HEARING_REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {HEARING_REQUEST_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <FieldFrame name={`${prefix}-filedOn`} label="Déposée le" errors={err("filedOn")}>
          {(a11y) => <input type="date" name="filedOn" className={CONTROL} defaultValue={v("filedOn", request?.filedOn ?? "")} {...a11y} />}
        </FieldFrame>
        <FieldFrame name={`${prefix}-decidedOn`} label="Décision le" errors={err("decidedOn")}>
          {(a11y) => <input type="date" name="decidedOn" className={CONTROL} defaultValue={v("decidedOn", request?.decidedOn ?? "")} {...a11y} />}
        </FieldFrame>
      </div>
      <FieldFrame name={`${prefix}-note`} label="Remarque (facultatif)" errors={err("note")}>
        {(a11y) => <input name="note" className={CONTROL} defaultValue={v("note", request?.note ?? "")} {...a11y} />}
      </FieldFrame>
      <div className="flex flex-wrap gap-3">
        <SubmitButton>Enregistrer la demande</SubmitButton>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

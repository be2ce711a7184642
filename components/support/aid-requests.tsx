"use client";

import Link from "next/link";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { saveAidRequestAction } from "@/app/(app)/dossiers/[id]/accompagnement/actions";
import { Button } from "@/components/ui/button";
import { FieldFrame } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { AID_KIND_LABELS, AID_STATUS_LABELS, codes, type AidStatus } from "@/lib/domain/labels";
import { AID_AMOUNT_HINTS, AID_KINDS_WITH_AMOUNT, SUPPORT_AID_KINDS, type SupportAidKind } from "@/lib/domain/support/access";
import type { ActionState } from "@/lib/validation/action-state";
import { CONTROL } from "./diagnostic-form";

const INITIAL: ActionState = { status: "idle" };

/** One request as the tab shows it: dates as "YYYY-MM-DD" for the inputs and "dd/mm/yyyy" for reading. */
export interface AidRequestRow {
  id: string;
  token: string;
  kind: string;
  kindLabel: string;
  status: AidStatus;
  amount: string;
  amountLabel: string | null;
  filedOn: string;
  decidedOn: string;
  filedOnLabel: string | null;
  decidedOnLabel: string | null;
  note: string;
  inHearingFile: boolean;
}

const STATUS_TONE: Record<AidStatus, string> = {
  TO_DO: "border-slate-500 bg-slate-100 text-slate-900",
  FILED: "border-blue-800 bg-blue-50 text-blue-900",
  GRANTED: "border-emerald-700 bg-emerald-50 text-emerald-900",
  REFUSED: "border-red-700 bg-red-50 text-red-900",
  WITHDRAWN: "border-slate-500 bg-white text-slate-800",
};

export function AidRequests({ caseId, rows, refusal, hearingFileHref }: { caseId: string; rows: AidRequestRow[]; refusal: string | null; hearingFileHref: string }) {
  const [open, setOpen] = useState<string | null>(null);
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
      {rows.length === 0 ? <p>Aucune démarche ni préconisation enregistrée.</p> : null}
      <ul className="flex flex-col gap-3">
        {rows.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-300 p-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-semibold">{r.kindLabel}</h3>
              <span className={`rounded-full border px-3 py-0.5 text-sm font-semibold ${STATUS_TONE[r.status]}`}>{AID_STATUS_LABELS[r.status]}</span>
            </div>
            {r.amountLabel || r.filedOnLabel || r.decidedOnLabel || r.note ? (
              <p className="mt-1">
                {[r.amountLabel, r.filedOnLabel ? `déposée le ${r.filedOnLabel}` : null, r.decidedOnLabel ? `décision le ${r.decidedOnLabel}` : null, r.note || null].filter(Boolean).join(" · ")}
              </p>
            ) : null}
            {r.inHearingFile ? (
              <p className="mt-1 text-sm">
                Suivie dans le{" "}
                <Link href={hearingFileHref} className="font-medium text-blue-800 underline underline-offset-4">
                  dossier d&apos;audience
                </Link>
                .
              </p>
            ) : refusal ? null : open === r.id ? (
              <RequestForm caseId={caseId} row={r} onDone={onDone} onCancel={cancel} />
            ) : (
              <Button
                type="button"
                variant="secondary"
                className="mt-2 min-h-10 px-3 py-1 text-sm"
                aria-label={`Mettre à jour : ${r.kindLabel}`}
                onClick={() => {
                  setMessage(null);
                  setOpen(r.id);
                }}
              >
                Mettre à jour
              </Button>
            )}
          </li>
        ))}
      </ul>
      {refusal ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3">{refusal}</p>
      ) : open === "new" ? (
        <div className="rounded-md border border-blue-800 p-3">
          <h3 className="mb-2 font-semibold">Nouvelle démarche</h3>
          <RequestForm caseId={caseId} row={null} onDone={onDone} onCancel={cancel} />
        </div>
      ) : (
        <Button
          type="button"
          className="self-start"
          onClick={() => {
            setMessage(null);
            setOpen("new");
          }}
        >
          Nouvelle démarche
        </Button>
      )}
    </div>
  );
}

function RequestForm({ caseId, row, onDone, onCancel }: { caseId: string; row: AidRequestRow | null; onDone: (m: string) => void; onCancel: () => void }) {
  const [state, action] = useActionState(saveAidRequestAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string, fallback: string) => (failed ? (valueAt(failed.values, name) ?? "") : fallback);
  const err = (name: string) => failed?.fieldErrors[name];
  const [kind, setKind] = useState<string>(v("kind", row?.kind ?? ""));
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector("select")?.focus(), []);
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Démarche enregistrée.");
  }, [state, onDone]);
  const p = row ? `aid-${row.id}` : "aid-new";
  const withAmount = AID_KINDS_WITH_AMOUNT.has(kind as SupportAidKind) || !!failed?.fieldErrors.amount;
  return (
    <form action={action} key={failed?.submission ?? "new"} noValidate className="mt-3 flex flex-col gap-3" aria-label={row ? `Mettre à jour : ${row.kindLabel}` : "Nouvelle démarche"}>
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <input type="hidden" name="caseId" value={caseId} />
      {row ? (
        <>
          <input type="hidden" name="requestId" value={row.id} />
          <input type="hidden" name="token" value={row.token} />
          <input type="hidden" name="kind" value={row.kind} />
        </>
      ) : null}
      <div ref={first} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {row ? null : (
          <FieldFrame name={`${p}-kind`} label="Démarche" required errors={err("kind")}>
            {(a11y) => (
              <select name="kind" className={CONTROL} value={kind} onChange={(e) => setKind(e.target.value)} {...a11y}>
                <option value="">Choisir…</option>
                {SUPPORT_AID_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {AID_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
        )}
        <FieldFrame name={`${p}-status`} label="État" required errors={err("status")}>
          {(a11y) => (
            <select name="status" className={CONTROL} defaultValue={v("status", row?.status ?? "TO_DO")} {...a11y}>
              {codes(AID_STATUS_LABELS).map((s) => (
                <option key={s} value={s}>
                  {AID_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        {withAmount ? (
          <FieldFrame name={`${p}-amount`} label="Montant (€)" hint={AID_AMOUNT_HINTS[kind as SupportAidKind]} errors={err("amount")}>
            {(a11y) => <input name="amount" inputMode="decimal" className={CONTROL} defaultValue={v("amount", row?.amount ?? "")} {...a11y} />}
          </FieldFrame>
        ) : null}
        <FieldFrame name={`${p}-filedOn`} label="Déposée le" errors={err("filedOn")}>
          {(a11y) => <input type="date" name="filedOn" className={CONTROL} defaultValue={v("filedOn", row?.filedOn ?? "")} {...a11y} />}
        </FieldFrame>
        <FieldFrame name={`${p}-decidedOn`} label="Décision le" errors={err("decidedOn")}>
          {(a11y) => <input type="date" name="decidedOn" className={CONTROL} defaultValue={v("decidedOn", row?.decidedOn ?? "")} {...a11y} />}
        </FieldFrame>
      </div>
      <FieldFrame name={`${p}-note`} label="Remarque (facultatif)" errors={err("note")}>
        {(a11y) => <input name="note" className={CONTROL} defaultValue={v("note", row?.note ?? "")} {...a11y} />}
      </FieldFrame>
      <div className="flex flex-wrap gap-3">
        <SubmitButton>Enregistrer la démarche</SubmitButton>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

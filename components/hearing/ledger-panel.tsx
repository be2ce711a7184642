"use client";

import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DeleteLineForm } from "./delete-line-form";
import { LedgerLineForm, type LedgerLineValues } from "./ledger-line-form";

/** One month of the ledger as the page shows it: amounts already formatted in French. */
export interface LedgerRowView {
  id: string;
  token: string;
  /** "Mars 2026" */
  label: string;
  due: string;
  paid: string;
  housingBenefit: string;
  monthBalance: string;
  runningBalance: string;
  note: string | null;
  /** The values an edit starts from. */
  input: LedgerLineValues;
}

export interface LedgerTotalsView {
  due: string;
  paid: string;
  housingBenefit: string;
  balance: string;
}

export interface LedgerPanelProps {
  caseId: string;
  canEdit: boolean;
  rows: LedgerRowView[];
  totals: LedgerTotalsView;
  /** What a new month starts with (the month after the latest one, the lease's rent and charges). */
  newDefaults: LedgerLineValues;
  maxMonth: string;
  /** "Mois absents du relevé : …", when there are gaps. */
  gapsWarning: string | null;
}

type Mode = { kind: "add" } | { kind: "edit"; row: LedgerRowView } | { kind: "delete"; row: LedgerRowView };

/**
 * The rent ledger: a table on a wide screen, one card per month on a phone,
 * and the form to add, change or delete a month.
 */
export function LedgerPanel({ caseId, canEdit, rows, totals, newDefaults, maxMonth, gapsWarning }: LedgerPanelProps) {
  const [mode, setMode] = useState<Mode>({ kind: "add" });
  const [message, setMessage] = useState<string | null>(null);
  // A new key after each save empties the "add" form.
  const [formKey, setFormKey] = useState(0);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const onDone = useCallback((text: string) => {
    setMode({ kind: "add" });
    setFormKey((k) => k + 1);
    setMessage(text);
  }, []);
  const cancel = useCallback(() => setMode({ kind: "add" }), []);
  const open = (next: Mode) => {
    setMessage(null);
    setMode(next);
  };

  const actions = (row: LedgerRowView) =>
    canEdit ? (
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" className="min-h-10 px-3 py-1 text-sm" aria-label={`Modifier ${row.label.toLowerCase()}`} onClick={() => open({ kind: "edit", row })}>
          Modifier
        </Button>
        <Button type="button" variant="secondary" className="min-h-10 px-3 py-1 text-sm" aria-label={`Supprimer ${row.label.toLowerCase()}`} onClick={() => open({ kind: "delete", row })}>
          Supprimer
        </Button>
      </div>
    ) : null;

  return (
    <div className="flex flex-col gap-4">
      <p ref={statusRef} role="status" className={message ? "rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900" : "sr-only"}>
        {message ?? ""}
      </p>

      {rows.length === 0 ? (
        <p className="text-slate-800">Aucun mois saisi. Ajoutez les mois d&apos;après les avis d&apos;échéance, les quittances et les relevés de la CAF.</p>
      ) : (
        <>
          {/* Wide screens: the table a jurist reads; phones: one card per month (the table would not fit in 360 px). */}
          <table className="hidden w-full border-collapse text-left sm:table">
            <caption className="sr-only">Relevé des loyers, du mois le plus ancien au plus récent</caption>
            <thead>
              <tr className="border-b-2 border-slate-400 text-sm">
                <th scope="col" className="py-2 pr-2">Mois</th>
                <th scope="col" className="px-2 py-2 text-right">Loyer et charges dus</th>
                <th scope="col" className="px-2 py-2 text-right">Payé</th>
                <th scope="col" className="px-2 py-2 text-right">Aide au logement</th>
                <th scope="col" className="px-2 py-2 text-right">Solde cumulé</th>
                {canEdit ? <th scope="col" className="py-2 pl-2"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-2 font-medium">
                    {row.label}
                    {row.note ? <span className="block text-sm font-normal text-slate-700">{row.note}</span> : null}
                  </th>
                  <td className="px-2 py-2 text-right tabular-nums">{row.due}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{row.paid}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{row.housingBenefit}</td>
                  <td className="px-2 py-2 text-right font-semibold tabular-nums">{row.runningBalance}</td>
                  {canEdit ? <td className="py-1 pl-2">{actions(row)}</td> : null}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-400 font-semibold">
                <th scope="row" className="py-2 pr-2">Total</th>
                <td className="px-2 py-2 text-right tabular-nums">{totals.due}</td>
                <td className="px-2 py-2 text-right tabular-nums">{totals.paid}</td>
                <td className="px-2 py-2 text-right tabular-nums">{totals.housingBenefit}</td>
                <td className="px-2 py-2 text-right tabular-nums">{totals.balance}</td>
                {canEdit ? <td /> : null}
              </tr>
            </tfoot>
          </table>

          <ol className="flex flex-col gap-3 sm:hidden" aria-label="Relevé des loyers, du mois le plus ancien au plus récent">
            {rows.map((row) => (
              <li key={row.id} className="rounded-md border border-slate-300 p-3">
                <h3 className="font-semibold">{row.label}</h3>
                {row.note ? <p className="text-sm text-slate-700">{row.note}</p> : null}
                <dl className="my-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
                  <dt>Loyer et charges dus</dt>
                  <dd className="text-right tabular-nums">{row.due}</dd>
                  <dt>Payé</dt>
                  <dd className="text-right tabular-nums">{row.paid}</dd>
                  <dt>Aide au logement</dt>
                  <dd className="text-right tabular-nums">{row.housingBenefit}</dd>
                  <dt className="font-semibold">Solde cumulé</dt>
                  <dd className="text-right font-semibold tabular-nums">{row.runningBalance}</dd>
                </dl>
                {actions(row)}
              </li>
            ))}
          </ol>
          <p className="font-semibold sm:hidden">
            Total : dû {totals.due}, payé {totals.paid}, aide au logement {totals.housingBenefit}, solde {totals.balance}
          </p>
        </>
      )}
      {gapsWarning ? <p className="rounded-md border border-amber-700 bg-amber-50 p-3 font-medium text-amber-900">{gapsWarning}</p> : null}

      {canEdit ? (
        mode.kind === "delete" ? (
          <DeleteLineForm key={mode.row.id} caseId={caseId} lineId={mode.row.id} token={mode.row.token} label={mode.row.label.toLowerCase()} onDone={onDone} onCancel={cancel} />
        ) : mode.kind === "edit" ? (
          <LedgerLineForm
            key={`edit-${mode.row.id}`}
            caseId={caseId}
            edit={{ lineId: mode.row.id, token: mode.row.token, label: mode.row.label.toLowerCase() }}
            defaults={mode.row.input}
            maxMonth={maxMonth}
            onDone={onDone}
            onCancel={cancel}
          />
        ) : (
          <LedgerLineForm key={`add-${formKey}`} caseId={caseId} defaults={newDefaults} maxMonth={maxMonth} onDone={onDone} />
        )
      ) : null}
    </div>
  );
}

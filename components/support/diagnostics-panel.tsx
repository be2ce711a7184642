"use client";

import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { DiagnosticForm, type DiagnosticFormValues } from "./diagnostic-form";

/** One diagnostic as the tab shows it: texts already formatted by the page. */
export interface DiagnosticCard {
  id: string;
  token: string;
  title: string;
  /** "Visite conjointe ADIL + association" or null. */
  joint: string | null;
  author: string | null;
  composition: string | null;
  remaining: { monthly: string; perPersonMonthly: string; perPersonDaily: string; negative: boolean } | null;
  lines: { group: string; rows: { label: string; amount: string }[]; total: string }[];
  housing: { label: string; value: string }[];
  texts: { label: string; value: string }[];
  warnings: string[];
  values: DiagnosticFormValues;
}

export function DiagnosticsPanel({
  caseId,
  cards,
  newValues,
  maxDay,
  refusal,
}: {
  caseId: string;
  cards: DiagnosticCard[];
  newValues: DiagnosticFormValues;
  maxDay: string;
  /** Why nothing can be recorded now, or null. */
  refusal: string | null;
}) {
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
      {cards.length === 0 ? <p>Aucun diagnostic enregistré.</p> : null}
      <ul className="flex flex-col gap-3">
        {cards.map((card) => (
          <li key={card.id} className="rounded-md border border-slate-300 p-3">
            <h3 className="font-semibold">{card.title}</h3>
            <p className="text-sm text-slate-700">{[card.joint, card.author ? `saisi par ${card.author}` : null].filter(Boolean).join(" · ")}</p>
            {card.composition ? <p className="mt-1">{card.composition}</p> : null}
            {card.remaining ? (
              <p className={`mt-2 rounded-md p-3 font-semibold ${card.remaining.negative ? "border border-red-700 bg-red-50 text-red-900" : "bg-slate-100 text-slate-900"}`}>
                Reste à vivre : {card.remaining.perPersonDaily} par personne et par jour
                <span className="block text-sm font-normal">
                  {card.remaining.monthly} par mois pour le ménage, {card.remaining.perPersonMonthly} par personne et par mois.
                </span>
              </p>
            ) : null}
            {card.warnings.map((w) => (
              <p key={w} className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-2 text-sm text-amber-950">
                {w}
              </p>
            ))}
            {card.lines.length || card.housing.length || card.texts.length ? (
              <details className="mt-2">
                <summary className="cursor-pointer py-1 font-medium text-blue-800 underline underline-offset-4">Détail du diagnostic</summary>
                <div className="mt-2 flex flex-col gap-3">
                  {card.lines.map((g) => (
                    <table key={g.group} className="w-full text-left">
                      <caption className="text-left font-semibold">{g.group}</caption>
                      <tbody>
                        {g.rows.map((r) => (
                          <tr key={r.label} className="border-b border-slate-200">
                            <th scope="row" className="py-1 pr-2 font-normal">
                              {r.label}
                            </th>
                            <td className="py-1 text-right tabular-nums">{r.amount}</td>
                          </tr>
                        ))}
                        <tr>
                          <th scope="row" className="py-1 pr-2">
                            Total
                          </th>
                          <td className="py-1 text-right font-semibold tabular-nums">{g.total}</td>
                        </tr>
                      </tbody>
                    </table>
                  ))}
                  {card.housing.length ? (
                    <dl className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
                      {card.housing.map((h) => (
                        <div key={h.label} className="flex justify-between gap-2 border-b border-slate-200 py-1">
                          <dt>{h.label}</dt>
                          <dd className="tabular-nums">{h.value}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                  {card.texts.map((t) => (
                    <div key={t.label}>
                      <h4 className="font-semibold">{t.label}</h4>
                      <p className="whitespace-pre-line">{t.value}</p>
                    </div>
                  ))}
                </div>
              </details>
            ) : null}
            {!refusal ? (
              open === card.id ? (
                <div className="mt-3">
                  <DiagnosticForm caseId={caseId} diagnostic={{ id: card.id, token: card.token }} values={card.values} maxDay={maxDay} onDone={onDone} onCancel={cancel} />
                </div>
              ) : (
                <Button
                  type="button"
                  variant="secondary"
                  className="mt-2 min-h-10 px-3 py-1 text-sm"
                  aria-label={`Modifier : ${card.title}`}
                  onClick={() => {
                    setMessage(null);
                    setOpen(card.id);
                  }}
                >
                  Modifier
                </Button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {refusal ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3">{refusal}</p>
      ) : open === "new" ? (
        <div className="rounded-md border border-blue-800 p-3">
          <h3 className="mb-2 font-semibold">Nouveau diagnostic</h3>
          <DiagnosticForm caseId={caseId} diagnostic={null} values={newValues} maxDay={maxDay} onDone={onDone} onCancel={cancel} />
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
          Nouveau diagnostic
        </Button>
      )}
    </div>
  );
}

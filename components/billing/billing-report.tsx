import Link from "next/link";

/** The billing of a period as the page shows it: amounts and dates already formatted. */
export interface BillingReportView {
  periodLabel: string;
  totals: { label: string; count: number; billable: number; amount: string }[];
  due: string;
  notBillable: number;
  dueToDate: string;
  advanceShare: string;
  advanceExpected: string | null;
  advanceReceived: string;
  balance: { amount: string; label: string };
  cap: string | null;
  capLeft: string | null;
  households: {
    id: string;
    name: string;
    city: string;
    cases: { id: string; number: number }[];
    /** "Diagnostic approfondi : 1 × 370,00 €" … */
    summary: string[];
    total: string;
    earlier: string | null;
    acts: { key: string; day: string; label: string; amount: string; billable: boolean; reason: string | null }[];
  }[];
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4 border-b border-slate-200 py-1.5">
      <dt>{label}</dt>
      <dd className={`tabular-nums ${strong ? "font-bold" : ""}`}>{value}</dd>
    </div>
  );
}

export function BillingReport({ report }: { report: BillingReportView }) {
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="titre-totaux" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-totaux" className="mb-2 text-lg font-semibold">
          Totaux · {report.periodLabel}
        </h2>
        {/* A scrollable table is reachable from the keyboard (axe scrollable-region-focusable, issue 16 at 360 px). */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Totaux par type d'acte (défilement horizontal)">
          <table className="w-full text-left">
            <caption className="sr-only">Actes de la période par type</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-2">
                  Acte
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Réalisés
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Facturables
                </th>
                <th scope="col" className="py-1 text-right">
                  Montant
                </th>
              </tr>
            </thead>
            <tbody>
              {report.totals.map((t) => (
                <tr key={t.label} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {t.label}
                  </th>
                  <td className="py-1 pr-2 text-right tabular-nums">{t.count}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{t.billable}</td>
                  <td className="py-1 text-right tabular-nums">{t.amount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="mt-3">
          <Row label="Montant dû pour la période" value={report.due} strong />
          {report.notBillable > 0 ? <Row label="Actes non facturables (voir le motif par ménage)" value={String(report.notBillable)} /> : null}
          <Row label="Montant dû depuis le début de la convention" value={report.dueToDate} />
          <Row label="Part versée en avance" value={report.advanceShare} />
          {report.advanceExpected ? <Row label="Avance prévue (part du plafond)" value={report.advanceExpected} /> : null}
          <Row label="Avance reçue" value={report.advanceReceived} />
          <Row label={report.balance.label} value={report.balance.amount} strong />
          {report.cap ? <Row label="Plafond de la convention" value={report.cap} /> : null}
          {report.capLeft ? <Row label="Reste disponible sous le plafond" value={report.capLeft} /> : null}
        </dl>
      </section>

      <section aria-labelledby="titre-menages" className="flex flex-col gap-3">
        <h2 id="titre-menages" className="text-lg font-semibold">
          Par ménage ({report.households.length})
        </h2>
        {report.households.length === 0 ? <p>Aucun acte sur la période.</p> : null}
        {report.households.map((h) => (
          <article key={h.id} aria-labelledby={`menage-${h.id}`} className="rounded-lg border border-slate-300 bg-white p-4">
            <h3 id={`menage-${h.id}`} className="font-semibold">
              {h.name}
            </h3>
            <p className="text-sm text-slate-700">
              {h.city} ·{" "}
              {h.cases.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/dossiers/${c.id}`} className="text-blue-800 underline underline-offset-4">
                    dossier n° {c.number}
                  </Link>
                </span>
              ))}
            </p>
            <ul className="mt-2">
              {h.summary.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            <p className="mt-1 font-bold">Total facturable : {h.total}</p>
            {h.earlier ? <p className="text-sm text-slate-700">{h.earlier}</p> : null}
            <details className="mt-2">
              <summary className="cursor-pointer py-1 font-medium text-blue-800 underline underline-offset-4">Détail des actes</summary>
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Actes de ${h.name} (défilement horizontal)`}>
                <table className="mt-2 w-full text-left">
                  <caption className="sr-only">Actes de {h.name} sur la période</caption>
                  <thead>
                    <tr className="border-b border-slate-400">
                      <th scope="col" className="py-1 pr-2">
                        Date
                      </th>
                      <th scope="col" className="py-1 pr-2">
                        Acte
                      </th>
                      <th scope="col" className="py-1 text-right">
                        Facturé
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.acts.map((a) => (
                      <tr key={a.key} className="border-b border-slate-200 align-top">
                        <td className="py-1 pr-2 tabular-nums">{a.day}</td>
                        <td className="py-1 pr-2">
                          {a.label}
                          {a.reason ? <span className={`block text-sm ${a.billable ? "text-slate-700" : "font-medium text-red-800"}`}>{a.billable ? a.reason : `Non facturable : ${a.reason}`}</span> : null}
                        </td>
                        <td className="py-1 text-right tabular-nums">{a.amount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </article>
        ))}
      </section>
    </div>
  );
}

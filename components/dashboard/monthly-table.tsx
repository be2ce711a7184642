import type { MonthCount } from "@/lib/domain/indicators/definitions";
import { formatMonth } from "@/lib/domain/indicators/report";

/** The monthly inflow and closures as a table: the chart's numbers, for everyone. */
export function MonthlyTable({ months }: { months: MonthCount[] }) {
  const total = months.reduce((t, m) => ({ opened: t.opened + m.opened, closed: t.closed + m.closed }), { opened: 0, closed: 0 });
  return (
    <table className="w-full border-collapse text-left text-sm sm:text-base">
      <caption className="sr-only">Nouveaux dossiers et clôtures par mois</caption>
      <thead>
        <tr className="border-b border-slate-400">
          <th scope="col" className="py-1 pr-2 font-semibold">
            Mois
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-semibold">
            Nouveaux dossiers
          </th>
          <th scope="col" className="py-1 text-right font-semibold">
            Clôtures
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.month} className="border-b border-slate-200">
            <th scope="row" className="py-1 pr-2 font-normal">
              {formatMonth(m.month)}
            </th>
            <td className="py-1 pr-2 text-right tabular-nums">{m.opened}</td>
            <td className="py-1 text-right tabular-nums">{m.closed}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-slate-400 font-semibold">
          <th scope="row" className="py-1 pr-2">
            Total
          </th>
          <td className="py-1 pr-2 text-right tabular-nums">{total.opened}</td>
          <td className="py-1 text-right tabular-nums">{total.closed}</td>
        </tr>
      </tfoot>
    </table>
  );
}

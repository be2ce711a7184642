import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/labels";

/** Cases per state as a plain, accessible table. */
export function StateCounts({ counts, caption }: { counts: { state: CaseState; count: number }[]; caption: string }) {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <table className="w-full max-w-md border-collapse text-left">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-400">
          <th scope="col" className="py-2 pr-4">Étape</th>
          <th scope="col" className="py-2 text-right">Dossiers</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.state} className="border-b border-slate-200">
            <th scope="row" className="py-2 pr-4 font-normal">{CASE_STATE_LABELS[c.state]}</th>
            <td className="py-2 text-right tabular-nums">{c.count}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" className="py-2 pr-4">Total</th>
          <td className="py-2 text-right font-semibold tabular-nums">{total}</td>
        </tr>
      </tfoot>
    </table>
  );
}

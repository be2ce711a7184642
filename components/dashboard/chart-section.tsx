import type { ReactNode } from "react";

/**
 * A chart and its table under one heading. The chart is for the eye; the
 * table, always shown, is the accessible version with the same numbers.
 */
export function ChartSection({ id, title, note, chart, table }: { id: string; title: string; note?: string; chart: ReactNode; table: ReactNode }) {
  return (
    <section aria-labelledby={`chart-${id}`} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={`chart-${id}`} className="text-lg font-semibold">
        {title}
      </h2>
      {note ? <p className="text-sm text-slate-700">{note}</p> : null}
      {chart}
      {table}
    </section>
  );
}

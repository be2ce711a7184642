import type { ReportSection } from "@/lib/domain/indicators/report";
import { formatPercent } from "@/lib/domain/indicators/stages";

const number = new Intl.NumberFormat("fr-FR");

/**
 * One section of the report as a table: indicator, count, share. The same rows
 * as the exports (lib/domain/indicators/report.ts). Three narrow columns, so
 * it reads at 360 px without scrolling sideways.
 */
export function ReportTable({ section, headingLevel = 2 }: { section: ReportSection; headingLevel?: 2 | 3 }) {
  const hasShare = section.rows.some((r) => r.percent !== undefined);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `section-${section.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <Heading id={headingId} className="text-lg font-semibold">
        {section.title}
      </Heading>
      {section.note ? <p className="text-sm text-slate-700">{section.note}</p> : null}
      <table className="w-full border-collapse text-left text-sm sm:text-base">
        <caption className="sr-only">{section.title}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-1 pr-2 font-semibold">
              Indicateur
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-semibold">
              Nombre
            </th>
            {hasShare ? (
              <th scope="col" className="py-1 text-right font-semibold">
                Part{section.base ? <span className="sr-only"> {section.base}</span> : null}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {section.rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-200" data-key={row.key}>
              <th scope="row" className={`py-1 pr-2 font-normal ${row.indent ? "pl-4 text-slate-700" : ""}`}>
                {row.label}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">{row.count === null ? (row.text ?? "–") : number.format(row.count)}</td>
              {hasShare ? <td className="py-1 text-right tabular-nums">{row.percent === undefined ? "" : formatPercent(row.percent)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {section.base && hasShare ? <p className="text-xs text-slate-700">Parts en % {section.base}, à une décimale.</p> : null}
    </section>
  );
}

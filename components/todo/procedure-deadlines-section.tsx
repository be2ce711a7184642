import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { DEADLINE_KIND_LABELS } from "@/lib/domain/labels";
import type { ProcedureDeadlines } from "@/lib/server/queries/list-procedure-deadlines";
import { SeeAllLink } from "./see-all-link";
import { formatDay, toIsoDay } from "@/lib/utils/dates";

function inDays(days: number): string {
  if (days === 0) return "aujourd'hui";
  return days === 1 ? "demain" : `dans ${days} jours`;
}

/** The section's anchor, and the "?voir=" value that lists it in full. */
export const DEADLINES_SECTION_ID = "echeances";

/**
 * The legal deadlines of the open cases within a chosen horizon, soonest first
 * (issue 4). The horizon is a GET form, so the view can be bookmarked. The
 * first ones are listed; "Voir les N" (`viewQuery`, the page's view) lists up
 * to `expandedLimit`, as the other sections of "À faire" do.
 */
export function ProcedureDeadlinesSection({
  data,
  horizons,
  scopeParam,
  viewQuery,
  expanded,
  expandedLimit,
}: {
  data: ProcedureDeadlines;
  horizons: readonly number[];
  scopeParam: string;
  viewQuery: string;
  expanded: boolean;
  expandedLimit: number;
}) {
  return (
    <section id={DEADLINES_SECTION_ID} aria-labelledby="echeances-titre" className="flex flex-col gap-2">
      <h2 id="echeances-titre" className="text-xl font-semibold">
        Échéances de procédure dans les {data.horizonDays} jours <span className="font-normal text-slate-700">({data.total})</span>
      </h2>
      <form method="get" aria-label="Horizon des échéances" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="vue" value={scopeParam} />
        <SelectField name="horizon" label="Afficher les échéances" defaultValue={String(data.horizonDays)}>
          {horizons.map((days) => (
            <option key={days} value={String(days)}>
              des {days} prochains jours
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          Afficher
        </Button>
      </form>
      {data.items.length === 0 ? (
        <p className="text-slate-700">Aucune échéance de procédure dans les {data.horizonDays} jours.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {data.items.map((item) => (
            <li key={`${item.caseId}-${item.kind}`} className="rounded-md border border-slate-300 bg-white p-3">
              <p className="font-semibold">
                <time dateTime={toIsoDay(item.on)}>{formatDay(item.on)}</time> ({inDays(item.daysLeft)}) : {DEADLINE_KIND_LABELS[item.kind]}
              </p>
              {/* Issue 13: the delay's expiry and the first day the act is possible (CPC 641-642). */}
              {item.twoDates ? <p>{item.twoDates}</p> : null}
              <p>
                <Link href={`/dossiers/${item.caseId}`} className="font-medium text-blue-800 underline underline-offset-4">
                  {item.tenantName}
                </Link>{" "}
                · Dossier n° {item.number} · {item.city}
              </p>
              {item.legalBasis ? <p className="text-sm text-slate-700">Fondement : {item.legalBasis}</p> : null}
              <p className="text-sm text-slate-700">
                {item.workerName ? `Suivi par ${item.workerName}` : "Non attribué"}
                {item.juristName ? ` · Juriste : ${item.juristName}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      {data.total > data.items.length ? (
        <p className="text-sm text-slate-700">
          Les {data.items.length} premières sont affichées sur {data.total}.{" "}
          {expanded ? null : (
            <SeeAllLink
              href={`?${viewQuery}&voir=${DEADLINES_SECTION_ID}#${DEADLINES_SECTION_ID}`}
              total={data.total}
              limit={expandedLimit}
              label="échéances de procédure"
              feminine
            />
          )}
        </p>
      ) : null}
    </section>
  );
}

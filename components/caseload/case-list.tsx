import Link from "next/link";
import { StateBadge } from "@/components/case/state-badge";
import { DEADLINE_KIND_LABELS, PROCEDURE_STAGE_LABELS } from "@/lib/domain/labels";
import type { CaseloadRow } from "@/lib/server/queries/list-cases";
import { formatDay } from "@/lib/utils/dates";

/** The caseload as a list of cards: readable on a 360 px phone and on a desktop. */
export function CaseList({ rows, emptyText = "Aucun dossier ne correspond." }: { rows: CaseloadRow[]; emptyText?: string }) {
  if (rows.length === 0) return <p className="rounded-md border border-slate-300 bg-white p-4 text-slate-700">{emptyText}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {rows.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-300 bg-white p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={`/dossiers/${r.id}`} className="text-lg font-semibold text-blue-800 underline underline-offset-4">
              {r.tenantName}
            </Link>
            <StateBadge state={r.state} />
          </div>
          <p className="text-sm text-slate-700">
            Dossier n° {r.number} · {r.city}
            {r.sectorName ? ` · Secteur ${r.sectorName}` : ""}
          </p>
          <p className="text-sm text-slate-700">
            {r.stage ? PROCEDURE_STAGE_LABELS[r.stage] : "Étape inconnue"}
            {r.hearingOn ? ` · Audience le ${formatDay(r.hearingOn)}` : ""}
            {` · ${r.assigneeName ? `Suivi par ${r.assigneeName}` : "Non attribué"}`}
          </p>
          {r.nextDeadlineOn && r.nextDeadlineKind ? (
            <p className="text-sm font-medium text-slate-900">
              Prochaine échéance : {DEADLINE_KIND_LABELS[r.nextDeadlineKind]}, le{" "}
              <time dateTime={r.nextDeadlineOn.toISOString().slice(0, 10)}>{formatDay(r.nextDeadlineOn)}</time>
              {/* Issue 13: the delay's expiry and the first day the act is possible (CPC 641-642). */}
              {r.nextDeadlineTwoDates ? <span className="block font-normal">{r.nextDeadlineTwoDates}</span> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

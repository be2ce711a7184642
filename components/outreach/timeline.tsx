import { CASE_STATE_LABELS, CLOSURE_REASON_LABELS, CONTACT_CHANNEL_LABELS, OUTREACH_KIND_LABELS, VISIT_OUTCOME_LABELS } from "@/lib/domain/labels";
import type { TimelineEntry } from "@/lib/server/queries/get-case-workflow";
import { formatDay, formatInstant } from "@/lib/utils/dates";

function details(e: TimelineEntry): string[] {
  const out: string[] = [];
  if (e.visitOutcome) out.push(VISIT_OUTCOME_LABELS[e.visitOutcome]);
  if (e.noticeLeft) out.push("avis de passage déposé");
  if (e.jointVisit) out.push("visite conjointe ADIL + association");
  if (e.indecentHousing) out.push("logement indécent signalé");
  if (e.channel) out.push(`par ${CONTACT_CHANNEL_LABELS[e.channel].toLowerCase()}`);
  if (e.closureReason) out.push(CLOSURE_REASON_LABELS[e.closureReason]);
  if (e.kind === "VISIT" && e.toState === "VISIT_2_FAILED" && e.dueOn) out.push(`relance à envoyer à partir du ${formatDay(e.dueOn)}`);
  return out;
}

/** Every outreach event of the case, newest first, with who recorded it and when; the one just saved is highlighted. */
export function OutreachTimeline({ entries, highlightId }: { entries: TimelineEntry[]; highlightId?: string | null }) {
  if (entries.length === 0) return <p className="text-slate-700">Aucun événement pour l&apos;instant.</p>;
  return (
    <ol className="flex flex-col gap-3 border-l-2 border-slate-300 pl-4">
      {entries.map((e) => (
        <li
          key={e.id}
          id={`evenement-${e.id}`}
          className={e.id === highlightId ? "relative rounded-sm bg-emerald-50 outline-2 outline-offset-4 outline-emerald-700" : "relative"}
        >
          <span aria-hidden="true" className="absolute -left-[1.45rem] top-1.5 h-3 w-3 rounded-full bg-blue-800" />
          {e.id === highlightId ? <p className="text-sm font-semibold text-emerald-900">Vient d&apos;être enregistré</p> : null}
          <p className="font-semibold">
            {OUTREACH_KIND_LABELS[e.kind]} <span className="font-normal text-slate-700">· {formatInstant(e.occurredAt)}</span>
          </p>
          {details(e).length > 0 ? <p className="text-slate-800">{details(e).join(" · ")}</p> : null}
          {e.fromState !== e.toState ? (
            <p className="text-sm text-slate-700">
              {CASE_STATE_LABELS[e.fromState]} → {CASE_STATE_LABELS[e.toState]}
            </p>
          ) : null}
          {e.note ? <p className="whitespace-pre-line text-slate-800">{e.note}</p> : null}
          <p className="text-sm text-slate-700">
            Saisi par {e.authorName ?? "un compte supprimé"} le {formatInstant(e.recordedAt)}
          </p>
        </li>
      ))}
    </ol>
  );
}

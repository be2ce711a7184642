import { PROCEDURE_STAGE_LABELS, type ProcedureStage } from "@/lib/domain/labels";
import { frenchDay } from "@/lib/domain/procedure/calendar";
import type { ProcedureComputation, StageStatus, StageView } from "@/lib/domain/procedure/compute-procedure";
import type { ProcedureEventView } from "@/lib/server/queries/get-case-procedure";
import { formatDay, formatInstant } from "@/lib/utils/dates";
import { JUDGMENT_DECISION_LABELS } from "@/lib/domain/labels";
import { abbrText, type AbbrSeen } from "./abbr-text";
import { LegalBasis } from "./legal-basis";

const STATUS: Record<StageStatus, { word: string; chip: string; dot: string }> = {
  done: { word: "Fait", chip: "bg-blue-100 text-blue-950", dot: "border-blue-800 bg-blue-800" },
  scheduled: { word: "Prévu", chip: "bg-emerald-100 text-emerald-950", dot: "border-emerald-800 bg-white" },
  expected: { word: "À venir", chip: "bg-slate-100 text-slate-900", dot: "border-slate-500 bg-white" },
  // Issue 13: an earlier act the team does not know of (the case came in at the assignation).
  unknown: { word: "Non renseigné", chip: "bg-white text-slate-900 border border-slate-500", dot: "border-slate-500 bg-slate-100" },
  not_applicable: { word: "Sans objet", chip: "bg-slate-100 text-slate-800", dot: "border-slate-300 bg-slate-200" },
};

function isBefore(a: Date, b: Date): boolean {
  return a.getTime() < b.getTime();
}

function inDays(days: number): string {
  if (days === 0) return "aujourd'hui";
  return days === 1 ? "demain" : `dans ${days} jours`;
}

/** The dates of a stage in words: on file, or computed by the rules. */
function dateLines(view: StageView, computation: ProcedureComputation, today: Date): string[] {
  const lines: string[] = [];
  if (view.status === "done" && view.date) {
    lines.push(`Le ${frenchDay(view.date)}`);
    if (view.stage === "PREFET_NOTIFICATION" && computation.latestNotificationDate && computation.notificationOk !== undefined) {
      lines.push(
        `Date limite avant l'audience : ${frenchDay(computation.latestNotificationDate)} (${computation.notificationOk ? "respectée" : "non respectée"})`,
      );
    }
  } else if (view.status === "scheduled" && view.date) {
    const countdown = view.stage === "HEARING" && computation.daysToHearing !== undefined ? ` (${inDays(computation.daysToHearing)})` : "";
    lines.push(`Prévu le ${frenchDay(view.date)}${countdown}`);
  } else if (view.status === "expected") {
    // CPC 641-642: the delay's last day, then the first day the act is possible.
    if (view.expiresOn && view.delay) {
      lines.push(`Le ${view.delay} ${isBefore(view.expiresOn, today) ? "a expiré" : "expire"} le ${frenchDay(view.expiresOn)}`);
    }
    if (view.earliestDate) {
      lines.push(isBefore(today, view.earliestDate) ? `Possible à partir du ${frenchDay(view.earliestDate)}` : `Possible depuis le ${frenchDay(view.earliestDate)}`);
    }
    if (view.latestDate) {
      lines.push(isBefore(view.latestDate, today) ? `Au plus tard le ${frenchDay(view.latestDate)} : date dépassée` : `Au plus tard le ${frenchDay(view.latestDate)}`);
    }
  }
  return lines;
}

function eventDetails(e: ProcedureEventView): string[] {
  const out: string[] = [];
  if (e.reference) out.push(`réf. ${e.reference}`);
  if (e.courtName) out.push(e.courtName);
  if (e.householdPresent !== null) out.push(e.householdPresent ? "ménage présent" : "ménage absent");
  if (e.juristPresent !== null) out.push(e.juristPresent ? "avec la ou le juriste" : "sans juriste");
  if (e.decision) out.push(JUDGMENT_DECISION_LABELS[e.decision]);
  if (e.stage === "JEX_DELAY" && e.delayEndsOn) {
    out.push(`délai jusqu'au ${frenchDay(e.delayEndsOn)}${e.delayMonths !== null ? ` (${e.delayMonths} mois à compter de la décision)` : ""}`);
  } else if (e.delayMonths !== null) out.push(`${e.delayMonths} mois accordés`);
  return out;
}

function RecordedActs({ events }: { events: ProcedureEventView[] }) {
  if (events.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-800">
      {events.map((e) => (
        <li key={e.id}>
          {/* The stage's line already gives the date of a single act; several (a postponed hearing) are told apart by theirs. */}
          {[...(events.length > 1 ? [`Acte du ${formatDay(e.date)}`] : []), ...eventDetails(e)].join(" · ")}
          {e.note ? <span className="block whitespace-pre-line">{e.note}</span> : null}
          <span className="block text-slate-700">
            Saisi par {e.authorName ?? "un compte supprimé"} le {formatInstant(e.recordedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The procedure as a vertical timeline of its stages, in procedural order:
 * the dates on file, the dates the rules compute, the acts recorded for each
 * stage and the legal basis of every date.
 */
export function ProcedureTimeline({
  computation,
  events,
  today,
  seen,
  showVerify,
}: {
  computation: ProcedureComputation;
  events: ProcedureEventView[];
  today: Date;
  seen: AbbrSeen;
  showVerify: boolean;
}) {
  const byStage = new Map<ProcedureStage, ProcedureEventView[]>();
  for (const e of [...events].reverse()) byStage.set(e.stage, [...(byStage.get(e.stage) ?? []), e]);
  return (
    <ol aria-label="Étapes de la procédure" className="flex flex-col gap-4 border-l-2 border-slate-300 pl-5">
      {computation.stages.map((view) => {
        const status = STATUS[view.status];
        return (
          <li key={view.stage} className="relative">
            <span aria-hidden="true" className={`absolute -left-[1.85rem] top-1 h-4 w-4 rounded-full border-2 ${status.dot}`} />
            <p className="font-semibold">
              {abbrText(PROCEDURE_STAGE_LABELS[view.stage], seen)}{" "}
              <span className={`ml-1 inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${status.chip}`}>{status.word}</span>
            </p>
            {dateLines(view, computation, today).map((line) => (
              <p key={line} className="text-slate-900">
                {abbrText(line, seen)}
              </p>
            ))}
            <RecordedActs events={byStage.get(view.stage) ?? []} />
            {view.status === "not_applicable" ? null : <LegalBasis ruleIds={view.ruleIds} showVerify={showVerify} />}
          </li>
        );
      })}
    </ol>
  );
}

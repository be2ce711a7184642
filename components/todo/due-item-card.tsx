import Link from "next/link";
import { OUTREACH_STEP_LABELS } from "@/lib/domain/labels";
import type { DueSection } from "@/lib/domain/outreach/urgency";
import type { DueItem } from "@/lib/server/queries/list-due-work";
import { formatDay, toIsoDay } from "@/lib/utils/dates";

function Day({ date }: { date: Date }) {
  return <time dateTime={toIsoDay(date)}>{formatDay(date)}</time>;
}

function hearingIn(days: number): string {
  if (days === 0) return "Audience aujourd'hui";
  return `Audience dans ${days} jour${days > 1 ? "s" : ""}`;
}

/** The line that says when: since when it is due, from when it will be, or the hearing. */
function When({ section, item }: { section: DueSection; item: DueItem }) {
  if (section === "HEARING_SOON" || section === "HEARING_LATER") {
    return item.hearingOn ? (
      <>
        Le <Day date={item.hearingOn} />, aucun contact avec le ménage
      </>
    ) : null;
  }
  if (!item.dueOn) return <>Date inconnue</>;
  if (section === "REMINDER_UPCOMING") {
    return (
      <>
        À partir du <Day date={item.dueOn} />
      </>
    );
  }
  if (section === "REMINDER_DUE") {
    return (
      <>
        Due depuis le <Day date={item.dueOn} />
      </>
    );
  }
  return (
    <>
      En attente depuis le <Day date={item.dueOn} />
    </>
  );
}

function followers(item: DueItem): string {
  const who = [item.workerName ? `Suivi par ${item.workerName}` : null, item.juristName ? `Juriste : ${item.juristName}` : null].filter(Boolean);
  return who.length ? who.join(" · ") : "Non attribué";
}

/** One case in a section of "À faire": who, where, what is due, since when, who follows it. */
export function DueItemCard({ section, item }: { section: DueSection; item: DueItem }) {
  const hearing = section === "HEARING_SOON" || section === "HEARING_LATER";
  const steps = item.steps.map((s) => OUTREACH_STEP_LABELS[s]);
  return (
    <li className={`rounded-md border border-slate-300 bg-white p-3 ${section === "HEARING_SOON" ? "border-l-4 border-l-red-700" : ""}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <Link href={`/dossiers/${item.caseId}`} className="break-words text-lg font-semibold text-blue-800 underline underline-offset-4">
          {item.tenantName}
        </Link>
        <span className="text-sm text-slate-700">
          Dossier n° {item.number} · {item.city}
        </span>
      </div>
      {hearing ? (
        <>
          <p className={`font-medium ${section === "HEARING_SOON" ? "text-red-800" : ""}`}>
            {item.daysToHearing !== null ? hearingIn(item.daysToHearing) : "Audience"}
          </p>
          <p className="text-sm text-slate-800">
            <When section={section} item={item} />
          </p>
          {steps.length ? <p className="text-sm text-slate-800">Prochaine étape — {steps.join(" · ")}</p> : null}
        </>
      ) : (
        <>
          <p className="font-medium">{steps.join(" · ")}</p>
          <p className="text-sm text-slate-800">
            <When section={section} item={item} />
          </p>
        </>
      )}
      <p className="text-sm text-slate-700">{followers(item)}</p>
    </li>
  );
}

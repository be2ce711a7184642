import { StateBadge } from "@/components/case/state-badge";
import { DEADLINE_KIND_LABELS } from "@/lib/domain/labels";
import type { CaseDetail } from "@/lib/server/queries/get-case";
import { formatPhone, mapsUrl, telHref } from "@/lib/utils/contact";
import { formatDay, toIsoDay } from "@/lib/utils/dates";

/** The tenant's name as the case page and "Ma tournée" write it: "Élodie MARTIN", or the surname alone. */
export function tenantName(data: Pick<CaseDetail, "household">): string {
  if (data.household.anonymisedAt) return "Ménage anonymisé";
  const tenant = data.household.occupants.find((o) => o.role === "TENANT");
  return tenant ? `${tenant.firstName} ${tenant.lastName.toUpperCase()}`.trim() : "Ménage";
}

/**
 * The top of the case page on a phone (issue 16 §2): who, where (a map link),
 * the phone (a call link), the state and the next deadline. The next action,
 * the main button, follows in the outreach panel.
 */
export function CaseHeader({ data, today }: { data: CaseDetail; today: Date }) {
  const h = data.household;
  const deadline = data.nextDeadlineOn && data.nextDeadlineKind && data.nextDeadlineOn >= today ? { on: data.nextDeadlineOn, kind: data.nextDeadlineKind } : null;
  return (
    <div className="flex flex-col gap-1">
      <h1 className="text-2xl font-bold">
        {tenantName(data)} <span className="text-lg font-normal text-slate-700">· Dossier n° {data.number}</span>
      </h1>
      {h.anonymisedAt ? null : (
        <ul className="flex flex-col">
          <li>
            <a href={mapsUrl(h)} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
              {h.addressLine}, {h.postcode} {h.city}
              <span className="sr-only"> (plan, nouvel onglet)</span>
            </a>
          </li>
          <li>
            {h.phone ? (
              <a href={telHref(h.phone)} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
                <span className="sr-only">Appeler le </span>
                {formatPhone(h.phone)}
              </a>
            ) : (
              <span className="inline-flex min-h-11 items-center text-slate-700">Téléphone inconnu</span>
            )}
          </li>
        </ul>
      )}
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <StateBadge state={data.state} />
        <span className="text-slate-800">
          {deadline ? (
            <>
              Prochaine échéance : {DEADLINE_KIND_LABELS[deadline.kind]}, le <time dateTime={toIsoDay(deadline.on)}>{formatDay(deadline.on)}</time>
            </>
          ) : (
            "Aucune échéance connue"
          )}
        </span>
      </p>
    </div>
  );
}

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { OUTREACH_STEP_LABELS } from "@/lib/domain/labels";
import type { RoundSector } from "@/lib/domain/outreach/visit-round";
import { formatPhone, mapsUrl, telHref } from "@/lib/utils/contact";
import { formatDay, toIsoDay } from "@/lib/utils/dates";

const link = "inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4 print:min-h-0 print:text-slate-900 print:no-underline";

/** The round, sector by sector and commune by commune: on a phone a list of cards, on paper one dense page. */
export function VisitRoundView({ sectors }: { sectors: RoundSector[] }) {
  return (
    <div className="flex flex-col gap-6 print:gap-2">
      {sectors.map((sector) => {
        const title = sector.sectorName ? `Secteur ${sector.sectorName}` : "Sans secteur";
        const id = `secteur-${sector.sectorName ?? "aucun"}`.replace(/[^a-zA-Z0-9_-]/g, "-");
        return (
          <section key={id} aria-labelledby={id} className="flex flex-col gap-3 print:gap-1">
            <h2 id={id} className="text-xl font-bold print:text-base">
              {title}
            </h2>
            {sector.communes.map((commune) => (
              <div key={`${commune.postcode}-${commune.city}`} className="flex flex-col gap-2 print:gap-0">
                <h3 className="text-lg font-semibold print:text-sm">
                  {commune.city} <span className="font-normal text-slate-700">({commune.postcode})</span>
                </h3>
                <ul className="flex flex-col gap-3 print:gap-0">
                  {commune.stops.map((s) => (
                    <li key={s.caseId} className="flex flex-col gap-1 rounded-lg border border-slate-300 bg-white p-3 print:break-inside-avoid print:flex-row print:flex-wrap print:gap-x-3 print:rounded-none print:border-0 print:border-b print:p-1 print:text-xs">
                      <Link href={`/dossiers/${s.caseId}`} className={`${link} text-lg font-semibold print:text-xs`}>
                        {s.tenantName}
                        <span className="sr-only"> (dossier n° {s.number})</span>
                      </Link>
                      <a href={mapsUrl(s)} target="_blank" rel="noopener noreferrer" className={link}>
                        {s.addressLine}
                        {s.addressExtra ? `, ${s.addressExtra}` : ""}
                        <span className="sr-only"> (plan, nouvel onglet)</span>
                      </a>
                      {s.phone ? (
                        <a href={telHref(s.phone)} className={link}>
                          <span className="sr-only">Appeler le </span>
                          {formatPhone(s.phone)}
                        </a>
                      ) : null}
                      <p className="text-slate-800">
                        {OUTREACH_STEP_LABELS[s.step]}
                        {s.dueOn ? (
                          <>
                            {" "}
                            depuis le <time dateTime={toIsoDay(s.dueOn)}>{formatDay(s.dueOn)}</time>
                          </>
                        ) : null}
                      </p>
                      <Link href={`/dossiers/${s.caseId}?action=visite`} className={`${buttonClass("primary")} mt-1 self-start print:hidden`}>
                        Visite<span className="sr-only"> chez {s.tenantName}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

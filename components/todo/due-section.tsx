import { DUE_SECTIONS, type DueSection } from "@/lib/domain/outreach/urgency";
import type { DueWorkSection } from "@/lib/server/queries/list-due-work";
import { DueItemCard } from "./due-item-card";
import { SeeAllLink } from "./see-all-link";

/** Headings and empty lines of the sections, in the order of DUE_SECTIONS. */
const COPY: Record<DueSection, { id: string; title: string; hint?: string; empty: string }> = {
  HEARING_SOON: {
    id: "audiences-proches",
    title: "Audience dans 15 jours ou moins, sans contact",
    empty: "Aucune audience imminente sans contact.",
  },
  REMINDER_DUE: { id: "relances-dues", title: "Relances à envoyer", hint: "15 jours après la deuxième visite sans contact.", empty: "Aucune relance à envoyer." },
  VISIT: { id: "visites", title: "Visites à faire", empty: "Aucune visite à faire." },
  LETTER: { id: "courriers", title: "Courriers à envoyer", empty: "Aucun courrier à envoyer." },
  CLOSURE: { id: "clotures", title: "Clôtures à décider", empty: "Aucune clôture à décider." },
  HEARING_LATER: {
    id: "audiences-a-venir",
    title: "Audience dans 16 à 45 jours, sans contact",
    empty: "Aucune autre audience dans les 45 jours sans contact.",
  },
  REMINDER_UPCOMING: { id: "relances-a-venir", title: "Relances à venir", empty: "Aucune relance à venir." },
};

/** The section a "?voir=" parameter names (its anchor id), if any. */
export function dueSectionOfParam(param: string | string[] | undefined): DueSection | null {
  return DUE_SECTIONS.find((s) => COPY[s].id === param) ?? null;
}

/**
 * One section of "À faire". `viewQuery` is the page's view ("vue=…", and
 * "horizon=…" when chosen), kept in the "Voir les N" link, which lists this section up to `expandedLimit` items
 * (the others keep their short list); `expanded` says it is that section.
 */
export function DueSectionView({ data, viewQuery, expanded, expandedLimit }: { data: DueWorkSection; viewQuery: string; expanded: boolean; expandedLimit: number }) {
  const copy = COPY[data.section];
  const headingId = `${copy.id}-titre`;
  return (
    <section id={copy.id} aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="text-xl font-semibold">
        {copy.title} <span className="font-normal text-slate-700">({data.total})</span>
      </h2>
      {copy.hint && data.total > 0 ? <p className="text-sm text-slate-700">{copy.hint}</p> : null}
      {data.items.length === 0 ? (
        <p className="text-slate-700">{copy.empty}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {data.items.map((item) => (
            <DueItemCard key={item.caseId} section={data.section} item={item} />
          ))}
        </ul>
      )}
      {data.total > data.items.length ? (
        <p className="text-sm text-slate-700">
          Les {data.items.length} premiers sont affichés sur {data.total}.{" "}
          {expanded ? null : (
            <SeeAllLink href={`?${viewQuery}&voir=${copy.id}#${copy.id}`} total={data.total} limit={expandedLimit} label={copy.title} />
          )}
        </p>
      ) : null}
    </section>
  );
}

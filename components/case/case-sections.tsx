import Link from "next/link";

/** The case page's sections shown in place (issue 16 §2); the others are their own pages. */
export const CASE_SECTIONS = ["historique", "procedure", "menage"] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

/** `?section=` of the case page; without one, the history comes first (the jurist starts on the procedure). */
export function parseCaseSection(value: string | string[] | undefined, role: string): CaseSection {
  const v = Array.isArray(value) ? value[0] : value;
  if ((CASE_SECTIONS as readonly string[]).includes(v ?? "")) return v as CaseSection;
  return role === "JURIST" ? "procedure" : "historique";
}

interface SectionLink {
  key: string;
  href: string;
  label: string;
  /** Said to screen readers after the label (the label stays the start of the name). */
  more?: string;
}

/**
 * The sections of a case, each one tap away and with its own URL, so a link
 * (a reminder, "À faire", a colleague's message) opens it directly.
 */
export function CaseSectionNav({ caseId, current, showLetters }: { caseId: string; current: CaseSection | "accompagnement"; showLetters: boolean }) {
  const links: SectionLink[] = [
    { key: "historique", href: `/dossiers/${caseId}?section=historique`, label: "Historique" },
    { key: "procedure", href: `/dossiers/${caseId}?section=procedure`, label: "Procédure" },
    { key: "menage", href: `/dossiers/${caseId}?section=menage`, label: "Ménage" },
    { key: "accompagnement", href: `/dossiers/${caseId}/accompagnement`, label: "Accompagnement", more: " (diagnostics, semaines, démarches)" },
    ...(showLetters
      ? [{ key: "courriers", href: `/courriers/dossiers/${caseId}`, label: "Courriers", more: " (premier courrier, bailleur, avis de passage, relance, e-mail, SMS)" }]
      : []),
    { key: "documents", href: `/dossiers/${caseId}/documents`, label: "Documents", more: " et photos (bail, actes, justificatifs, photos du logement)" },
    { key: "orientations", href: `/dossiers/${caseId}/orientations`, label: "Orientations", more: " vers les partenaires" },
  ];
  return (
    <nav aria-label="Sections du dossier" className="print:hidden">
      <ul className="grid grid-cols-3 gap-1 rounded-lg border border-slate-300 bg-white p-1 sm:flex sm:flex-wrap">
        {links.map((l) => (
          <li key={l.key} className="min-w-0">
            <Link
              href={l.href}
              scroll={false}
              aria-current={l.key === current ? "page" : undefined}
              className="flex min-h-11 items-center justify-center rounded-md px-2 text-center text-sm font-semibold text-blue-800 underline-offset-4 hover:underline aria-[current=page]:bg-blue-800 aria-[current=page]:text-white sm:px-3 sm:text-base"
            >
              {l.label}
              {l.more ? <span className="sr-only">{l.more}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

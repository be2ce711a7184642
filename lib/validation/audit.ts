import { parseCalendarDate } from "@/lib/utils/dates";

/**
 * The audit page's filters from the URL (a GET form, so a filtered view can
 * be bookmarked or sent). Lenient: a malformed value is dropped with a French
 * message rather than refusing the page.
 */
export interface ParsedAuditFilters {
  view: "modifications" | "consultations";
  userId?: string;
  caseNumber?: number;
  action?: string;
  from?: Date;
  to?: Date;
  page: number;
  /** What was typed, to put back in the form. */
  raw: Record<"vue" | "utilisateur" | "dossier" | "action" | "du" | "au", string>;
  problems: string[];
}

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v.trim().slice(0, 200) : "");

export function parseAuditFilters(search: Search): ParsedAuditFilters {
  const raw = { vue: one(search.vue), utilisateur: one(search.utilisateur), dossier: one(search.dossier), action: one(search.action), du: one(search.du), au: one(search.au) };
  const problems: string[] = [];
  const view = raw.vue === "consultations" ? "consultations" : "modifications";
  let caseNumber: number | undefined;
  if (raw.dossier) {
    const n = Number(raw.dossier.replace(/^n°\s*/i, ""));
    if (Number.isInteger(n) && n > 0 && n < 2 ** 31) caseNumber = n;
    else problems.push("Le numéro de dossier doit être un nombre entier (ex. 42).");
  }
  const day = (text: string, label: string) => {
    if (!text) return undefined;
    const d = parseCalendarDate(text);
    if (!d) problems.push(`${label} n'est pas une date valide.`);
    return d ?? undefined;
  };
  const from = day(raw.du, "La date de début");
  const to = day(raw.au, "La date de fin");
  if (from && to && from > to) problems.push("La date de début est après la date de fin.");
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(search.page), 10) || 1));
  return {
    view,
    userId: raw.utilisateur || undefined,
    caseNumber,
    action: view === "modifications" ? raw.action || undefined : undefined,
    from,
    to: from && to && from > to ? undefined : to,
    page,
    raw,
    problems,
  };
}

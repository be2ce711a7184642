import { normaliseForSearch } from "@/lib/domain/search-text";

/**
 * The partner directory (issue 20): the offices a team orients households to.
 * Not the team's own organisations (Organisation): an MDS, a CCAS, the ADIL,
 * the CAF, the FSL, the Banque de France, an association of the Fondation pour
 * le logement's network (ex-Fondation Abbé Pierre, "Allô Prévention Expulsion"
 * relays), or another.
 */
export const PARTNER_KIND_LABELS = {
  MDS: "MDS (maison départementale des solidarités)",
  CCAS: "CCAS (centre communal d'action sociale)",
  ADIL: "ADIL (information sur le logement)",
  CAF: "CAF",
  FSL: "FSL (fonds de solidarité logement)",
  BANQUE_DE_FRANCE: "Banque de France (surendettement)",
  FAP_ASSOCIATION: "Association du réseau Fondation pour le logement",
  OTHER: "Autre partenaire",
} as const;
export type PartnerKind = keyof typeof PARTNER_KIND_LABELS;
export const PARTNER_KINDS = Object.keys(PARTNER_KIND_LABELS) as [PartnerKind, ...PartnerKind[]];

/** Short labels for tables and the dashboard. */
export const PARTNER_KIND_SHORT = {
  MDS: "MDS",
  CCAS: "CCAS",
  ADIL: "ADIL",
  CAF: "CAF",
  FSL: "FSL",
  BANQUE_DE_FRANCE: "Banque de France",
  FAP_ASSOCIATION: "Association FAP",
  OTHER: "Autre",
} as const satisfies Record<PartnerKind, string>;

/** What the household needs; each need points to the kinds of partner that answer it. */
export const NEED_LABELS = {
  SOCIAL_WORKER: "Un travailleur social (suivi, aides)",
  LEGAL_ADVICE: "Un conseil juridique (procédure, délais)",
  HOUSING_BENEFIT: "L'aide au logement (APL)",
  RENT_ARREARS_AID: "Une aide pour la dette de loyer (FSL)",
  OVER_INDEBTEDNESS: "Un dossier de surendettement",
  ADVOCACY: "Un accompagnement associatif (droits liés à l'habitat)",
} as const;
export type Need = keyof typeof NEED_LABELS;
export const NEEDS = Object.keys(NEED_LABELS) as [Need, ...Need[]];

export const KINDS_FOR_NEED: Record<Need, readonly PartnerKind[]> = {
  SOCIAL_WORKER: ["MDS", "CCAS"],
  LEGAL_ADVICE: ["ADIL", "FAP_ASSOCIATION"],
  HOUSING_BENEFIT: ["CAF"],
  RENT_ARREARS_AID: ["FSL", "MDS"],
  OVER_INDEBTEDNESS: ["BANQUE_DE_FRANCE"],
  ADVOCACY: ["FAP_ASSOCIATION"],
};

export interface PartnerForSuggestion {
  id: string;
  kind: PartnerKind;
  name: string;
  /** Normalised communes covered (normaliseForSearch); empty: the whole département. */
  communeKeys: readonly string[];
  active: boolean;
}

export interface Suggestion<P extends PartnerForSuggestion> {
  partner: P;
  /** Covers the household's commune by name (not only the whole département). */
  coversCommune: boolean;
  /** The needs this partner answers, in NEEDS order. */
  needs: Need[];
}

export const communeKey = (commune: string) => normaliseForSearch(commune);

/**
 * The partners to suggest for a household: active ones that cover its commune
 * (by name, or the whole département when no commune is listed) and answer at
 * least one of its needs (any, when no need is ticked). Those naming the
 * commune first, then by the number of needs answered, then by name.
 */
export function suggestPartners<P extends PartnerForSuggestion>(partners: readonly P[], household: { city: string }, needs: readonly Need[]): Suggestion<P>[] {
  const key = communeKey(household.city);
  const out: Suggestion<P>[] = [];
  for (const partner of partners) {
    if (!partner.active) continue;
    const coversCommune = partner.communeKeys.includes(key);
    if (!coversCommune && partner.communeKeys.length > 0) continue;
    const answered = NEEDS.filter((n) => needs.includes(n) && KINDS_FOR_NEED[n].includes(partner.kind));
    if (needs.length > 0 && answered.length === 0) continue;
    out.push({ partner, coversCommune, needs: answered });
  }
  return out.sort(
    (a, b) =>
      Number(b.coversCommune) - Number(a.coversCommune) || b.needs.length - a.needs.length || a.partner.name.localeCompare(b.partner.name, "fr"),
  );
}

/** "Évry-Courcouronnes, Corbeil-Essonnes" → the list, trimmed, without duplicates. */
export function parseCommunes(text: string | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (text ?? "").split(/[,;\n]/)) {
    const commune = part.trim().replace(/\s+/g, " ");
    const key = communeKey(commune);
    if (!commune || seen.has(key)) continue;
    seen.add(key);
    out.push(commune);
  }
  return out;
}

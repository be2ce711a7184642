import { CASE_STATE_LABELS, CLOSURE_CATEGORY_LABELS, CLOSURE_REASON_LABELS } from "@/lib/domain/labels";
import { OPEN_STATES } from "@/lib/domain/outreach/states";
import { formatDay } from "@/lib/utils/dates";

import { CLOSURE_CATEGORIES, CLOSURE_REASONS, type Indicators } from "./definitions";
import type { IndicatorScope } from "./filter";
import { formatPercent, percent, STAGE_GROUP_LABELS, STAGE_GROUPS } from "./stages";
import type { ReferralIndicators } from "./referrals";
import { PARTNER_KIND_SHORT, PARTNER_KINDS } from "@/lib/domain/referrals/partners";

/**
 * The indicators as labelled rows, grouped in sections: the ONE layout the
 * dashboard, the CSV, the XLSX and the PDF all print, so that every output
 * shows the same numbers under the same words. Shares are to one decimal, of
 * the base the section names (indicators.md).
 */

export interface ReportRow {
  /** Stable key, e.g. "cases.total", "closure.NO_CONTACT" (exports and tests match on it). */
  key: string;
  label: string;
  /** A count; null for a figure that is not one (a median), see `text`. */
  count: number | null;
  /** Share of the section's base, in % to one decimal; undefined when the row has none. */
  percent?: number | null;
  /** A value that is not a count (median days), already in French. */
  text?: string;
  /** Sub-rows ("dont …") are indented. */
  indent?: boolean;
}

export interface ReportSection {
  id: string;
  title: string;
  /** What the percentages are shares of, in French. */
  base?: string;
  note?: string;
  rows: ReportRow[];
}

const share = (count: number, base: number) => ({ count, percent: percent(count, base) });

export function formatDays(days: number | null): string {
  if (days === null) return "–";
  return `${days.toFixed(1).replace(".", ",")} j`;
}

/** "du 01/01/2025 au 30/06/2026" or "depuis le début, jusqu'au 30/06/2026". */
export function describePeriod(scope: Pick<IndicatorScope, "from" | "to">): string {
  return scope.from ? `du ${formatDay(scope.from)} au ${formatDay(scope.to)}` : `depuis le premier dossier, jusqu'au ${formatDay(scope.to)}`;
}

export function indicatorReport(ind: Indicators): ReportSection[] {
  const { cases } = ind;
  const cat = ind.closureCategories;
  return [
    {
      id: "cases",
      title: "Situations",
      base: "des situations de la période",
      note: "Les situations de la période : dossiers ouverts au plus tard à la fin de la période et non clôturés avant son début, dans leur état au dernier jour.",
      rows: [
        { key: "cases.total", label: "Situations (dossiers)", count: cases.total },
        { key: "cases.opened", label: "dont nouveaux dossiers dans la période", ...share(cases.opened, cases.total), indent: true },
        { key: "cases.eligible", label: "Ménages éligibles", ...share(cases.eligible, cases.total) },
        { key: "cases.inProgress", label: "Dossiers en cours", ...share(cases.inProgress, cases.total) },
        { key: "cases.closed", label: "Dossiers clôturés", ...share(cases.closed, cases.total) },
        { key: "supported.total", label: "Ménages accompagnés", ...share(ind.supported.total, cases.total) },
        { key: "supported.inProgress", label: "dont dossiers en cours", count: ind.supported.inProgress, indent: true },
        { key: "supported.closed", label: "dont dossiers clôturés", count: ind.supported.closed, indent: true },
      ],
    },
    {
      id: "stages",
      title: "Dossiers en cours par étape",
      base: "des dossiers en cours",
      note: "« Premier courrier » compte aussi les dossiers identifiés dont le courrier reste à envoyer.",
      rows: [
        ...STAGE_GROUPS.map((g) => ({ key: `stage.${g}`, label: STAGE_GROUP_LABELS[g], ...share(ind.inProgressByStage[g], cases.inProgress) })),
        { key: "stage.total", label: "Total en cours", count: cases.inProgress },
      ],
    },
    {
      id: "states",
      title: "Dossiers en cours par état du suivi",
      base: "des dossiers en cours",
      rows: OPEN_STATES.map((s) => ({ key: `state.${s}`, label: CASE_STATE_LABELS[s], ...share(ind.inProgressByState[s], cases.inProgress) })),
    },
    {
      id: "closures",
      title: "Motifs de clôture",
      base: "des dossiers clôturés",
      rows: [
        ...CLOSURE_REASONS.map((r) => ({ key: `closure.${r}`, label: CLOSURE_REASON_LABELS[r], ...share(ind.closureReasons[r], cases.closed) })),
        { key: "closure.total", label: "Total clôturés", count: cases.closed },
      ],
    },
    {
      id: "categories",
      title: "Clôtures par catégorie du financeur",
      base: "des dossiers clôturés",
      note:
        "« A pris contact » : ménage accompagné ; « A quitté le logement ou NPAI » : motif de clôture. " +
        "Un ménage accompagné qui a quitté le logement compte dans les deux : les parts peuvent dépasser 100 %.",
      rows: CLOSURE_CATEGORIES.map((c) => ({ key: `category.${c}`, label: CLOSURE_CATEGORY_LABELS[c], ...share(cat[c], cases.closed) })),
    },
    {
      id: "landlords",
      title: "Bailleurs",
      note: "Bailleurs distincts des dossiers de la période ; « ont répondu » : parmi les bailleurs à qui l'équipe a écrit (mêmes mots que la page Bailleurs).",
      rows: [
        { key: "landlords.concerned", label: "Bailleurs concernés", count: ind.landlords.concerned },
        { key: "landlords.contacted", label: "Bailleurs à qui un courrier a été envoyé", ...share(ind.landlords.contacted, ind.landlords.concerned) },
        { key: "landlords.answered", label: "Bailleurs ayant répondu", ...share(ind.landlords.answered, ind.landlords.contacted) },
      ],
    },
    {
      id: "joint",
      title: "Visites conjointes ADIL + association",
      note: "Dossiers ayant eu au moins une visite à domicile conjointe (visite d'aller-vers ou diagnostic).",
      rows: [
        { key: "joint.inProgress", label: "Dossiers en cours", count: ind.jointVisits.inProgress },
        { key: "joint.closed", label: "Dossiers clôturés", count: ind.jointVisits.closed },
      ],
    },
    {
      id: "hearings",
      title: "Audiences",
      base: "des dossiers dont l'audience a eu lieu",
      rows: [
        { key: "hearings.held", label: "Dossiers dont l'audience a eu lieu", count: ind.hearings.held },
        { key: "hearings.present", label: "Ménage présent à l'audience", ...share(ind.hearings.householdPresent, ind.hearings.held) },
        { key: "hearings.withJurist", label: "dont avec la juriste de l'ADIL", ...share(ind.hearings.withJurist, ind.hearings.held), indent: true },
        { key: "hearings.metBefore", label: "Ménage en contact avant l'audience", ...share(ind.hearings.metBefore, ind.hearings.held) },
      ],
    },
    {
      id: "contact",
      title: "Premier contact",
      rows: [
        { key: "contact.count", label: "Ménages en contact avec l'équipe", count: ind.firstContact.count },
        { key: "contact.medianDays", label: "Délai médian entre l'identification et le premier contact", count: null, text: formatDays(ind.firstContact.medianDays) },
      ],
    },
    {
      id: "activity",
      title: "Activité dans la période",
      rows: [
        { key: "diagnostics.flash", label: "Diagnostics flash", count: ind.diagnostics.flash },
        { key: "diagnostics.inDepth", label: "Diagnostics approfondis", count: ind.diagnostics.inDepth },
        { key: "supportWeeks.weeks", label: "Semaines d'accompagnement", count: ind.supportWeeks.weeks },
        { key: "supportWeeks.cases", label: "Ménages ayant eu des semaines d'accompagnement", count: ind.supportWeeks.cases },
      ],
    },
    ...(ind.referrals ? [referralSection(ind.referrals)] : []),
  ];
}

/** Issue 20: referrals by partner kind with the follow-up rate (definition: ./referrals.ts). */
export function referralSection(r: ReferralIndicators): ReportSection {
  return {
    id: "referrals",
    title: "Orientations vers les partenaires",
    base: "des orientations de la période",
    note: "Orientations faites dans la période ; « avec des nouvelles » : RDV pris, reçu ou sans suite enregistré au plus tard le dernier jour.",
    rows: [
      { key: "referrals.total", label: "Orientations", count: r.total },
      { key: "referrals.withFollowUp", label: "dont avec des nouvelles (taux de suivi)", ...share(r.withFollowUp, r.total), indent: true },
      ...PARTNER_KINDS.filter((k) => r.byKind[k].total > 0).flatMap((k) => [
        { key: `referrals.kind.${k}`, label: `Vers : ${PARTNER_KIND_SHORT[k]}`, ...share(r.byKind[k].total, r.total) },
        {
          key: `referrals.kind.${k}.withFollowUp`,
          label: `dont avec des nouvelles (${formatPercent(percent(r.byKind[k].withFollowUp, r.byKind[k].total))} de suivi)`,
          count: r.byKind[k].withFollowUp,
          indent: true,
        },
      ]),
    ],
  };
}

/** "2025-03" → "mars 2025". */
export function formatMonth(month: string): string {
  const names = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

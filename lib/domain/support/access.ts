import type { AidKind, CaseState } from "@/lib/domain/labels";

/**
 * What the support tab lets one record, by the case's state (decision 009).
 *
 * Support only makes sense once the household has been in contact: the
 * outreach workflow then puts the case in SUPPORTED and sets `supported`.
 * - SUPPORTED: everything (diagnostics, support period and weeks, aid requests).
 * - CLOSED after support: the support is over, but decisions on requests filed
 *   during it still arrive (an FSL granted a month later), so aid requests stay
 *   editable and an open support period may still be ended; nothing new starts.
 * - Any other state (no contact yet, or closed without contact): nothing; the
 *   message says to record the contact first (or to reopen the case).
 */
export type SupportStep = "DIAGNOSTIC" | "START_PERIOD" | "WEEK" | "END_PERIOD" | "AID_REQUEST";

export function supportStepRefusal(step: SupportStep, c: { state: CaseState; supported: boolean }): string | null {
  if (c.state === "SUPPORTED") return null;
  if (c.state === "CLOSED" && c.supported) {
    if (step === "AID_REQUEST" || step === "END_PERIOD") return null;
    return "Le dossier est clôturé : rouvrez-le depuis l'aller-vers pour enregistrer un diagnostic ou une semaine d'accompagnement.";
  }
  if (c.state === "CLOSED") return "Le dossier a été clôturé sans que le ménage ait pris contact : il n'y a pas d'accompagnement à enregistrer.";
  return "Le ménage n'a pas encore pris contact : enregistrez d'abord le contact dans l'aller-vers du dossier, l'accompagnement commence ensuite.";
}

/**
 * The requests the support tab manages. The four requests of the hearing file
 * (delays to pay and to leave, legal aid, JEX referral) are one per case and
 * belong to the jurist's hearing file (issue 4): the support tab shows them and
 * links there, so the same request is never kept in two places.
 */
export const SUPPORT_AID_KINDS = [
  "APL",
  "FSL",
  "DALO",
  "DLS",
  "OVER_INDEBTEDNESS",
  "COLLECTIVE_AGREEMENT",
  "ENERGY_AID",
  "DISABILITY_BENEFIT",
  "MDS_REFERRAL",
  "OTHER",
] as const satisfies readonly AidKind[];
export type SupportAidKind = (typeof SUPPORT_AID_KINDS)[number];

export function isSupportAidKind(kind: string): kind is SupportAidKind {
  return (SUPPORT_AID_KINDS as readonly string[]).includes(kind);
}

/** Requests where an amount means something (monthly benefit, one-off aid); the others take none. */
export const AID_KINDS_WITH_AMOUNT: ReadonlySet<SupportAidKind> = new Set(["APL", "FSL", "ENERGY_AID", "DISABILITY_BENEFIT", "OTHER"]);

export const AID_AMOUNT_HINTS: Partial<Record<SupportAidKind, string>> = {
  APL: "Montant mensuel de l'aide.",
  FSL: "Montant demandé, puis accordé.",
  ENERGY_AID: "Montant de l'aide ponctuelle.",
  DISABILITY_BENEFIT: "Montant mensuel de la prestation.",
  OTHER: "Si la démarche porte sur un montant.",
};

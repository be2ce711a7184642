/**
 * The requests the jurist prepares for the hearing and after it (issue 4),
 * stored as AidRequest rows of four kinds. Labels cite the text each request
 * rests on, for the page and the printed hearing file.
 */

export const HEARING_REQUEST_KINDS = ["DELAY_TO_PAY", "DELAY_TO_LEAVE", "LEGAL_AID", "JEX_REFERRAL"] as const;
export type HearingRequestKind = (typeof HEARING_REQUEST_KINDS)[number];

export const HEARING_REQUEST_LABELS: Record<HearingRequestKind, string> = {
  DELAY_TO_PAY: "Délais de paiement",
  DELAY_TO_LEAVE: "Délais pour quitter les lieux",
  LEGAL_AID: "Aide juridictionnelle",
  JEX_REFERRAL: "Saisine du juge de l'exécution",
};

export const HEARING_REQUEST_HINTS: Record<HearingRequestKind, string> = {
  DELAY_TO_PAY: "Au juge des contentieux de la protection : jusqu'à 3 ans, si le loyer courant a repris (loi du 6 juillet 1989, art. 24 V).",
  DELAY_TO_LEAVE: "Au juge : 1 mois à 1 an pour quitter les lieux (CPCE, art. L412-3 et L412-4).",
  LEGAL_AID: "Prise en charge des frais d'avocat selon les ressources (loi n° 91-647 du 10 juillet 1991).",
  JEX_REFERRAL: "Après le commandement de quitter les lieux, pour obtenir des délais supplémentaires (CPCE, art. L412-3).",
};

export const HEARING_REQUEST_STATUSES = ["TO_DO", "FILED", "GRANTED", "REFUSED", "WITHDRAWN"] as const;
export type HearingRequestStatus = (typeof HEARING_REQUEST_STATUSES)[number];

export const HEARING_REQUEST_STATUS_LABELS: Record<HearingRequestStatus, string> = {
  TO_DO: "À préparer",
  FILED: "Déposée",
  GRANTED: "Accordée",
  REFUSED: "Refusée",
  WITHDRAWN: "Abandonnée",
};

/** A request that has been filed (or decided) has a filing date. */
export function statusNeedsFilingDate(status: HearingRequestStatus): boolean {
  return status === "FILED" || status === "GRANTED" || status === "REFUSED";
}

export function isHearingRequestKind(kind: string): kind is HearingRequestKind {
  return (HEARING_REQUEST_KINDS as readonly string[]).includes(kind);
}

/**
 * The registry of the procedure's rules (issue 4): what the UI shows in the
 * tooltip (title, article, source) and, for the rules the domain notes mark
 * "(verify)", the "à vérifier" badge with a dated note (shared/domain/README.md:
 * such rules are explicit, dated, named and configurable, never silent
 * constants). The functions themselves are in deadlines.ts.
 *
 * Convention for every delay (CPC art. 641-642, issue 13): a delay expires
 * at the end (24:00) of its last day, start + delay; a delay in months ends on
 * the same day number, or on the month's last day (art. 641). The act the
 * delay holds back is possible from the NEXT day. The engine keeps both dates
 * ("expire le 31/03/2025 ; assignation possible à partir du 01/04/2025").
 */

/** The date the "(verify)" notes below were last reviewed. */
export const VERIFY_AS_OF = "2026-11-26";

export type RuleId =
  | "commandement-delay"
  | "ccapex-threshold"
  | "ccapex-legal-person-delay"
  | "prefet-notification-delay"
  | "hearing-countdown"
  | "dsf-interview-offer"
  | "dsf-second-offer"
  | "dsf-transmission"
  | "working-days"
  | "appeal-delay"
  | "cql-delay"
  | "jex-delay"
  | "winter-truce"
  | "cfp-earliest-grant"
  | "cfp-prefet-silence"
  | "penal-risk";

/**
 * The choices left open by the "(verify)" rules and the local thresholds, with
 * the values the engine uses by default. Each team may override them
 * (TeamProcedureSetting, settings.ts, issue 13); each is named in the RuleInfo
 * of the rule it configures.
 */
export type ProcedureSettings = {
  /** Contractual delay of a commandement under a lease signed before 29 July 2023 ("usually 2 months"). */
  legacyLeaseCommandementMonths: number;
  /** CCAPEX referral threshold of the département's arrêté: this many months of unpaid rent… */
  ccapexUnpaidMonths: number;
  /** …or a debt of at least this multiple of the monthly rent excluding charges (either one suffices). */
  ccapexRentMultiple: number;
  /** Working days the DSF organisation has to offer the interview after the préfet's referral. */
  dsfInterviewWorkingDays: number;
  /** Working days before the hearing by which the DSF reaches the judge and the CCAPEX. */
  dsfTransmissionWorkingDays: number;
  /** The first-instance judgment is enforceable despite an appeal (CPC art. 514): the CQL need not wait for the appeal delay. */
  provisionalEnforcement: boolean;
  /** Start of the CQL's 2 months: the later of the CQL and its referral to the préfet, or the CQL itself. */
  cqlDelayStart: "later_of_cql_and_referral" | "cql";
  /** Days before the hearing at which the team is alerted if the household has not been met (team practice). */
  hearingAlertDays: number;
};

export const DEFAULT_PROCEDURE_SETTINGS: Readonly<ProcedureSettings> = Object.freeze({
  legacyLeaseCommandementMonths: 2,
  ccapexUnpaidMonths: 2,
  ccapexRentMultiple: 2,
  dsfInterviewWorkingDays: 15,
  dsfTransmissionWorkingDays: 5,
  provisionalEnforcement: true,
  cqlDelayStart: "later_of_cql_and_referral",
  hearingAlertDays: 45,
});

export type RuleInfo = {
  id: RuleId;
  /** French, for the tooltip's heading. */
  title: string;
  /** The article(s) the rule applies, as a jurist would cite them. */
  article: string;
  /** Where the rule comes from (text, case law), in French. */
  source: string;
  /** False for the teams' own practices, which the UI must not present as law. */
  isLaw: boolean;
  /** The settings (ProcedureSettings keys) that configure the rule. */
  settings?: readonly (keyof ProcedureSettings)[];
  /** Present when the rule is not settled: the UI shows an "à vérifier" badge with this note. */
  verify?: { note: string; asOf: typeof VERIFY_AS_OF };
};

export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  "commandement-delay": {
    id: "commandement-delay",
    title: "Délai du commandement de payer",
    article: "Loi n° 89-462 du 6 juillet 1989, art. 24 I",
    source:
      "6 semaines depuis la loi n° 2023-668 du 27 juillet 2023 (en vigueur le 29 juillet 2023). Les baux signés avant le 29 juillet 2023 gardent leur délai contractuel, le plus souvent 2 mois (Cass. avis, 13 juin 2024, n° 24-70.002).",
    isLaw: true,
    settings: ["legacyLeaseCommandementMonths"],
  },
  "ccapex-threshold": {
    id: "ccapex-threshold",
    title: "Seuil de signalement à la CCAPEX",
    article: "Loi n° 89-462, art. 24 I",
    source:
      "Le commissaire de justice signale le commandement à la CCAPEX (via EXPLOC) quand la dette atteint l'un des deux seuils fixés par l'arrêté préfectoral du département : un nombre de mois de loyer impayés, ou une dette d'au moins un multiple du loyer mensuel hors charges. L'un des deux suffit.",
    isLaw: true,
    settings: ["ccapexUnpaidMonths", "ccapexRentMultiple"],
    verify: {
      note: "Seuils à vérifier dans l'arrêté préfectoral du département (réglage de l'équipe). Par défaut : 2 mois de loyer impayés, ou une dette d'au moins 2 fois le loyer mensuel hors charges.",
      asOf: VERIFY_AS_OF,
    },
  },
  "ccapex-legal-person-delay": {
    id: "ccapex-legal-person-delay",
    title: "Bailleur personne morale : 2 mois après la saisine de la CCAPEX",
    article: "Loi n° 89-462, art. 24 II",
    source:
      "Les bailleurs personnes morales, sauf les SCI familiales, ne peuvent assigner que 2 mois après leur saisine de la CCAPEX, sous peine d'irrecevabilité. Les bailleurs sociaux sont des personnes morales.",
    isLaw: true,
  },
  "prefet-notification-delay": {
    id: "prefet-notification-delay",
    title: "Notification de l'assignation au préfet : 6 semaines avant l'audience",
    article: "Loi n° 89-462, art. 24 III",
    source:
      "Au moins 6 semaines (42 jours) avant l'audience, comptées à rebours, sans report pour un samedi, un dimanche ou un jour férié (Cass. avis, 6 novembre 2025, n° 25-70.018). À défaut, la demande est irrecevable.",
    isLaw: true,
  },
  "hearing-countdown": {
    id: "hearing-countdown",
    title: "Jours avant l'audience, alerte à 45 jours",
    article: "Pratique des équipes (pas une règle de droit)",
    source:
      "Les équipes mobiles se fixent d'avoir rencontré le ménage au moins 45 jours avant l'audience. Ce seuil est une pratique, pas un délai légal.",
    isLaw: false,
    settings: ["hearingAlertDays"],
  },
  "dsf-interview-offer": {
    id: "dsf-interview-offer",
    title: "Diagnostic social et financier : proposition d'entretien",
    article: "Décret n° 2021-8 du 5 janvier 2021, art. 1",
    source:
      "L'organisme compétent propose un entretien au locataire dans les 15 jours ouvrés suivant sa saisine par le préfet. Formulaire fixé par l'arrêté du 23 août 2022.",
    isLaw: true,
    settings: ["dsfInterviewWorkingDays"],
    verify: {
      note: "Variante à 5 jours ouvrés signalée dans les notes du domaine, à vérifier. Le délai de 5 jours ouvrés connu porte sur la transmission du DSF au juge avant l'audience ; l'application retient 15 jours ouvrés pour la proposition d'entretien.",
      asOf: VERIFY_AS_OF,
    },
  },
  "dsf-second-offer": {
    id: "dsf-second-offer",
    title: "Diagnostic social et financier : seconde proposition",
    article: "Décret n° 2021-8 du 5 janvier 2021, art. 1",
    source:
      "Sans réponse du locataire 15 jours ouvrés avant l'audience, l'organisme peut lui proposer un nouvel entretien.",
    isLaw: true,
  },
  "dsf-transmission": {
    id: "dsf-transmission",
    title: "Diagnostic social et financier : transmission au juge",
    article: "Décret n° 2021-8 du 5 janvier 2021",
    source: "Le DSF est transmis au juge et à la CCAPEX avant l'audience.",
    isLaw: true,
    settings: ["dsfTransmissionWorkingDays"],
    verify: {
      note: "Délai de transmission à vérifier : l'application retient 5 jours ouvrés avant l'audience.",
      asOf: VERIFY_AS_OF,
    },
  },
  "working-days": {
    id: "working-days",
    title: "Jours ouvrés",
    article: "Code du travail, art. L3133-1",
    source:
      "Du lundi au vendredi, hors jours fériés : 1er janvier, lundi de Pâques, 1er mai, 8 mai, Ascension, lundi de Pentecôte, 14 juillet, 15 août, 1er novembre, 11 novembre, 25 décembre. Les jours fériés propres à l'Alsace-Moselle ne sont pas comptés.",
    isLaw: true,
  },
  "appeal-delay": {
    id: "appeal-delay",
    title: "Délai d'appel du jugement",
    article: "Code de procédure civile, art. 538, 641, 642 et 514",
    source:
      "Appel dans le mois de la signification du jugement (art. 538) ; un délai qui expire un samedi, un dimanche ou un jour férié est prorogé au premier jour ouvrable suivant (art. 642).",
    isLaw: true,
    settings: ["provisionalEnforcement"],
    verify: {
      note: "Exécution provisoire à vérifier (CPC art. 514) : elle est de droit pour les jugements rendus depuis 2020, sauf si le juge l'a écartée. L'application considère que l'appel ne suspend pas l'expulsion : le commandement de quitter les lieux peut être délivré dès la signification.",
      asOf: VERIFY_AS_OF,
    },
  },
  "cql-delay": {
    id: "cql-delay",
    title: "Délai de 2 mois après le commandement de quitter les lieux",
    article: "Code des procédures civiles d'exécution, art. L412-1 et L412-5",
    source:
      "L'expulsion ne peut avoir lieu qu'à l'expiration d'un délai de 2 mois suivant le commandement (L412-1). Ce délai est suspendu tant que le commissaire de justice n'a pas saisi le préfet (L412-5).",
    isLaw: true,
    settings: ["cqlDelayStart"],
    verify: {
      note: "Interprétation à vérifier : la suspension est appliquée en faisant courir les 2 mois à partir de la plus tardive des deux dates, le commandement ou sa transmission au préfet. Si la transmission n'est pas renseignée, le calcul part du commandement et une alerte le signale.",
      asOf: VERIFY_AS_OF,
    },
  },
  "jex-delay": {
    id: "jex-delay",
    title: "Délai accordé par le juge de l'exécution",
    article: "Code des procédures civiles d'exécution, art. L412-3 et L412-4",
    source:
      "Le juge de l'exécution peut accorder des délais de 1 mois à 1 an (L412-4, depuis la loi n° 2023-668), renouvelables (L412-3). Le délai court comme la décision le fixe (à compter de la décision, ou jusqu'à la date qu'elle indique), en même temps que les 2 mois suivant le commandement de quitter les lieux et non après eux : l'expulsion n'est possible que le lendemain du plus tardif des deux. La dernière décision rendue est celle qui s'applique.",
    isLaw: true,
  },
  "winter-truce": {
    id: "winter-truce",
    title: "Trêve hivernale",
    article: "Code des procédures civiles d'exécution, art. L412-6",
    source:
      "Aucune expulsion du 1er novembre au 31 mars inclus : une date d'expulsion qui tombe pendant la trêve est reportée au 1er avril. La procédure continue pendant la trêve. Les exceptions de l'article (relogement assuré, squat…) ne sont pas calculées.",
    isLaw: true,
  },
  "penal-risk": {
    id: "penal-risk",
    title: "Maintien dans les lieux après le commandement de quitter les lieux",
    article: "Code pénal, art. 315-2",
    source:
      "Se maintenir dans le logement plus de 2 mois après le commandement de quitter les lieux expose l'occupant à une amende de 7 500 €. L'article ne s'applique pas pendant la trêve hivernale ni lorsque le juge de l'exécution est saisi d'une demande de délais (CPCE L412-3). Information pour la ou le juriste : les autres conditions et exceptions de l'article ne sont pas calculées.",
    isLaw: true,
  },
  "cfp-earliest-grant": {
    id: "cfp-earliest-grant",
    title: "Concours de la force publique : pas avant la fin des 2 mois",
    article: "Code des procédures civiles d'exécution, art. L412-1 et R153-1",
    source: "Le concours de la force publique ne peut être accordé avant l'expiration du délai de 2 mois suivant le commandement de quitter les lieux.",
    isLaw: true,
  },
  "cfp-prefet-silence": {
    id: "cfp-prefet-silence",
    title: "Silence du préfet sur la demande de concours",
    article: "Code des procédures civiles d'exécution, art. R153-1 et L153-1",
    source:
      "Le silence gardé pendant 2 mois par le préfet sur la demande de concours vaut refus (R153-1) ; le refus engage la responsabilité de l'État envers le bailleur (L153-1).",
    isLaw: true,
  },
};

/** Every rule the UI must badge "à vérifier". */
export function rulesToVerify(): RuleInfo[] {
  return Object.values(RULES).filter((rule) => rule.verify !== undefined);
}

export function resolveSettings(overrides?: Partial<ProcedureSettings>): ProcedureSettings {
  return { ...DEFAULT_PROCEDURE_SETTINGS, ...overrides };
}

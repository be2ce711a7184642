/** French labels of the domain's codes (see shared/domain/glossary.md). */

export const CASE_STATE_LABELS = {
  IDENTIFIED: "Identifié",
  FIRST_LETTER_SENT: "Premier courrier envoyé",
  VISIT_1_FAILED: "Visite 1 sans contact",
  VISIT_2_FAILED: "Visite 2 sans contact",
  REMINDER_SENT: "Relance envoyée",
  SUPPORTED: "Accompagné",
  CLOSED: "Clôturé",
} as const;
export type CaseState = keyof typeof CASE_STATE_LABELS;

export const PROCEDURE_STAGE_LABELS = {
  COMMANDEMENT_DE_PAYER: "Commandement de payer",
  CCAPEX_REFERRAL: "Signalement à la CCAPEX",
  ASSIGNATION: "Assignation",
  PREFET_NOTIFICATION: "Notification au préfet",
  DSF_REFERRAL: "Saisine pour le diagnostic social et financier",
  DSF_INTERVIEW_OFFER: "Entretien DSF proposé au ménage",
  DSF: "Diagnostic social et financier",
  HEARING: "Audience",
  JUDGMENT: "Jugement",
  JUDGMENT_SERVED: "Signification du jugement",
  COMMANDEMENT_QUITTER_LIEUX: "Commandement de quitter les lieux",
  CQL_REFERRED_TO_PREFET: "CQL transmis au préfet",
  JEX_REFERRAL: "Juge de l'exécution saisi (demande de délais)",
  JEX_DELAY: "Décision du juge de l'exécution (délai accordé)",
  FORCE_PUBLIQUE_REQUEST: "Demande de concours de la force publique",
  FORCE_PUBLIQUE_GRANTED: "Concours de la force publique accordé",
  EVICTION: "Expulsion",
} as const;
export type ProcedureStage = keyof typeof PROCEDURE_STAGE_LABELS;

/** A dated deadline of the procedure (CaseDeadline.kind, lib/domain/procedure/deadline-list.ts). */
export const DEADLINE_KIND_LABELS = {
  ASSIGNATION_POSSIBLE: "Assignation possible",
  PREFET_NOTIFICATION_LATEST: "Notification au préfet, date limite",
  DSF_INTERVIEW_OFFER_LATEST: "Entretien DSF à proposer, date limite",
  DSF_TRANSMISSION_LATEST: "DSF à transmettre, date limite",
  HEARING: "Audience",
  APPEAL_DELAY_END: "Fin du délai d'appel",
  CQL_POSSIBLE: "Commandement de quitter les lieux possible",
  EXPULSION_POSSIBLE: "Expulsion possible",
  CFP_IMPLICIT_REFUSAL: "Refus implicite du concours de la force publique",
} as const;
export type DeadlineKind = keyof typeof DEADLINE_KIND_LABELS;

/** The judge's decision after the hearing (ProcedureEvent.decision). */
export const JUDGMENT_DECISION_LABELS = {
  LEASE_TERMINATED: "Résiliation du bail, expulsion ordonnée",
  TERMINATION_SUSPENDED_WITH_PLAN: "Résiliation suspendue, plan d'apurement accordé",
  CLAIM_DISMISSED: "Demande rejetée ou irrecevable",
  POSTPONED: "Renvoi à une audience ultérieure",
  OTHER: "Autre décision",
} as const;
export type JudgmentDecision = keyof typeof JUDGMENT_DECISION_LABELS;

/** Stages at which a household enters the caseload (Essonne: assignation; Pas-de-Calais: commandement). */
export const ENTRY_STAGES = ["COMMANDEMENT_DE_PAYER", "ASSIGNATION"] as const;

export const LANDLORD_KIND_LABELS = {
  PRIVATE_PERSON: "Particulier",
  AGENCY: "Agence immobilière / administrateur de biens",
  LEGAL_PERSON: "Personne morale",
  FAMILY_SCI: "SCI familiale",
  SOCIAL: "Bailleur social",
} as const;
export type LandlordKind = keyof typeof LANDLORD_KIND_LABELS;

/** Partner organisations of a team (issue 15). */
export const ORGANISATION_KIND_LABELS = {
  ADIL: "ADIL",
  ASSOCIATION: "Association",
  CCAS: "CCAS",
  MDS: "Maison départementale des solidarités (MDS)",
  DEPARTEMENT: "Département",
  STATE: "Services de l'État (DDETS, préfecture)",
  OTHER: "Autre partenaire",
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KIND_LABELS;

export const CASE_SOURCE_LABELS = {
  PREFECTURE_LIST: "Liste de la préfecture",
  CCAPEX: "CCAPEX",
  BAILIFF: "Commissaire de justice (huissier)",
  PARTNER_REFERRAL: "Orientation d'un partenaire",
  SELF_REFERRAL: "Démarche du ménage",
  /** Cases entered before issue 15 had no source: kept for them. */
  MANUAL: "Saisie manuelle",
} as const;
export type CaseSource = keyof typeof CASE_SOURCE_LABELS;

export const OCCUPANT_ROLE_LABELS = { TENANT: "Locataire", CO_TENANT: "Co-locataire", OTHER: "Autre occupant" } as const;

export const CLOSURE_REASON_LABELS = {
  ALREADY_FOLLOWED: "Déjà suivi par l'association (ASLL)",
  SUPPORT_COMPLETED: "Accompagnement terminé",
  REFERRED_TO_MDS: "Orienté vers la MDS",
  DEBT_PAID_OFF: "Dette soldée avant l'audience",
  DECLINED_TO_CONTINUE: "N'a pas souhaité poursuivre",
  LEFT_DWELLING: "A quitté le logement",
  NOT_AT_ADDRESS: "N'habite pas à l'adresse (NPAI)",
  NO_CONTACT: "Aucun contact établi",
} as const;
export type ClosureReason = keyof typeof CLOSURE_REASON_LABELS;

/** The funder report's three contact categories (shared/domain/indicators.md). */
export const CLOSURE_CATEGORY_LABELS = {
  TOOK_CONTACT: "A pris contact",
  LEFT_OR_NPAI: "A quitté le logement ou NPAI",
  NO_CONTACT: "N'a jamais pris contact",
} as const;
export type ClosureCategory = keyof typeof CLOSURE_CATEGORY_LABELS;

/** Outreach events ("aller-vers"), as on the case's timeline. */
export const OUTREACH_KIND_LABELS = {
  LETTER_TENANT: "Courrier au locataire",
  LETTER_LANDLORD: "Courrier au bailleur",
  SMS: "SMS au ménage",
  EMAIL: "Courriel au ménage",
  PHONE_CALL: "Appel au ménage sans réponse",
  VISIT: "Visite à domicile",
  REMINDER: "Relance",
  HOUSEHOLD_CONTACT: "Contact avec le ménage",
  LANDLORD_CONTACT: "Contact du bailleur",
  CLOSURE: "Clôture",
  REOPENING: "Réouverture",
} as const;
export type OutreachKind = keyof typeof OUTREACH_KIND_LABELS;

export const VISIT_OUTCOME_LABELS = {
  MET: "Ménage rencontré",
  ABSENT: "Absent",
  REFUSED: "A refusé de recevoir l'équipe",
  MOVED_OUT: "A quitté le logement",
  NOT_AT_ADDRESS: "Inconnu à l'adresse (NPAI)",
} as const;
export type VisitOutcome = keyof typeof VISIT_OUTCOME_LABELS;

export const CONTACT_CHANNEL_LABELS = {
  PHONE: "Téléphone",
  MAIL: "Courrier",
  EMAIL: "Courriel",
  SMS: "SMS",
  VISIT: "Visite",
  OFFICE: "Accueil, permanence",
  PARTNER: "Par un partenaire",
} as const;
export type ContactChannel = keyof typeof CONTACT_CHANNEL_LABELS;

/** Next steps of the outreach sequence, as shown in "À faire". */
export const OUTREACH_STEP_LABELS = {
  LETTER_TENANT: "Premier courrier au locataire à envoyer",
  LETTER_LANDLORD: "Courrier au bailleur non envoyé",
  FIRST_VISIT: "Première visite à faire",
  SECOND_VISIT: "Deuxième visite à faire",
  REMINDER: "Relance à envoyer",
  CLOSURE_NO_CONTACT: "Clôture possible : aucun contact",
  CLOSURE_GONE: "Clôture possible : départ constaté",
} as const;
export type OutreachStep = keyof typeof OUTREACH_STEP_LABELS;

/** Keys of a label map, as a non-empty tuple for z.enum. */
export function codes<T extends Record<string, string>>(labels: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
}

// ───────────────────────────── Support and billing (issue 5)

export const DIAGNOSTIC_KIND_LABELS = {
  FLASH: "Diagnostic flash",
  IN_DEPTH: "Diagnostic approfondi (DSF)",
} as const;
export type DiagnosticKind = keyof typeof DIAGNOSTIC_KIND_LABELS;

/** Monthly resources of a household, by source (Diagnostic.resources keys). Housing benefit is apart. */
export const RESOURCE_SOURCE_LABELS = {
  salary: "Salaires, revenus d'activité",
  unemployment: "Allocations chômage (ARE)",
  rsa: "RSA",
  activityBonus: "Prime d'activité",
  caf: "Prestations familiales (CAF)",
  disability: "AAH, pension d'invalidité",
  pension: "Retraite",
  alimony: "Pension alimentaire reçue",
  other: "Autres ressources",
} as const;
export type ResourceSource = keyof typeof RESOURCE_SOURCE_LABELS;

/** Monthly charges of a household other than the rent, by source (Diagnostic.charges keys). */
export const CHARGE_SOURCE_LABELS = {
  energy: "Énergie (électricité, gaz)",
  water: "Eau",
  insurance: "Assurances",
  telecom: "Téléphone, internet",
  transport: "Transport",
  childcare: "Garde d'enfants, cantine",
  credit: "Remboursements de crédits",
  taxes: "Impôts et taxes",
  alimonyPaid: "Pension alimentaire versée",
  other: "Autres charges",
} as const;
export type ChargeSource = keyof typeof CHARGE_SOURCE_LABELS;

export const SUPPORT_OUTCOME_LABELS = {
  COMPLETED: "Accompagnement mené à son terme",
  REFERRED: "Relais pris par un partenaire (MDS, ASLL…)",
  DECLINED: "Le ménage n'a pas souhaité poursuivre",
  LEFT: "Le ménage a quitté le logement",
  OTHER: "Autre fin d'accompagnement",
} as const;
export type SupportOutcome = keyof typeof SUPPORT_OUTCOME_LABELS;

/** Every kind of aid request or recommendation (AidRequest.kind). */
export const AID_KIND_LABELS = {
  APL: "Aide au logement (APL) : ouverture ou maintien",
  FSL: "Fonds de solidarité logement (FSL)",
  DALO: "Recours DALO",
  DLS: "Demande de logement social (DLS)",
  OVER_INDEBTEDNESS: "Dossier de surendettement",
  COLLECTIVE_AGREEMENT: "Accords collectifs",
  ENERGY_AID: "Aide ponctuelle (énergie)",
  DISABILITY_BENEFIT: "Prestations liées au handicap (AAH, PCH)",
  LEGAL_AID: "Aide juridictionnelle",
  MDS_REFERRAL: "Orientation vers la MDS",
  DELAY_TO_PAY: "Délais de paiement",
  DELAY_TO_LEAVE: "Délais pour quitter les lieux",
  JEX_REFERRAL: "Saisine du juge de l'exécution",
  OTHER: "Autre démarche",
} as const;
export type AidKind = keyof typeof AID_KIND_LABELS;

export const AID_STATUS_LABELS = {
  TO_DO: "À faire",
  FILED: "Déposée",
  GRANTED: "Accordée",
  REFUSED: "Refusée",
  WITHDRAWN: "Abandonnée",
} as const;
export type AidStatus = keyof typeof AID_STATUS_LABELS;

/** Acts a funder pays for (FunderRate.act). */
export const BILLABLE_ACT_LABELS = {
  FLASH_DIAGNOSTIC: "Diagnostic flash",
  IN_DEPTH_DIAGNOSTIC: "Diagnostic approfondi",
  SUPPORT_WEEK: "Semaine d'accompagnement",
} as const;
export type BillableAct = keyof typeof BILLABLE_ACT_LABELS;

/** Audit entries (issue 8 audit page): the action codes services write, in French. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "team.procedure_setting": "Réglage de la procédure modifié",
  "case.create": "Création du dossier",
  "landlord.create": "Création d'un bailleur",
  "hearing.claimed_debt.update": "Dette réclamée modifiée",
  "hearing.ledger_line.create": "Mois ajouté au décompte",
  "hearing.ledger_line.update": "Mois du décompte modifié",
  "hearing.ledger_line.delete": "Mois du décompte supprimé",
  "hearing.request.create": "Demande au juge ajoutée",
  "hearing.request.update": "Demande au juge modifiée",
  "support.diagnostic.create": "Diagnostic créé",
  "support.diagnostic.update": "Diagnostic modifié",
  "support.week.create": "Semaine d'accompagnement enregistrée",
  "support.week.update": "Semaine d'accompagnement modifiée",
  "support.period.start": "Accompagnement commencé",
  "support.period.end": "Accompagnement terminé",
  "support.aid_request.create": "Demande d'aide créée",
  "support.aid_request.update": "Demande d'aide modifiée",
  "billing.agreement.create": "Convention financeur créée",
  "billing.agreement.update": "Convention financeur modifiée",
  "letter_template.save": "Modèle de courrier enregistré",
  "letter_template.reset": "Modèle de courrier rétabli",
  "team.letterhead": "En-tête des courriers modifié",
  "user.invite": "Invitation d'un compte",
  "user.invitation.renew": "Nouvelle invitation",
  "user.invitation.accept": "Invitation acceptée",
  "user.deactivate": "Compte désactivé",
  "user.reactivate": "Compte réactivé",
  "user.unlock": "Compte déverrouillé",
  "user.password.change": "Mot de passe changé",
  "user.totp.enable": "Double authentification activée",
  "user.totp.disable": "Double authentification désactivée",
  "user.totp.reset": "Double authentification réinitialisée",
};

/** The French label of an audit action; workflow actions are named after their step ("outreach.visit"). */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const [prefix, rest] = [action.slice(0, action.indexOf(".")), action.slice(action.indexOf(".") + 1).toUpperCase()];
  if (prefix === "outreach" && rest in OUTREACH_KIND_LABELS) return `Aller-vers : ${OUTREACH_KIND_LABELS[rest as OutreachKind]}`;
  if (prefix === "procedure" && rest in PROCEDURE_STAGE_LABELS) return `Procédure : ${PROCEDURE_STAGE_LABELS[rest as ProcedureStage]}`;
  return action;
}

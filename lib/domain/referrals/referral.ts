import { addDaysUtc, isBeforeDay } from "@/lib/domain/procedure/calendar";
import { parisToday } from "@/lib/utils/dates";

/**
 * A referral (orientation) of a household to a partner, with its consent
 * (issue 20). The household's consent governs what leaves the team:
 * - ORAL or SIGNED, dated, with who collected it: the items ticked are shared;
 * - NONE: nothing personal is shared. The letter then says only that the team
 *   suggested the household contact the partner, with no name, address or
 *   situation (RGPD art. 6 and 9; CASF L.121-6-2 shared professional secrecy
 *   needs the person's agreement outside the cases the law lists).
 */

export const CONSENT_LABELS = {
  ORAL: "Accord oral",
  SIGNED: "Accord écrit signé",
  NONE: "Pas d'accord du ménage",
} as const;
export type ConsentKind = keyof typeof CONSENT_LABELS;
export const CONSENT_KINDS = Object.keys(CONSENT_LABELS) as [ConsentKind, ...ConsentKind[]];

/** What may be shared with the partner when the household agrees. */
export const SHARED_ITEM_LABELS = {
  IDENTITY: "Nom et prénom du ménage",
  CONTACT: "Adresse, téléphone et e-mail",
  PROCEDURE: "Étape de la procédure et date d'audience",
  DEBT: "Montant de la dette de loyer",
  REASON: "Motif de l'orientation (situation)",
} as const;
export type SharedItem = keyof typeof SHARED_ITEM_LABELS;
export const SHARED_ITEMS = Object.keys(SHARED_ITEM_LABELS) as [SharedItem, ...SharedItem[]];

/** What actually leaves the team: nothing without consent, whatever was ticked. */
export function effectiveShared(consent: ConsentKind, ticked: readonly SharedItem[]): SharedItem[] {
  if (consent === "NONE") return [];
  return SHARED_ITEMS.filter((i) => ticked.includes(i));
}

export const hasConsent = (consent: ConsentKind) => consent !== "NONE";

// ───────────────────────────── Follow-up, as a transition table (STYLE "The workflow as data")

export const REFERRAL_STATUS_LABELS = {
  SENT: "Envoyée, sans nouvelles",
  APPOINTMENT: "RDV pris",
  RECEIVED: "Reçu par le partenaire",
  NO_FOLLOW_UP: "Sans suite",
} as const;
export type ReferralStatus = keyof typeof REFERRAL_STATUS_LABELS;

export const FOLLOW_UP_EVENT_LABELS = {
  APPOINTMENT: "RDV pris le …",
  RECEIVED: "Reçu",
  NO_FOLLOW_UP: "Sans suite",
} as const;
export type FollowUpEvent = keyof typeof FOLLOW_UP_EVENT_LABELS;
export const FOLLOW_UP_EVENTS = Object.keys(FOLLOW_UP_EVENT_LABELS) as [FollowUpEvent, ...FollowUpEvent[]];

/**
 * (from, event) → to. A referral sent may get an appointment, be received or
 * end without follow-up; an appointment may be moved (APPOINTMENT again), be
 * honoured (RECEIVED) or missed (NO_FOLLOW_UP). RECEIVED and NO_FOLLOW_UP are
 * final; a new referral is a new row.
 */
const TRANSITIONS: ReadonlyArray<{ from: ReferralStatus; event: FollowUpEvent; to: ReferralStatus }> = [
  { from: "SENT", event: "APPOINTMENT", to: "APPOINTMENT" },
  { from: "SENT", event: "RECEIVED", to: "RECEIVED" },
  { from: "SENT", event: "NO_FOLLOW_UP", to: "NO_FOLLOW_UP" },
  { from: "APPOINTMENT", event: "APPOINTMENT", to: "APPOINTMENT" },
  { from: "APPOINTMENT", event: "RECEIVED", to: "RECEIVED" },
  { from: "APPOINTMENT", event: "NO_FOLLOW_UP", to: "NO_FOLLOW_UP" },
];

export type FollowUpResult =
  | { ok: true; to: ReferralStatus; appointmentOn: Date | null }
  | { ok: false; field?: "appointmentOn" | "event"; message: string };

/** The follow-up `event` on a referral in `from`, at `now`. The appointment date is required for "RDV pris". */
export function followUp(
  referral: { status: ReferralStatus; referredOn: Date },
  event: FollowUpEvent,
  input: { appointmentOn?: Date | null },
): FollowUpResult {
  const row = TRANSITIONS.find((t) => t.from === referral.status && t.event === event);
  if (!row) return { ok: false, field: "event", message: `Cette orientation est déjà « ${REFERRAL_STATUS_LABELS[referral.status]} » : enregistrez une nouvelle orientation si besoin.` };
  if (event === "APPOINTMENT") {
    if (!input.appointmentOn) return { ok: false, field: "appointmentOn", message: "Indiquez la date du rendez-vous." };
    if (isBeforeDay(input.appointmentOn, referral.referredOn)) return { ok: false, field: "appointmentOn", message: "Le rendez-vous ne peut pas précéder l'orientation." };
    return { ok: true, to: row.to, appointmentOn: input.appointmentOn };
  }
  return { ok: true, to: row.to, appointmentOn: null };
}

export function availableFollowUps(status: ReferralStatus): FollowUpEvent[] {
  return TRANSITIONS.filter((t) => t.from === status).map((t) => t.event);
}

/** "Orientation sans nouvelles": no news 15 days after the referral (a team practice, a setting). */
export const REFERRAL_NO_NEWS_DAYS = 15;

/** The day from which a referral without news shows in "À faire". */
export const noNewsFrom = (referredOn: Date, days = REFERRAL_NO_NEWS_DAYS) => addDaysUtc(referredOn, days);

/** Whether the referral has had no news for `days` days at `now` (the Paris day). */
export function referralWithoutNews(r: { status: ReferralStatus; referredOn: Date }, now: Date, days = REFERRAL_NO_NEWS_DAYS): boolean {
  return r.status === "SENT" && !isBeforeDay(parisToday(now), noNewsFrom(r.referredOn, days));
}

/** The latest referral day that is "without news" at `now` (for the database's WHERE). */
export function noNewsReferredOnOrBefore(now: Date, days = REFERRAL_NO_NEWS_DAYS): Date {
  return addDaysUtc(parisToday(now), -days);
}

import {
  codes,
  CONTACT_CHANNEL_LABELS,
  OUTREACH_KIND_LABELS,
  VISIT_OUTCOME_LABELS,
  type ClosureReason,
  type ContactChannel,
  type OutreachKind,
  type VisitOutcome,
} from "@/lib/domain/labels";

/**
 * The events of the outreach workflow, as the domain sees them: only what the
 * rules need (the free-text note, the author and the channel of a letter stay
 * with the service). `kind` takes the values of Prisma's `OutreachKind`, so a
 * service writes `kind: event.kind` as is.
 *
 * Note: Prisma's model is also called `OutreachEvent` (the stored row); alias
 * one of them on import (`OutreachEvent as OutreachEventRow`).
 */

export type { ClosureReason, ContactChannel, OutreachKind, VisitOutcome };

export const OUTREACH_KINDS: readonly OutreachKind[] = codes(OUTREACH_KIND_LABELS);
export const VISIT_OUTCOMES: readonly VisitOutcome[] = codes(VISIT_OUTCOME_LABELS);
export const CONTACT_CHANNELS: readonly ContactChannel[] = codes(CONTACT_CHANNEL_LABELS);

/** Outcomes that prove the household no longer lives there. */
export const GONE_OUTCOMES = ["MOVED_OUT", "NOT_AT_ADDRESS"] as const satisfies readonly VisitOutcome[];
/** Visit outcomes without contact that leave the household presumably at home. */
export const NO_ANSWER_OUTCOMES = ["ABSENT", "REFUSED"] as const satisfies readonly VisitOutcome[];

export function isGoneOutcome(outcome: VisitOutcome): boolean {
  return (GONE_OUTCOMES as readonly VisitOutcome[]).includes(outcome);
}

interface At {
  /** The instant it happened (a visit at 19:05). Never after `now`, never before the case's last event. */
  occurredAt: Date;
}

/** The first letter to the tenant (post; e-mail and SMS are their own events). */
export interface LetterTenantEvent extends At { kind: "LETTER_TENANT" }
/** The letter to the landlord: recorded in any open state, never changes the state. */
export interface LetterLandlordEvent extends At { kind: "LETTER_LANDLORD" }
export interface SmsEvent extends At { kind: "SMS" }
export interface EmailEvent extends At { kind: "EMAIL" }
/**
 * An outgoing call that did NOT reach the household (no answer, voicemail):
 * an attempt, no state change. A call the household answers is contact:
 * record HOUSEHOLD_CONTACT with channel PHONE.
 */
export interface PhoneCallEvent extends At { kind: "PHONE_CALL" }
/** Contact established with the household, whoever started it: the case moves to SUPPORTED. */
export interface HouseholdContactEvent extends At { kind: "HOUSEHOLD_CONTACT"; channel: ContactChannel }
/** An unannounced home visit (visite inopinée). */
export interface VisitEvent extends At {
  kind: "VISIT";
  outcome: VisitOutcome;
  /** Notice left ("avis de passage"), usually when ABSENT. */
  noticeLeft: boolean;
  /** The visit revealed indecent housing (reported to the funder, no effect on the workflow). */
  indecentHousing: boolean;
  /** ADIL jurist and association social worker together (counted in the report). */
  jointVisit: boolean;
}
/** The reminder (relance), 15 days after the second unsuccessful visit. */
export interface ReminderEvent extends At { kind: "REMINDER" }
/** The landlord answered or called: recorded (landlord indicator), no state change. */
export interface LandlordContactEvent extends At { kind: "LANDLORD_CONTACT" }
export interface ClosureEvent extends At { kind: "CLOSURE"; reason: ClosureReason }
/** Reopening a closed case; `reason` is stored as the event's note. */
export interface ReopeningEvent extends At { kind: "REOPENING"; reason: string }

export type OutreachEvent =
  | LetterTenantEvent
  | LetterLandlordEvent
  | SmsEvent
  | EmailEvent
  | PhoneCallEvent
  | HouseholdContactEvent
  | VisitEvent
  | ReminderEvent
  | LandlordContactEvent
  | ClosureEvent
  | ReopeningEvent;

export type EventOfKind<K extends OutreachKind> = Extract<OutreachEvent, { kind: K }>;

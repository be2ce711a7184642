import type { LandlordKind } from "@/lib/domain/labels";
import {
  addDaysUtc,
  addMonthsUtc,
  addWorkingDays,
  isBeforeDay,
  laterOf,
  nextWorkingDayFrom,
  utcDay,
} from "./calendar";
import { DEFAULT_PROCEDURE_SETTINGS, type ProcedureSettings, type RuleId } from "./rules";
import { jexDecisionInForce, type JexDecision } from "./jex";
import { nextDayOutsideTruce } from "./winter-truce";

/**
 * The procedure's rules, one small pure function each (issue 4,
 * shared/domain/procedure.md). Dates are calendar days at UTC midnight. A
 * delay's date (`endsOn`, `expiresOn`) is its last day; the act it holds back
 * is possible from the next day (`date`, CPC art. 641-642, see rules.ts).
 */

/** CPC 642: the act a delay holds back is possible from the day after the delay's last day. */
export function dayAfter(expiresOn: Date): Date {
  return addDaysUtc(expiresOn, 1);
}

// ─── 1. Commandement de payer ────────────────────────────────────────────────

/** Loi n° 2023-668 of 27 July 2023 came into force on 29 July 2023. */
export const LAW_2023_668_IN_FORCE_ON = utcDay(2023, 6, 29);
export const COMMANDEMENT_DELAY_DAYS = 42;

export type CommandementDelay =
  | { basis: "six_weeks"; endsOn: Date }
  | { basis: "contractual"; months: number; endsOn: Date }
  | {
      basis: "lease_date_unknown";
      /** The sooner of the two, the date the team must be ready for. */
      endsOn: Date;
      ifLeaseSignedFrom29July2023: Date;
      ifLeaseSignedBefore: Date;
    };

/**
 * Loi 89-462 art. 24 I, as amended by loi 2023-668: the tenant has 6 weeks
 * after the commandement before the clause résolutoire applies. A lease signed
 * before 29 July 2023 keeps its contractual delay, usually 2 months (Cass. avis
 * 13 June 2024, n° 24-70.002). Without the lease date both are returned, and
 * `endsOn` is the sooner one: the assignation may come that early.
 */
export function commandementDelay(
  commandementOn: Date,
  leaseSignedOn: Date | null | undefined,
  settings: Pick<ProcedureSettings, "legacyLeaseCommandementMonths"> = DEFAULT_PROCEDURE_SETTINGS,
): CommandementDelay {
  const sixWeeks = addDaysUtc(commandementOn, COMMANDEMENT_DELAY_DAYS);
  const months = settings.legacyLeaseCommandementMonths;
  const contractual = addMonthsUtc(commandementOn, months);
  if (!leaseSignedOn) {
    return {
      basis: "lease_date_unknown",
      endsOn: isBeforeDay(contractual, sixWeeks) ? contractual : sixWeeks,
      ifLeaseSignedFrom29July2023: sixWeeks,
      ifLeaseSignedBefore: contractual,
    };
  }
  if (isBeforeDay(leaseSignedOn, LAW_2023_668_IN_FORCE_ON)) return { basis: "contractual", months, endsOn: contractual };
  return { basis: "six_weeks", endsOn: sixWeeks };
}

// ─── 2. CCAPEX and the earliest assignation ─────────────────────────────────

/**
 * Loi 89-462 art. 24 I: the commissaire reports the commandement to the CCAPEX
 * when the debt reaches either threshold of the département's arrêté: a number
 * of months of unpaid rent, or a debt of at least a multiple of the monthly
 * rent excluding charges (team settings, issue 13). True when either is
 * reached; false when both are known and neither is; null when nothing can be
 * told (no debt, rent or ledger on file).
 */
export function ccapexThresholdReached(
  input: { debtCents?: number | null; monthlyRentCents?: number | null; unpaidMonths?: number | null },
  settings: Pick<ProcedureSettings, "ccapexUnpaidMonths" | "ccapexRentMultiple"> = DEFAULT_PROCEDURE_SETTINGS,
): boolean | null {
  const byMonths = input.unpaidMonths == null ? null : input.unpaidMonths >= settings.ccapexUnpaidMonths;
  const byDebt =
    input.debtCents == null || input.monthlyRentCents == null || input.monthlyRentCents <= 0
      ? null
      : input.debtCents >= settings.ccapexRentMultiple * input.monthlyRentCents;
  if (byMonths === true || byDebt === true) return true;
  if (byMonths === false && byDebt === false) return false;
  // One criterion known and not reached, the other unknown: the unknown one may still be reached.
  return null;
}

export type CcapexRequirement = "required" | "not_required" | "unknown";

/**
 * Loi 89-462 art. 24 II: a landlord that is a legal person, other than a
 * family SCI, may assign only 2 months after its own referral to the CCAPEX.
 * Social landlords (OPH, ESH) are legal persons. Behind an agency the owner may
 * be either, so it is unknown, as it is when the landlord's kind is not on file.
 */
export function ccapexReferralRequirement(landlordKind: LandlordKind | null | undefined): CcapexRequirement {
  switch (landlordKind) {
    case "LEGAL_PERSON":
    case "SOCIAL":
      return "required";
    case "PRIVATE_PERSON":
    case "FAMILY_SCI":
      return "not_required";
    default:
      return "unknown";
  }
}

export const CCAPEX_LEGAL_PERSON_DELAY_MONTHS = 2;

/** Loi 89-462 art. 24 II: the last day of the legal-person landlord's 2 months after its referral (it may assign from the next day). */
export function ccapexLegalPersonDelayEnd(ccapexReferralOn: Date): Date {
  return addMonthsUtc(ccapexReferralOn, CCAPEX_LEGAL_PERSON_DELAY_MONTHS);
}

export type EarliestAssignation = {
  /** The first day the assignation is possible: the day after `expiresOn` (CPC 642). */
  date: Date;
  /** The last day of the delay that holds the assignation back (the later of the two). */
  expiresOn: Date;
  /** The rule that sets `date` (the later of the two constraints). */
  bindingRuleId: RuleId;
  ruleIds: RuleId[];
  commandement: CommandementDelay;
  ccapex: { requirement: CcapexRequirement; endsOn?: Date; referralMissing: boolean };
};

/**
 * Earliest assignation: the end of the commandement's delay (art. 24 I) and,
 * for a legal-person landlord other than a family SCI, no sooner than 2 months
 * after its CCAPEX referral (art. 24 II). A required referral that is not on
 * file cannot be dated: it is reported (`referralMissing`), not guessed.
 */
export function earliestAssignation(
  input: {
    commandementOn: Date;
    leaseSignedOn?: Date | null;
    landlordKind?: LandlordKind | null;
    ccapexReferralOn?: Date | null;
  },
  settings: Pick<ProcedureSettings, "legacyLeaseCommandementMonths"> = DEFAULT_PROCEDURE_SETTINGS,
): EarliestAssignation {
  const commandement = commandementDelay(input.commandementOn, input.leaseSignedOn, settings);
  const requirement = ccapexReferralRequirement(input.landlordKind);
  const ruleIds: RuleId[] = ["commandement-delay"];
  let date = commandement.endsOn;
  let bindingRuleId: RuleId = "commandement-delay";
  let endsOn: Date | undefined;
  if (requirement !== "not_required") ruleIds.push("ccapex-legal-person-delay");
  if (requirement === "required" && input.ccapexReferralOn) {
    endsOn = ccapexLegalPersonDelayEnd(input.ccapexReferralOn);
    if (isBeforeDay(date, endsOn)) {
      date = endsOn;
      bindingRuleId = "ccapex-legal-person-delay";
    }
  }
  return {
    date: dayAfter(date),
    expiresOn: date,
    bindingRuleId,
    ruleIds,
    commandement,
    ccapex: {
      requirement,
      ...(endsOn ? { endsOn } : {}),
      referralMissing: requirement === "required" && !input.ccapexReferralOn,
    },
  };
}

// ─── 3. Notification of the assignation to the préfet ───────────────────────

export const PREFET_NOTIFICATION_MIN_DAYS = 42;

/**
 * Loi 89-462 art. 24 III: the assignation is notified to the préfet at least
 * 6 weeks before the hearing, counted backwards from the hearing, with no
 * extension for a weekend or a public holiday (Cass. avis 6 Nov 2025,
 * n° 25-70.018): the latest date is the hearing − 42 days, whatever day it is.
 */
export function latestPrefetNotificationDate(hearingOn: Date): Date {
  return addDaysUtc(hearingOn, -PREFET_NOTIFICATION_MIN_DAYS);
}

/** Art. 24 III: true when the hearing is at least 42 days after the notification (otherwise the claim is inadmissible). */
export function notificationRespectsDelay(notifiedOn: Date, hearingOn: Date): boolean {
  return !isBeforeDay(latestPrefetNotificationDate(hearingOn), notifiedOn);
}

// ─── 4. Days to the hearing (team practice) ─────────────────────────────────

/** Whole days from today to the hearing; 0 on the day, negative once it has passed. */
export function daysToHearing(hearingOn: Date, today: Date): number {
  return Math.round((hearingOn.getTime() - today.getTime()) / 86_400_000);
}

/**
 * The teams' own trigger, not a legal rule: alert when the hearing is within
 * `hearingAlertDays` (45) days, still ahead, and the household has not been
 * met. An unknown `householdMet` alerts too: a missed alert costs more.
 */
export function hearingAlertDue(
  input: { hearingOn: Date; today: Date; householdMet?: boolean | null },
  settings: Pick<ProcedureSettings, "hearingAlertDays"> = DEFAULT_PROCEDURE_SETTINGS,
): boolean {
  const days = daysToHearing(input.hearingOn, input.today);
  return input.householdMet !== true && days >= 0 && days <= settings.hearingAlertDays;
}

// ─── 5. Diagnostic social et financier ──────────────────────────────────────

/**
 * Décret 2021-8 art. 1: the DSF organisation offers the household an interview
 * within 15 working days (jours ouvrés) of its referral by the préfet
 * ((verify) the 5-working-day variant: `dsfInterviewWorkingDays`).
 */
export function dsfInterviewOfferDeadline(
  referralOn: Date,
  settings: Pick<ProcedureSettings, "dsfInterviewWorkingDays"> = DEFAULT_PROCEDURE_SETTINGS,
): Date {
  return addWorkingDays(referralOn, settings.dsfInterviewWorkingDays);
}

export const DSF_SECOND_OFFER_WORKING_DAYS = 15;

/** Décret 2021-8 art. 1: without an answer 15 working days before the hearing, a second interview may be offered. */
export function dsfSecondOfferDate(hearingOn: Date): Date {
  return addWorkingDays(hearingOn, -DSF_SECOND_OFFER_WORKING_DAYS);
}

/** Décret 2021-8 ((verify) delay): the DSF reaches the judge and the CCAPEX at the latest 5 working days before the hearing. */
export function dsfTransmissionDeadline(
  hearingOn: Date,
  settings: Pick<ProcedureSettings, "dsfTransmissionWorkingDays"> = DEFAULT_PROCEDURE_SETTINGS,
): Date {
  return addWorkingDays(hearingOn, -settings.dsfTransmissionWorkingDays);
}

// ─── 6. Appeal ──────────────────────────────────────────────────────────────

/**
 * CPC art. 538: appeal within 1 month of the judgment's signification. The
 * month ends on the same day number or the month's last day (art. 641), and a
 * delay ending on a Saturday, Sunday or public holiday runs to the next working
 * day (art. 642).
 */
export function appealDeadline(judgmentServedOn: Date): Date {
  return nextWorkingDayFrom(addMonthsUtc(judgmentServedOn, 1));
}

/**
 * Earliest commandement de quitter les lieux after a judgment. With
 * provisional enforcement (CPC art. 514, (verify)) an appeal does not suspend
 * the expulsion, so the CQL may follow the signification at once; without it,
 * the CQL waits for the appeal delay: possible the day after it expires.
 */
export function earliestCqlDate(
  judgmentServedOn: Date,
  settings: Pick<ProcedureSettings, "provisionalEnforcement"> = DEFAULT_PROCEDURE_SETTINGS,
): Date {
  return settings.provisionalEnforcement ? judgmentServedOn : dayAfter(appealDeadline(judgmentServedOn));
}

// ─── 7. Earliest expulsion after a CQL ──────────────────────────────────────

export const CQL_DELAY_MONTHS = 2;

export type CqlDelay = {
  /** The day the 2 months start (the CQL, or its later referral to the préfet). */
  startsOn: Date;
  endsOn: Date;
  /** The referral to the préfet is not on file: the delay may in fact be suspended. */
  referralMissing: boolean;
};

/**
 * CPCE L412-1: no expulsion before 2 months after the CQL; L412-5: that delay
 * is suspended while the commissaire has not referred the CQL to the préfet.
 * (verify) interpretation, `cqlDelayStart`: the 2 months run from the later of
 * the CQL and its referral, which is the same as suspending them until the
 * referral. Without a referral date, the count starts at the CQL (the soonest
 * possible date) and `referralMissing` says so.
 */
export function cqlDelay(
  input: { cqlOn: Date; cqlReferredToPrefetOn?: Date | null },
  settings: Pick<ProcedureSettings, "cqlDelayStart"> = DEFAULT_PROCEDURE_SETTINGS,
): CqlDelay {
  const referral = input.cqlReferredToPrefetOn;
  const startsOn =
    settings.cqlDelayStart === "later_of_cql_and_referral" && referral ? laterOf(input.cqlOn, referral) : input.cqlOn;
  return { startsOn, endsOn: addMonthsUtc(startsOn, CQL_DELAY_MONTHS), referralMissing: !referral };
}

export type EarliestExpulsion = {
  /** The first day the expulsion may take place. */
  date: Date;
  /** The last day of the later of the two delays (CQL's 2 months, JEX delay in force): it expires at 24:00. */
  expiresOn: Date;
  cql: CqlDelay;
  /** Last day of the JEX delay in force, when a decision is on file. */
  jexEndsOn?: Date;
  /** The delay whose last day is `expiresOn`. */
  expiringRuleId: "cql-delay" | "jex-delay";
  /** The day after `expiresOn`, before the winter truce was applied. */
  beforeTruce: Date;
  movedByTruce: boolean;
  /** The rule that sets `date`: the truce, the JEX delay or the CQL's 2 months. */
  bindingRuleId: RuleId;
  ruleIds: RuleId[];
};

/**
 * Earliest expulsion after a CQL: the day after the later of its 2 months
 * (L412-1, suspended until the referral, L412-5) and the end of the JEX delay
 * in force (L412-3, L412-4; it runs alongside the 2 months, not after them),
 * then moved out of the winter truce to 1 April (L412-6). CPC 641-642: each
 * delay expires at the end of its last day, so the expulsion is possible from
 * the next day.
 */
export function earliestExpulsion(
  input: { cqlOn: Date; cqlReferredToPrefetOn?: Date | null; jexDecisions?: ReadonlyArray<JexDecision> | null },
  settings: Pick<ProcedureSettings, "cqlDelayStart"> = DEFAULT_PROCEDURE_SETTINGS,
): EarliestExpulsion {
  const cql = cqlDelay(input, settings);
  const ruleIds: RuleId[] = ["cql-delay"];
  let expiresOn = cql.endsOn;
  let bindingRuleId: RuleId = "cql-delay";
  let expiringRuleId: EarliestExpulsion["expiringRuleId"] = "cql-delay";
  const jex = jexDecisionInForce(input.jexDecisions);
  if (jex) {
    ruleIds.push("jex-delay");
    if (isBeforeDay(expiresOn, jex.endsOn)) {
      expiresOn = jex.endsOn;
      bindingRuleId = "jex-delay";
      expiringRuleId = "jex-delay";
    }
  }
  const beforeTruce = dayAfter(expiresOn);
  const date = nextDayOutsideTruce(beforeTruce);
  const movedByTruce = isBeforeDay(beforeTruce, date);
  ruleIds.push("winter-truce");
  if (movedByTruce) bindingRuleId = "winter-truce";
  return { date, expiresOn, expiringRuleId, cql, ...(jex ? { jexEndsOn: jex.endsOn } : {}), beforeTruce, movedByTruce, bindingRuleId, ruleIds };
}

// ─── 8. Concours de la force publique ───────────────────────────────────────

/**
 * CPCE L412-1 and R153-1: the concours de la force publique cannot be granted
 * before the CQL's 2 months have run out (from the day after `cqlDelay`'s
 * last day), nor, of course, before it was requested.
 */
export function earliestCfpGrant(cqlDelayEndsOn: Date, requestOn?: Date | null): Date {
  const from = dayAfter(cqlDelayEndsOn);
  return requestOn ? laterOf(from, requestOn) : from;
}

export const PREFET_SILENCE_MONTHS = 2;

/**
 * CPCE R153-1: the préfet's silence for 2 months on a CFP request is a refusal;
 * from that date the State is liable for the landlord's loss (L153-1).
 */
export function prefetSilenceDate(forcePubliqueRequestOn: Date): Date {
  return addMonthsUtc(forcePubliqueRequestOn, PREFET_SILENCE_MONTHS);
}

import type { DeadlineKind } from "@/lib/domain/labels";
import { isBeforeDay } from "./calendar";
import type { ProcedureFacts } from "./facts";
import {
  appealDeadline,
  dsfInterviewOfferDeadline,
  dsfTransmissionDeadline,
  earliestAssignation,
  earliestCqlDate,
  earliestExpulsion,
  latestPrefetNotificationDate,
  prefetSilenceDate,
} from "./deadlines";
import { resolveSettings, type ProcedureSettings, type RuleId } from "./rules";

/**
 * The dated deadlines of a procedure, for lists: "À faire" and the caseload
 * sort and filter by the next one (issue 4). Computed from the acts on file
 * only, never from today, so the rows stay true as days pass and the next
 * deadline is simply the first one on or after today (decision 008).
 *
 * Bump PROCEDURE_DEADLINES_VERSION whenever what this returns changes for the
 * same facts (a new kind, a rule or a setting): cases computed with an older
 * version are recomputed at the next start (lib/server/services/refresh-deadlines.ts).
 */
export const PROCEDURE_DEADLINES_VERSION = 2; // 2: issue 13 (possible from the day after expiry, JEX delays as decided, team settings)

/**
 * `on` is the date the list sorts by: the deadline itself, or for an act held
 * back by a delay (ASSIGNATION_POSSIBLE, CQL_POSSIBLE, EXPULSION_POSSIBLE) the
 * first day it is possible; `expiresOn` is then the delay's last day (CPC 641-642).
 */
export type ProcedureDeadline = { kind: DeadlineKind; on: Date; ruleId: RuleId; expiresOn?: Date };

export function procedureDeadlines(facts: ProcedureFacts, overrides?: Partial<ProcedureSettings>): ProcedureDeadline[] {
  const settings = resolveSettings(overrides);
  const out: ProcedureDeadline[] = [];
  const add = (kind: DeadlineKind, on: Date, ruleId: RuleId, expiresOn?: Date) =>
    out.push({ kind, on, ruleId, ...(expiresOn ? { expiresOn } : {}) });
  const f = facts;
  const evicted = !!f.evictionOn;

  // Art. 24 I–II loi 89-462: the landlord may summon from this day.
  if (f.commandementOn && !f.assignationOn && !f.hearingOn && !f.judgmentOn) {
    const a = earliestAssignation(
      { commandementOn: f.commandementOn, leaseSignedOn: f.leaseSignedOn, landlordKind: f.landlordKind, ccapexReferralOn: f.ccapexReferralOn },
      settings,
    );
    add("ASSIGNATION_POSSIBLE", a.date, a.bindingRuleId, a.expiresOn);
  }

  // A hearing still to be held: one set after the last judgment (a postponement gives a new date).
  const hearingPending = !!f.hearingOn && (!f.judgmentOn || isBeforeDay(f.judgmentOn, f.hearingOn));
  if (f.hearingOn && hearingPending) {
    // Art. 24 III: the assignation reaches the préfet at least 6 weeks before the hearing.
    if (f.assignationOn && !f.prefetNotificationOn) {
      add("PREFET_NOTIFICATION_LATEST", latestPrefetNotificationDate(f.hearingOn), "prefet-notification-delay");
    }
    add("HEARING", f.hearingOn, "hearing-countdown");
  }

  // Décret 2021-8: the DSF interview offer, then the DSF's transmission before the hearing.
  const dsfPending = !!f.dsfReferralOn && !f.dsfCompletedOn && !f.judgmentOn;
  if (f.dsfReferralOn && dsfPending && !f.dsfInterviewOfferedOn) {
    add("DSF_INTERVIEW_OFFER_LATEST", dsfInterviewOfferDeadline(f.dsfReferralOn, settings), "dsf-interview-offer");
  }
  if (dsfPending && f.hearingOn && hearingPending) {
    add("DSF_TRANSMISSION_LATEST", dsfTransmissionDeadline(f.hearingOn, settings), "dsf-transmission");
  }

  // CPC art. 538 and 642: the appeal delay; then the commandement de quitter les lieux may follow.
  if (f.judgmentServedOn && !evicted) {
    const appealEnd = appealDeadline(f.judgmentServedOn);
    add("APPEAL_DELAY_END", appealEnd, "appeal-delay");
    if (!f.cqlOn) {
      // With provisional enforcement the CQL does not wait for the appeal delay: no expiry to show.
      const cqlFrom = earliestCqlDate(f.judgmentServedOn, settings);
      add("CQL_POSSIBLE", cqlFrom, "appeal-delay", settings.provisionalEnforcement ? undefined : appealEnd);
    }
  }

  // CPCE L412-1 to L412-6: the earliest expulsion after the CQL.
  if (f.cqlOn && !evicted) {
    const e = earliestExpulsion({ cqlOn: f.cqlOn, cqlReferredToPrefetOn: f.cqlReferredToPrefetOn, jexDecisions: f.jexDecisions }, settings);
    add("EXPULSION_POSSIBLE", e.date, e.bindingRuleId, e.expiresOn);
  }

  // CPCE R153-1: two months of the préfet's silence on the request for the concours is a refusal.
  if (f.forcePubliqueRequestOn && !f.forcePubliqueGrantedOn && !evicted) {
    add("CFP_IMPLICIT_REFUSAL", prefetSilenceDate(f.forcePubliqueRequestOn), "cfp-prefet-silence");
  }

  return out.sort((a, b) => a.on.getTime() - b.on.getTime());
}

/** The first deadline on or after today, or null. */
export function nextDeadline(deadlines: ReadonlyArray<ProcedureDeadline>, today: Date): ProcedureDeadline | null {
  let best: ProcedureDeadline | null = null;
  for (const d of deadlines) {
    if (isBeforeDay(d.on, today)) continue;
    if (!best || isBeforeDay(d.on, best.on)) best = d;
  }
  return best;
}

import type { LandlordKind, ProcedureStage } from "@/lib/domain/labels";
import type { JexDecision } from "./jex";
import { jexDelayEndFromMonths } from "./jex";

/** What is on file for a case. Every date is a calendar day at UTC midnight; null and undefined both mean "not on file". */
export type ProcedureFacts = {
  leaseSignedOn?: Date | null;
  commandementOn?: Date | null;
  ccapexReferralOn?: Date | null;
  assignationOn?: Date | null;
  prefetNotificationOn?: Date | null;
  /** The préfet's referral of the DSF to the organisation that carries it out. */
  dsfReferralOn?: Date | null;
  dsfInterviewOfferedOn?: Date | null;
  /** The DSF sent to the judge and the CCAPEX. */
  dsfCompletedOn?: Date | null;
  hearingOn?: Date | null;
  judgmentOn?: Date | null;
  judgmentServedOn?: Date | null;
  cqlOn?: Date | null;
  cqlReferredToPrefetOn?: Date | null;
  /** "JEX saisi le …": the latest request to the juge de l'exécution for a delay (Code pénal 315-2). */
  jexReferralOn?: Date | null;
  /** Every JEX decision on file, each with the last day of the delay it grants (CPCE L412-3, L412-4). */
  jexDecisions?: ReadonlyArray<JexDecision> | null;
  /** JEX decisions on file whose end is unknown (rows written before issue 13 without months). */
  jexDecisionsWithoutEnd?: number;
  forcePubliqueRequestOn?: Date | null;
  forcePubliqueGrantedOn?: Date | null;
  evictionOn?: Date | null;
  landlordKind?: LandlordKind | null;
  monthlyRentCents?: number | null;
  debtCents?: number | null;
  /** Months of unpaid rent, from the rent ledger when there is one (CCAPEX threshold). */
  unpaidMonths?: number | null;
  /** Whether the team has met the household yet (for the 45-day alert). */
  householdMet?: boolean | null;
};

type StageDate = { stage: ProcedureStage; date: Date };
type EventInput = StageDate & { delayMonths: number | null; delayEndsOn?: Date | null };

/** The latest date on file for each stage (a postponed hearing gives way to the new one). */
function latestByStage<E extends StageDate>(events: ReadonlyArray<E>): Map<ProcedureStage, E> {
  const latest = new Map<ProcedureStage, E>();
  for (const e of events) {
    const current = latest.get(e.stage);
    if (!current || e.date >= current.date) latest.set(e.stage, e);
  }
  return latest;
}

/**
 * The JEX decisions of the events, in the order given (oldest first when
 * the caller sorts by date then creation): the stored end, or for a row that
 * only has months, the decision's date + months (CPCE L412-4).
 */
function jexDecisionsOf(events: ReadonlyArray<EventInput>): { decisions: JexDecision[]; withoutEnd: number } {
  const decisions: JexDecision[] = [];
  let withoutEnd = 0;
  for (const e of events) {
    if (e.stage !== "JEX_DELAY") continue;
    const endsOn = e.delayEndsOn ?? (e.delayMonths != null ? jexDelayEndFromMonths(e.date, e.delayMonths) : null);
    if (endsOn) decisions.push({ decidedOn: e.date, endsOn });
    else withoutEnd += 1;
  }
  return { decisions, withoutEnd };
}

/** What the deadline engine needs, from a case's acts, lease, landlord and outreach. Pure. */
export function procedureFacts(input: {
  events: ReadonlyArray<EventInput>;
  leaseSignedOn: Date | null;
  landlordKind: LandlordKind | null;
  monthlyRentCents: number | null;
  debtCents: number | null;
  unpaidMonths?: number | null;
  householdMet: boolean;
}): ProcedureFacts {
  const latest = latestByStage(input.events);
  const on = (stage: ProcedureStage) => latest.get(stage)?.date ?? null;
  const jex = jexDecisionsOf(input.events);
  return {
    leaseSignedOn: input.leaseSignedOn,
    commandementOn: on("COMMANDEMENT_DE_PAYER"),
    ccapexReferralOn: on("CCAPEX_REFERRAL"),
    assignationOn: on("ASSIGNATION"),
    prefetNotificationOn: on("PREFET_NOTIFICATION"),
    dsfReferralOn: on("DSF_REFERRAL"),
    dsfInterviewOfferedOn: on("DSF_INTERVIEW_OFFER"),
    // A DSF act on file is the diagnostic done and sent to the judge and the CCAPEX.
    dsfCompletedOn: on("DSF"),
    hearingOn: on("HEARING"),
    judgmentOn: on("JUDGMENT"),
    judgmentServedOn: on("JUDGMENT_SERVED"),
    cqlOn: on("COMMANDEMENT_QUITTER_LIEUX"),
    cqlReferredToPrefetOn: on("CQL_REFERRED_TO_PREFET"),
    jexReferralOn: on("JEX_REFERRAL"),
    jexDecisions: jex.decisions,
    jexDecisionsWithoutEnd: jex.withoutEnd,
    forcePubliqueRequestOn: on("FORCE_PUBLIQUE_REQUEST"),
    forcePubliqueGrantedOn: on("FORCE_PUBLIQUE_GRANTED"),
    evictionOn: on("EVICTION"),
    landlordKind: input.landlordKind,
    monthlyRentCents: input.monthlyRentCents,
    debtCents: input.debtCents,
    unpaidMonths: input.unpaidMonths ?? null,
    householdMet: input.householdMet,
  };
}

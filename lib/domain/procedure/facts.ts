import type { LandlordKind, ProcedureStage } from "@/lib/domain/labels";
import type { ProcedureFacts } from "./compute-procedure";

type StageDate = { stage: ProcedureStage; date: Date };

/** The latest date on file for each stage (a postponed hearing gives way to the new one). */
function latestByStage<E extends StageDate>(events: ReadonlyArray<E>): Map<ProcedureStage, E> {
  const latest = new Map<ProcedureStage, E>();
  for (const e of events) {
    const current = latest.get(e.stage);
    if (!current || e.date >= current.date) latest.set(e.stage, e);
  }
  return latest;
}

/** What the deadline engine needs, from a case's acts, lease, landlord and outreach. Pure. */
export function procedureFacts(input: {
  events: ReadonlyArray<StageDate & { delayMonths: number | null }>;
  leaseSignedOn: Date | null;
  landlordKind: LandlordKind | null;
  monthlyRentCents: number | null;
  debtCents: number | null;
  householdMet: boolean;
}): ProcedureFacts {
  const latest = latestByStage(input.events);
  const on = (stage: ProcedureStage) => latest.get(stage)?.date ?? null;
  const jex = latest.get("JEX_DELAY");
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
    jexDelay: jex && jex.delayMonths != null ? { grantedOn: jex.date, months: jex.delayMonths } : null,
    forcePubliqueRequestOn: on("FORCE_PUBLIQUE_REQUEST"),
    forcePubliqueGrantedOn: on("FORCE_PUBLIQUE_GRANTED"),
    evictionOn: on("EVICTION"),
    landlordKind: input.landlordKind,
    monthlyRentCents: input.monthlyRentCents,
    debtCents: input.debtCents,
    householdMet: input.householdMet,
  };
}

import { isBeforeDay } from "@/lib/domain/procedure/calendar";
import { computeProcedure, type ProcedureFacts } from "@/lib/domain/procedure/compute-procedure";
import { earliestExpulsion } from "@/lib/domain/procedure/deadlines";
import { winterTruceEndsOn } from "@/lib/domain/procedure/winter-truce";

/**
 * THE adapter between the procedure engine and the household sheet (issue 20):
 * the only place the sheet reads the engine's dates, so that a change of the
 * engine (issue 13 gives "délai expire le" and "possible à partir du" dates
 * and JEX delays) is merged here and nowhere else.
 *
 * The sheet always says "à partir du … au plus tôt": the day an act becomes
 * possible, never a date the law does not fix. A delay expires at the end of
 * its last day and the act it holds back is possible from the next day (CPC
 * 641-642, shared/domain/procedure.md "Changed on 2026-12-07").
 *
 * The engine (issue 13) gives both dates of each delay: `earliestAssignationOn`
 * is already the day the assignation becomes possible (the day after the
 * commandement's delay expires), and `earliestExpulsion().date` the day the
 * expulsion becomes possible: the day after the later of the CQL's 2 months and
 * the JEX delay in force, moved out of the winter truce (CPCE L412-1, L412-4,
 * L412-6).
 */

export type SheetStage = "NONE" | "COMMANDEMENT" | "ASSIGNATION" | "HEARING_COMING" | "HEARING_PAST" | "JUDGMENT" | "CQL" | "FORCE_PUBLIQUE" | "EVICTED";

export interface SheetDates {
  stage: SheetStage;
  commandementOn: Date | null;
  /** The landlord may summon the household to court from this day at the earliest. */
  assignationPossibleFrom: Date | null;
  assignationOn: Date | null;
  /** A hearing on file, today or later. */
  hearingOn: Date | null;
  judgmentOn: Date | null;
  cqlOn: Date | null;
  /** The expulsion may take place from this day at the earliest (truce applied). */
  expulsionPossibleFrom: Date | null;
  /** A JEX delay is on file. */
  jexDelay: boolean;
  /** Today is in the winter truce; its last day (31 March). */
  truceEndsOn: Date | null;
  /** The expulsion date was pushed to 1 April by the truce. */
  expulsionMovedByTruce: boolean;
}

export function sheetDates(facts: ProcedureFacts, today: Date): SheetDates {
  const computed = computeProcedure(facts, { today });
  const assignationPossibleFrom = computed.earliestAssignationOn ?? null;
  let expulsionPossibleFrom: Date | null = null;
  let expulsionMovedByTruce = false;
  if (facts.cqlOn) {
    const expulsion = earliestExpulsion({ cqlOn: facts.cqlOn, cqlReferredToPrefetOn: facts.cqlReferredToPrefetOn, jexDecisions: facts.jexDecisions });
    expulsionPossibleFrom = expulsion.date;
    expulsionMovedByTruce = expulsion.movedByTruce;
  }
  const hearingOn = facts.hearingOn && !isBeforeDay(facts.hearingOn, today) ? facts.hearingOn : null;
  return {
    stage: stageOf(facts, today),
    commandementOn: facts.commandementOn ?? null,
    assignationPossibleFrom,
    assignationOn: facts.assignationOn ?? null,
    hearingOn,
    judgmentOn: facts.judgmentOn ?? null,
    cqlOn: facts.cqlOn ?? null,
    expulsionPossibleFrom,
    jexDelay: (facts.jexDecisions?.length ?? 0) > 0,
    truceEndsOn: winterTruceEndsOn(today),
    expulsionMovedByTruce,
  };
}

function stageOf(f: ProcedureFacts, today: Date): SheetStage {
  if (f.evictionOn) return "EVICTED";
  if (f.forcePubliqueRequestOn || f.forcePubliqueGrantedOn) return "FORCE_PUBLIQUE";
  if (f.cqlOn) return "CQL";
  if (f.judgmentOn) return "JUDGMENT";
  if (f.hearingOn) return isBeforeDay(f.hearingOn, today) ? "HEARING_PAST" : "HEARING_COMING";
  if (f.assignationOn) return "ASSIGNATION";
  if (f.commandementOn) return "COMMANDEMENT";
  return "NONE";
}

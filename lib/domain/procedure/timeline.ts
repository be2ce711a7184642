import { PROCEDURE_STAGE_LABELS, type ProcedureStage } from "@/lib/domain/labels";
import { frenchDay, isBeforeDay, laterOf } from "./calendar";
import {
  dsfTransmissionDeadline,
  earliestCfpGrant,
  type CcapexRequirement,
  type EarliestAssignation,
  type EarliestExpulsion,
} from "./deadlines";
import type { ProcedureFacts } from "./facts";
import { jexDecisionInForce } from "./jex";
import type { ProcedureSettings, RuleId } from "./rules";
import { PRINCIPAL_STAGES } from "./stages";
import { delayName, expiresThenPossible } from "./wording";
import { nextDayOutsideTruce } from "./winter-truce";

/**
 * The timeline of stages and the next legal step (issue 4), split out of
 * compute-procedure.ts (issue 13). A stage held back by a delay carries both
 * dates: the delay's last day (`expiresOn`) and the first day it is possible
 * (`earliestDate`), CPC 641-642.
 */

/**
 * done / scheduled: on file. expected: still to come, possibly dated by a
 * rule. unknown: an earlier act that is not on file although a later one is
 * (a case that reached the team at the assignation): "non renseigné", never
 * "à venir". not_applicable: the rules say it will not happen.
 */
export type StageStatus = "done" | "scheduled" | "expected" | "unknown" | "not_applicable";

export type StageView = {
  stage: ProcedureStage;
  status: StageStatus;
  /** The date on file (done or scheduled). */
  date?: Date;
  /** The soonest the stage may legally take place. */
  earliestDate?: Date;
  /** The last day of the delay that holds the stage back (`earliestDate` is the next day, or 1 April). */
  expiresOn?: Date;
  /** The name of that delay, in French ("délai de 6 semaines du commandement de payer"). */
  delay?: string;
  /** The latest date by which it must take place. */
  latestDate?: Date;
  ruleIds: RuleId[];
};

export type NextStep = {
  stage: ProcedureStage;
  earliestDate: Date;
  /** The last day of the delay before it, when a delay holds the step back. */
  expiresOn?: Date;
  ruleId: RuleId;
  label: string;
};

export type StageContext = {
  isDone: (date: Date) => boolean;
  assignation: EarliestAssignation | undefined;
  requirement: CcapexRequirement;
  thresholdReached: boolean | null;
  earliestCql: Date | undefined;
  appealDeadline: Date | undefined;
  expulsion: EarliestExpulsion | undefined;
  settings: ProcedureSettings;
  latestNotification: Date | undefined;
  dsfInterviewDeadline: Date | undefined;
};

/** The main line of the procedure, in order; the other stages hang off it. */
const MAIN_LINE: readonly ProcedureStage[] = PRINCIPAL_STAGES;

/** Stages that come before the assignation: unknown, not "to come", once the procedure is past them. */
const BEFORE_ASSIGNATION: ReadonlySet<ProcedureStage> = new Set(["COMMANDEMENT_DE_PAYER", "CCAPEX_REFERRAL"]);

export function buildStages(facts: ProcedureFacts, ctx: StageContext): StageView[] {
  const view = (
    stage: ProcedureStage,
    date: Date | null | undefined,
    ruleIds: RuleId[],
    planned: { earliestDate?: Date; expiresOn?: Date; delay?: string; latestDate?: Date; notApplicable?: boolean } = {},
  ): StageView => {
    if (date) return { stage, status: ctx.isDone(date) ? "done" : "scheduled", date, ruleIds };
    if (planned.notApplicable) return { stage, status: "not_applicable", ruleIds };
    return {
      stage,
      status: "expected",
      ...(planned.earliestDate ? { earliestDate: planned.earliestDate } : {}),
      ...(planned.expiresOn ? { expiresOn: planned.expiresOn } : {}),
      ...(planned.delay ? { delay: planned.delay } : {}),
      ...(planned.latestDate ? { latestDate: planned.latestDate } : {}),
      ruleIds,
    };
  };
  const evicted = !!facts.evictionOn && ctx.isDone(facts.evictionOn);
  const hearingHeld = !!facts.hearingOn && ctx.isDone(facts.hearingOn);
  const cqlEnd = ctx.expulsion?.cql.endsOn;

  const ccapexRules: RuleId[] =
    ctx.requirement === "not_required" ? ["ccapex-threshold"] : ["ccapex-threshold", "ccapex-legal-person-delay"];
  const grantAfterEarliest =
    !!ctx.expulsion && !!facts.forcePubliqueGrantedOn && isBeforeDay(ctx.expulsion.date, facts.forcePubliqueGrantedOn);
  const evictionEarliest =
    ctx.expulsion && facts.forcePubliqueGrantedOn
      ? nextDayOutsideTruce(laterOf(ctx.expulsion.date, facts.forcePubliqueGrantedOn))
      : ctx.expulsion?.date;
  const assignation = ctx.assignation;
  const jex = jexDecisionInForce(facts.jexDecisions);

  const stages = [
    view("COMMANDEMENT_DE_PAYER", facts.commandementOn, ["commandement-delay"]),
    view("CCAPEX_REFERRAL", facts.ccapexReferralOn, ccapexRules, {
      // Neither the debt threshold nor the landlord's kind calls for a referral.
      notApplicable: ctx.thresholdReached === false && ctx.requirement === "not_required",
    }),
    view("ASSIGNATION", facts.assignationOn, assignation?.ruleIds ?? ["commandement-delay"], {
      ...(assignation
        ? {
            earliestDate: assignation.date,
            expiresOn: assignation.expiresOn,
            delay: delayName(assignation.bindingRuleId, assignation.commandement),
          }
        : {}),
    }),
    view("PREFET_NOTIFICATION", facts.prefetNotificationOn, ["prefet-notification-delay"], {
      ...(ctx.latestNotification ? { latestDate: ctx.latestNotification } : {}),
    }),
    view("DSF", facts.dsfCompletedOn, ["dsf-interview-offer", "dsf-second-offer", "dsf-transmission", "working-days"], {
      ...(ctx.dsfInterviewDeadline && !facts.dsfInterviewOfferedOn
        ? { latestDate: ctx.dsfInterviewDeadline }
        : facts.hearingOn
          ? { latestDate: dsfTransmissionDeadline(facts.hearingOn, ctx.settings) }
          : {}),
      notApplicable: hearingHeld || !!facts.judgmentOn,
    }),
    view("HEARING", facts.hearingOn, ["hearing-countdown", "prefet-notification-delay"]),
    view("JUDGMENT", facts.judgmentOn, ["appeal-delay"]),
    view("JUDGMENT_SERVED", facts.judgmentServedOn, ["appeal-delay"], {
      ...(facts.judgmentOn ? { earliestDate: facts.judgmentOn } : {}),
    }),
    view("COMMANDEMENT_QUITTER_LIEUX", facts.cqlOn, ["appeal-delay", "cql-delay"], {
      ...(ctx.earliestCql ? { earliestDate: ctx.earliestCql } : {}),
      ...(ctx.earliestCql && ctx.appealDeadline && !ctx.settings.provisionalEnforcement
        ? { expiresOn: ctx.appealDeadline, delay: delayName("appeal-delay") }
        : {}),
    }),
    view("CQL_REFERRED_TO_PREFET", facts.cqlReferredToPrefetOn, ["cql-delay"], {
      ...(facts.cqlOn ? { earliestDate: facts.cqlOn } : {}),
    }),
    view("JEX_REFERRAL", facts.jexReferralOn, ["jex-delay", "penal-risk"], { notApplicable: evicted }),
    view("JEX_DELAY", jex?.decidedOn, ["jex-delay"], { notApplicable: evicted }),
    view("FORCE_PUBLIQUE_REQUEST", facts.forcePubliqueRequestOn, ["cql-delay", "cfp-prefet-silence"], {
      ...(cqlEnd ? { earliestDate: earliestCfpGrant(cqlEnd), expiresOn: cqlEnd, delay: delayName("cql-delay") } : {}),
      notApplicable: evicted,
    }),
    view("FORCE_PUBLIQUE_GRANTED", facts.forcePubliqueGrantedOn, ["cfp-earliest-grant", "cfp-prefet-silence"], {
      ...(cqlEnd ? { earliestDate: earliestCfpGrant(cqlEnd, facts.forcePubliqueRequestOn), expiresOn: cqlEnd, delay: delayName("cql-delay") } : {}),
      notApplicable: evicted,
    }),
    view("EVICTION", facts.evictionOn, ctx.expulsion?.ruleIds ?? ["cql-delay", "winter-truce"], {
      ...(evictionEarliest ? { earliestDate: evictionEarliest } : {}),
      ...(ctx.expulsion && !grantAfterEarliest
        ? { expiresOn: ctx.expulsion.expiresOn, delay: delayName(ctx.expulsion.expiringRuleId) }
        : {}),
    }),
  ];
  return markUnknownEarlierStages(stages);
}

/**
 * Issue 13: a case that reached the team at the assignation (or later) has no
 * commandement on file, and a CQL may be on file without the judgment's
 * signification. Such earlier main-line acts are "non renseigné", never "à venir".
 */
function markUnknownEarlierStages(stages: StageView[]): StageView[] {
  const rank = (stage: ProcedureStage) => (MAIN_LINE as readonly ProcedureStage[]).indexOf(stage);
  let lastOnFile = -1;
  for (const s of stages) if (s.date && rank(s.stage) > lastOnFile) lastOnFile = rank(s.stage);
  const assignationRank = rank("ASSIGNATION");
  return stages.map((s) => {
    if (s.status !== "expected") return s;
    const r = rank(s.stage);
    const earlier = r >= 0 ? r < lastOnFile : BEFORE_ASSIGNATION.has(s.stage) && lastOnFile >= assignationRank;
    return earlier ? { stage: s.stage, status: "unknown", ruleIds: s.ruleIds } : s;
  });
}

const NEXT_STEP_WORDING: Partial<Record<ProcedureStage, string>> = {
  FORCE_PUBLIQUE_GRANTED: "Concours de la force publique",
};

/** "à partir du 12 mars 2026" for a date to come, "depuis le 12 mars 2026" once it has come. */
export function fromWording(date: Date, today: Date): string {
  return isBeforeDay(today, date) ? `à partir du ${frenchDay(date)}` : `depuis le ${frenchDay(date)}`;
}

/**
 * The next step on the main line: the stage after the last one on file, with
 * the earliest date a rule gives it; or the last one on file itself when it
 * is still to come (a hearing set for next month). Null when no rule dates it
 * (the court sets the hearing and the judgment) or the procedure has ended.
 */
export function nextStepOf(
  stages: StageView[],
  today: Date,
  assignation: EarliestAssignation | undefined,
  expulsion: EarliestExpulsion | undefined,
): NextStep | null {
  const byStage = new Map(stages.map((s) => [s.stage, s]));
  let lastIndex = -1;
  MAIN_LINE.forEach((stage, index) => {
    if (byStage.get(stage)?.date) lastIndex = index;
  });
  if (lastIndex < 0) return null;
  const last = byStage.get(MAIN_LINE[lastIndex]!)!;
  const label = (stage: ProcedureStage) => NEXT_STEP_WORDING[stage] ?? PROCEDURE_STAGE_LABELS[stage];

  if (last.status === "scheduled" && last.date) {
    return {
      stage: last.stage,
      earliestDate: last.date,
      ruleId: last.ruleIds[0] ?? "hearing-countdown",
      label: `${PROCEDURE_STAGE_LABELS[last.stage]} le ${frenchDay(last.date)}`,
    };
  }
  const nextStage = MAIN_LINE[lastIndex + 1];
  if (!nextStage) return null;
  const next = byStage.get(nextStage);
  if (!next?.earliestDate || next.status !== "expected") return null;

  const ruleIdByStage: Partial<Record<ProcedureStage, RuleId>> = {
    ASSIGNATION: assignation?.bindingRuleId ?? "commandement-delay",
    JUDGMENT_SERVED: "appeal-delay",
    COMMANDEMENT_QUITTER_LIEUX: "appeal-delay",
    FORCE_PUBLIQUE_REQUEST: "cql-delay",
    FORCE_PUBLIQUE_GRANTED: "cfp-earliest-grant",
    // A concours granted after the earliest date holds the expulsion back to the grant.
    EVICTION:
      expulsion && isBeforeDay(expulsion.date, next.earliestDate)
        ? "cfp-earliest-grant"
        : (expulsion?.bindingRuleId ?? "cql-delay"),
  };
  const act = label(next.stage);
  return {
    stage: next.stage,
    earliestDate: next.earliestDate,
    ...(next.expiresOn ? { expiresOn: next.expiresOn } : {}),
    ruleId: ruleIdByStage[next.stage] ?? next.ruleIds[0] ?? "commandement-delay",
    label:
      next.expiresOn && next.delay
        ? expiresThenPossible({ delay: next.delay, expiresOn: next.expiresOn, act: act.toLowerCase(), possibleFrom: next.earliestDate }, today)
        : `${act} possible ${fromWording(next.earliestDate, today)}`,
  };
}

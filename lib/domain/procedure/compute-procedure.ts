import { afterJudgment } from "./alerts-after-judgment";
import { alertCollector, type ProcedureAlert } from "./alerts";
import { beforeJudgment } from "./alerts-before-judgment";
import { assertCalendarDay, isBeforeDay } from "./calendar";
import type { ProcedureFacts } from "./facts";
import { resolveSettings, type ProcedureSettings } from "./rules";
import { buildStages, nextStepOf, type NextStep, type StageView } from "./timeline";

export type { ProcedureFacts } from "./facts";
export type { AlertCode, AlertSeverity, ProcedureAlert } from "./alerts";
export type { NextStep, StageStatus, StageView } from "./timeline";

/**
 * computeProcedure: from the dates on a case and today's date, the procedure as
 * a timeline of stages, the next legal step and its earliest date, and the
 * alerts the teams need (issue 4). Pure: no clock, no database. The rules are
 * in deadlines.ts and jex.ts, the alerts in alerts-before-judgment.ts and
 * alerts-after-judgment.ts, the timeline in timeline.ts (split in issue 13).
 */

export type ProcedureComputation = {
  /** Every stage, in procedural order, for the vertical timeline. */
  stages: StageView[];
  nextStep: NextStep | null;
  alerts: ProcedureAlert[];
  /** Days from today to the hearing (negative once past). */
  daysToHearing?: number;
  /** The first day the assignation is possible (the day after `assignationDelayExpiresOn`). */
  earliestAssignationOn?: Date;
  assignationDelayExpiresOn?: Date;
  latestNotificationDate?: Date;
  /** Whether the notification on file respects the 42 days (absent when either date is missing). */
  notificationOk?: boolean;
  dsfInterviewDeadlineOn?: Date;
  appealDeadlineOn?: Date;
  /** The first day the expulsion is possible, after the truce (CPCE L412-1 to L412-6). */
  earliestExpulsionOn?: Date;
  /** The last day of the later of the CQL's 2 months and the JEX delay in force. */
  expulsionDelayExpiresOn?: Date;
  /** The last day of the JEX delay in force, when a decision is on file. */
  jexDelayEndsOn?: Date;
  prefetSilenceOn?: Date;
};

export type ComputeProcedureOptions = { today: Date; settings?: Partial<ProcedureSettings> };

const DATE_FIELDS = [
  "leaseSignedOn",
  "commandementOn",
  "ccapexReferralOn",
  "assignationOn",
  "prefetNotificationOn",
  "dsfReferralOn",
  "dsfInterviewOfferedOn",
  "dsfCompletedOn",
  "hearingOn",
  "judgmentOn",
  "judgmentServedOn",
  "cqlOn",
  "cqlReferredToPrefetOn",
  "jexReferralOn",
  "forcePubliqueRequestOn",
  "forcePubliqueGrantedOn",
  "evictionOn",
] as const satisfies readonly (keyof ProcedureFacts)[];

function assertFacts(facts: ProcedureFacts, today: Date): void {
  assertCalendarDay(today, "today");
  for (const field of DATE_FIELDS) {
    const value = facts[field];
    if (value) assertCalendarDay(value, field);
  }
  for (const d of facts.jexDecisions ?? []) {
    assertCalendarDay(d.decidedOn, "jexDecisions.decidedOn");
    assertCalendarDay(d.endsOn, "jexDecisions.endsOn");
  }
}

export function computeProcedure(facts: ProcedureFacts, options: ComputeProcedureOptions): ProcedureComputation {
  const { today } = options;
  assertFacts(facts, today);
  const settings = resolveSettings(options.settings);
  const { alerts, alert } = alertCollector();
  const isDone = (date: Date) => !isBeforeDay(today, date);
  const ctx = { facts, today, settings, alert, isDone };

  const before = beforeJudgment(ctx);
  const after = afterJudgment(ctx);

  const stages = buildStages(facts, {
    isDone,
    assignation: before.assignation,
    requirement: before.requirement,
    thresholdReached: before.thresholdReached,
    earliestCql: after.earliestCql,
    appealDeadline: after.appealDeadlineOn,
    expulsion: after.expulsion,
    settings,
    latestNotification: before.latestNotificationDate,
    dsfInterviewDeadline: before.dsfInterviewDeadlineOn,
  });
  const opt = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

  return {
    stages,
    nextStep: nextStepOf(stages, today, before.assignation, after.expulsion),
    alerts,
    ...opt("daysToHearing", before.daysToHearing),
    ...opt("earliestAssignationOn", before.assignation?.date),
    ...opt("assignationDelayExpiresOn", before.assignation?.expiresOn),
    ...opt("latestNotificationDate", before.latestNotificationDate),
    ...opt("notificationOk", before.notificationOk),
    ...opt("dsfInterviewDeadlineOn", before.dsfInterviewDeadlineOn),
    ...opt("appealDeadlineOn", after.appealDeadlineOn),
    ...opt("earliestExpulsionOn", after.expulsion?.date),
    ...opt("expulsionDelayExpiresOn", after.expulsion?.expiresOn),
    ...opt("jexDelayEndsOn", after.expulsion?.jexEndsOn),
    ...opt("prefetSilenceOn", after.prefetSilenceOn),
  };
}

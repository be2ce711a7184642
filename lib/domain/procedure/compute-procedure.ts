import { PROCEDURE_STAGE_LABELS, type LandlordKind, type ProcedureStage } from "@/lib/domain/labels";
import { assertCalendarDay, frenchDay, isBeforeDay, laterOf } from "./calendar";
import {
  appealDeadline,
  ccapexReferralRequirement,
  ccapexThresholdReached,
  daysToHearing as countDaysToHearing,
  dsfInterviewOfferDeadline,
  dsfSecondOfferDate,
  dsfTransmissionDeadline,
  earliestAssignation,
  earliestCfpGrant,
  earliestCqlDate,
  earliestExpulsion,
  hearingAlertDue,
  jexDelayWithinLegalRange,
  latestPrefetNotificationDate,
  notificationRespectsDelay,
  prefetSilenceDate,
  PREFET_NOTIFICATION_MIN_DAYS,
  type EarliestAssignation,
  type EarliestExpulsion,
  type JexDelay,
} from "./deadlines";
import { resolveSettings, type ProcedureSettings, type RuleId } from "./rules";
import { isInWinterTruce, nextDayOutsideTruce, winterTruceEndsOn } from "./winter-truce";
import { PRINCIPAL_STAGES } from "./stages";

/**
 * computeProcedure: from the dates on a case and today's date, the procedure as
 * a timeline of stages, the next legal step and its earliest date, and the
 * alerts the teams need (issue 4). Pure: no clock, no database.
 */

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
  jexDelay?: JexDelay | null;
  forcePubliqueRequestOn?: Date | null;
  forcePubliqueGrantedOn?: Date | null;
  evictionOn?: Date | null;
  landlordKind?: LandlordKind | null;
  monthlyRentCents?: number | null;
  debtCents?: number | null;
  /** Whether the team has met the household yet (for the 45-day alert). */
  householdMet?: boolean | null;
};

export type StageStatus = "done" | "scheduled" | "expected" | "not_applicable";

export type StageView = {
  stage: ProcedureStage;
  status: StageStatus;
  /** The date on file (done or scheduled). */
  date?: Date;
  /** The soonest the stage may legally take place. */
  earliestDate?: Date;
  /** The latest date by which it must take place. */
  latestDate?: Date;
  ruleIds: RuleId[];
};

export type NextStep = { stage: ProcedureStage; earliestDate: Date; ruleId: RuleId; label: string };

export type AlertSeverity = "info" | "warning" | "danger";

export type AlertCode =
  | "LEASE_DATE_UNKNOWN"
  | "LANDLORD_KIND_TO_CHECK"
  | "CCAPEX_THRESHOLD_REACHED"
  | "CCAPEX_REFERRAL_MISSING"
  | "ASSIGNATION_BEFORE_COMMANDEMENT_DELAY"
  | "ASSIGNATION_POSSIBLY_BEFORE_COMMANDEMENT_DELAY"
  | "ASSIGNATION_BEFORE_CCAPEX_DELAY"
  | "PREFET_NOTIFICATION_LATE"
  | "PREFET_NOTIFICATION_DUE"
  | "PREFET_NOTIFICATION_OVERDUE"
  | "HEARING_SOON_HOUSEHOLD_NOT_MET"
  | "DSF_INTERVIEW_OFFER_DUE"
  | "DSF_INTERVIEW_OFFER_OVERDUE"
  | "DSF_SECOND_OFFER"
  | "DSF_TRANSMISSION_DUE"
  | "APPEAL_DELAY_RUNNING"
  | "CQL_NOT_REFERRED"
  | "JEX_DELAY_OUT_OF_RANGE"
  | "EXPULSION_POSSIBLE_FROM"
  | "WINTER_TRUCE_IN_PROGRESS"
  | "CFP_GRANTED_BEFORE_DELAY"
  | "CFP_SILENCE_PENDING"
  | "CFP_IMPLICIT_REFUSAL"
  | "EVICTION_BEFORE_EARLIEST_DATE"
  | "EVICTION_DURING_TRUCE";

export type ProcedureAlert = { code: AlertCode; severity: AlertSeverity; message: string; ruleId: RuleId };

export type ProcedureComputation = {
  /** Every stage, in procedural order, for the vertical timeline. */
  stages: StageView[];
  nextStep: NextStep | null;
  alerts: ProcedureAlert[];
  /** Days from today to the hearing (negative once past). */
  daysToHearing?: number;
  earliestAssignationOn?: Date;
  latestNotificationDate?: Date;
  /** Whether the notification on file respects the 42 days (absent when either date is missing). */
  notificationOk?: boolean;
  dsfInterviewDeadlineOn?: Date;
  appealDeadlineOn?: Date;
  earliestExpulsionOn?: Date;
  prefetSilenceOn?: Date;
};

export type ComputeProcedureOptions = { today: Date; settings?: Partial<ProcedureSettings> };

/** The main line of the procedure, in order; the other stages hang off it. */
const MAIN_LINE: readonly ProcedureStage[] = PRINCIPAL_STAGES;

const NEXT_STEP_WORDING: Partial<Record<ProcedureStage, string>> = {
  FORCE_PUBLIQUE_GRANTED: "Concours de la force publique",
};

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
  if (facts.jexDelay) assertCalendarDay(facts.jexDelay.grantedOn, "jexDelay.grantedOn");
}

/** "à partir du 12 mars 2026" for a date to come, "depuis le 12 mars 2026" once it has come. */
function fromWording(date: Date, today: Date): string {
  return isBeforeDay(today, date) ? `à partir du ${frenchDay(date)}` : `depuis le ${frenchDay(date)}`;
}

function inDays(days: number): string {
  if (days === 0) return "aujourd'hui";
  return days === 1 ? "dans 1 jour" : `dans ${days} jours`;
}

export function computeProcedure(facts: ProcedureFacts, options: ComputeProcedureOptions): ProcedureComputation {
  const { today } = options;
  assertFacts(facts, today);
  const settings = resolveSettings(options.settings);
  const alerts: ProcedureAlert[] = [];
  const alert = (code: AlertCode, severity: AlertSeverity, ruleId: RuleId, message: string) =>
    alerts.push({ code, severity, message, ruleId });
  const isDone = (date: Date) => !isBeforeDay(today, date);
  const result: Omit<ProcedureComputation, "stages" | "nextStep" | "alerts"> = {};

  // 1–2. Commandement, CCAPEX, earliest assignation (loi 89-462 art. 24 I–II).
  let assignation: EarliestAssignation | undefined;
  const requirement = ccapexReferralRequirement(facts.landlordKind);
  const thresholdReached = ccapexThresholdReached(facts.debtCents, facts.monthlyRentCents, settings);
  const beforeHearing = !facts.hearingOn || !isDone(facts.hearingOn);
  if (facts.commandementOn) {
    assignation = earliestAssignation(
      {
        commandementOn: facts.commandementOn,
        leaseSignedOn: facts.leaseSignedOn,
        landlordKind: facts.landlordKind,
        ccapexReferralOn: facts.ccapexReferralOn,
      },
      settings,
    );
    result.earliestAssignationOn = assignation.date;
    const delay = assignation.commandement;
    if (delay.basis === "lease_date_unknown") {
      alert(
        "LEASE_DATE_UNKNOWN",
        "info",
        "commandement-delay",
        `Date du bail inconnue : assignation possible à partir du ${frenchDay(delay.ifLeaseSignedFrom29July2023)} (bail signé depuis le 29 juillet 2023, délai de 6 semaines) ou du ${frenchDay(delay.ifLeaseSignedBefore)} (bail antérieur, délai contractuel de ${settings.legacyLeaseCommandementMonths} mois)`,
      );
    }
    if (assignation.ccapex.referralMissing) {
      alert(
        "CCAPEX_REFERRAL_MISSING",
        "warning",
        "ccapex-legal-person-delay",
        "Bailleur personne morale : saisine de la CCAPEX non renseignée (obligatoire 2 mois avant l'assignation)",
      );
    }
    if (requirement === "unknown" && beforeHearing) {
      alert(
        "LANDLORD_KIND_TO_CHECK",
        "info",
        "ccapex-legal-person-delay",
        "Vérifier si le bailleur (ou le propriétaire représenté par l'agence) est une personne morale : il ne peut alors assigner que 2 mois après sa saisine de la CCAPEX",
      );
    }
    if (!facts.ccapexReferralOn && thresholdReached === true) {
      alert(
        "CCAPEX_THRESHOLD_REACHED",
        "info",
        "ccapex-threshold",
        `Dette d'au moins ${settings.ccapexThresholdRentMonths} mois de loyer hors charges : le commandement doit être signalé à la CCAPEX`,
      );
    }
    if (facts.assignationOn) {
      const on = frenchDay(facts.assignationOn);
      if (delay.basis === "lease_date_unknown") {
        if (isBeforeDay(facts.assignationOn, delay.ifLeaseSignedFrom29July2023)) {
          alert(
            "ASSIGNATION_BEFORE_COMMANDEMENT_DELAY",
            "warning",
            "commandement-delay",
            `Assignation du ${on} délivrée avant la fin du délai du commandement (au plus tôt le ${frenchDay(delay.ifLeaseSignedFrom29July2023)})`,
          );
        } else if (isBeforeDay(facts.assignationOn, delay.ifLeaseSignedBefore)) {
          alert(
            "ASSIGNATION_POSSIBLY_BEFORE_COMMANDEMENT_DELAY",
            "warning",
            "commandement-delay",
            `Assignation du ${on} prématurée si le bail a été signé avant le 29 juillet 2023 (délai jusqu'au ${frenchDay(delay.ifLeaseSignedBefore)}) : vérifier la date du bail`,
          );
        }
      } else if (isBeforeDay(facts.assignationOn, delay.endsOn)) {
        alert(
          "ASSIGNATION_BEFORE_COMMANDEMENT_DELAY",
          "warning",
          "commandement-delay",
          `Assignation du ${on} délivrée avant la fin du délai du commandement (au plus tôt le ${frenchDay(delay.endsOn)})`,
        );
      }
      const ccapexEnd = assignation.ccapex.endsOn;
      if (ccapexEnd && isBeforeDay(facts.assignationOn, ccapexEnd)) {
        alert(
          "ASSIGNATION_BEFORE_CCAPEX_DELAY",
          "warning",
          "ccapex-legal-person-delay",
          `Assignation du ${on} délivrée moins de 2 mois après la saisine de la CCAPEX par un bailleur personne morale (au plus tôt le ${frenchDay(ccapexEnd)}) : irrecevabilité possible`,
        );
      }
    }
  }

  // 3. Notification to the préfet (art. 24 III).
  if (facts.hearingOn) {
    const latest = latestPrefetNotificationDate(facts.hearingOn);
    result.latestNotificationDate = latest;
    if (facts.prefetNotificationOn) {
      const ok = notificationRespectsDelay(facts.prefetNotificationOn, facts.hearingOn);
      result.notificationOk = ok;
      if (!ok) {
        const days = countDaysToHearing(facts.hearingOn, facts.prefetNotificationOn);
        alert(
          "PREFET_NOTIFICATION_LATE",
          "danger",
          "prefet-notification-delay",
          `Notification au préfet tardive : ${days} jours avant l'audience (minimum ${PREFET_NOTIFICATION_MIN_DAYS})`,
        );
      }
    } else if (facts.assignationOn && !facts.judgmentOn) {
      if (isBeforeDay(latest, today)) {
        alert(
          "PREFET_NOTIFICATION_OVERDUE",
          "warning",
          "prefet-notification-delay",
          `Aucune notification au préfet enregistrée alors que la date limite est passée (${frenchDay(latest)})`,
        );
      } else {
        alert(
          "PREFET_NOTIFICATION_DUE",
          "info",
          "prefet-notification-delay",
          `Notification de l'assignation au préfet au plus tard le ${frenchDay(latest)}`,
        );
      }
    }

    // 4. Days to the hearing; the teams' 45-day alert (a practice, not law).
    const days = countDaysToHearing(facts.hearingOn, today);
    result.daysToHearing = days;
    if (hearingAlertDue({ hearingOn: facts.hearingOn, today, householdMet: facts.householdMet }, settings)) {
      const who = facts.householdMet === false ? "ménage jamais rencontré" : "rencontre du ménage non renseignée";
      alert(
        "HEARING_SOON_HOUSEHOLD_NOT_MET",
        days <= 15 ? "danger" : "warning",
        "hearing-countdown",
        `Audience ${inDays(days)} et ${who}`,
      );
    }
  }

  // 5. DSF (décret 2021-8).
  const dsfPending = !facts.dsfCompletedOn && !facts.judgmentOn;
  if (facts.dsfReferralOn) {
    result.dsfInterviewDeadlineOn = dsfInterviewOfferDeadline(facts.dsfReferralOn, settings);
    if (!facts.dsfInterviewOfferedOn && dsfPending) {
      const deadline = result.dsfInterviewDeadlineOn;
      const overdue = isBeforeDay(deadline, today);
      alert(
        overdue ? "DSF_INTERVIEW_OFFER_OVERDUE" : "DSF_INTERVIEW_OFFER_DUE",
        overdue ? "warning" : "info",
        "dsf-interview-offer",
        `${overdue ? "Entretien DSF non proposé : la date limite était le" : "Proposer l'entretien DSF au plus tard le"} ${frenchDay(deadline)} (${settings.dsfInterviewWorkingDays} jours ouvrés après la saisine)`,
      );
    }
  }
  if (facts.hearingOn && dsfPending && !isDone(facts.hearingOn)) {
    if (facts.dsfInterviewOfferedOn) {
      const second = dsfSecondOfferDate(facts.hearingOn);
      if (!isBeforeDay(second, today)) {
        alert(
          "DSF_SECOND_OFFER",
          "info",
          "dsf-second-offer",
          `Sans réponse du ménage le ${frenchDay(second)}, un second entretien DSF peut être proposé`,
        );
      }
    }
    if (facts.dsfReferralOn) {
      alert(
        "DSF_TRANSMISSION_DUE",
        "info",
        "dsf-transmission",
        `DSF à transmettre au juge et à la CCAPEX au plus tard le ${frenchDay(dsfTransmissionDeadline(facts.hearingOn, settings))}`,
      );
    }
  }

  // 6. Appeal (CPC art. 538, 642; provisional enforcement art. 514 (verify)).
  let earliestCql: Date | undefined;
  if (facts.judgmentServedOn) {
    const deadline = appealDeadline(facts.judgmentServedOn);
    result.appealDeadlineOn = deadline;
    earliestCql = earliestCqlDate(facts.judgmentServedOn, settings);
    if (!isBeforeDay(deadline, today) && !facts.evictionOn) {
      alert(
        "APPEAL_DELAY_RUNNING",
        "info",
        "appeal-delay",
        `Délai d'appel jusqu'au ${frenchDay(deadline)}${settings.provisionalEnforcement ? " (exécution provisoire : l'appel ne suspend pas l'expulsion, à vérifier)" : ""}`,
      );
    }
  }

  // 7. Earliest expulsion (CPCE L412-1, L412-3 to L412-6).
  let expulsion: EarliestExpulsion | undefined;
  if (facts.cqlOn) {
    expulsion = earliestExpulsion(
      { cqlOn: facts.cqlOn, cqlReferredToPrefetOn: facts.cqlReferredToPrefetOn, jexDelay: facts.jexDelay },
      settings,
    );
    result.earliestExpulsionOn = expulsion.date;
    if (expulsion.cql.referralMissing && !facts.evictionOn) {
      alert(
        "CQL_NOT_REFERRED",
        "warning",
        "cql-delay",
        "Transmission du commandement de quitter les lieux au préfet non renseignée : le délai de 2 mois est suspendu tant qu'elle n'a pas eu lieu",
      );
    }
    if (facts.jexDelay && !jexDelayWithinLegalRange(facts.jexDelay.months)) {
      alert(
        "JEX_DELAY_OUT_OF_RANGE",
        "warning",
        "jex-delay",
        `Délai du JEX de ${facts.jexDelay.months} mois hors des bornes légales (1 mois à 1 an) : vérifier la décision`,
      );
    }
    if (!facts.evictionOn) {
      alert(
        "EXPULSION_POSSIBLE_FROM",
        isBeforeDay(today, expulsion.date) ? "info" : "warning",
        expulsion.bindingRuleId,
        `Expulsion possible ${fromWording(expulsion.date, today)}`,
      );
    }
  }

  // 9. Winter truce in progress, once an expulsion is in prospect.
  const truceEnd = winterTruceEndsOn(today);
  if (truceEnd && (facts.judgmentOn || facts.cqlOn) && !(facts.evictionOn && isDone(facts.evictionOn))) {
    alert("WINTER_TRUCE_IN_PROGRESS", "info", "winter-truce", "Trêve hivernale en cours jusqu'au 31 mars");
  }

  // 8. Concours de la force publique (CPCE L412-1, R153-1, L153-1).
  if (facts.forcePubliqueRequestOn) {
    const silence = prefetSilenceDate(facts.forcePubliqueRequestOn);
    result.prefetSilenceOn = silence;
    if (!facts.forcePubliqueGrantedOn && !facts.evictionOn) {
      if (isBeforeDay(today, silence)) {
        alert(
          "CFP_SILENCE_PENDING",
          "info",
          "cfp-prefet-silence",
          `Sans réponse du préfet au ${frenchDay(silence)}, la demande de concours vaudra refus`,
        );
      } else {
        alert(
          "CFP_IMPLICIT_REFUSAL",
          "warning",
          "cfp-prefet-silence",
          `Refus implicite du concours de la force publique depuis le ${frenchDay(silence)} (2 mois de silence du préfet) : la responsabilité de l'État est engagée`,
        );
      }
    }
  }
  if (facts.forcePubliqueGrantedOn && expulsion && isBeforeDay(facts.forcePubliqueGrantedOn, expulsion.cql.endsOn)) {
    alert(
      "CFP_GRANTED_BEFORE_DELAY",
      "warning",
      "cfp-earliest-grant",
      `Concours de la force publique accordé le ${frenchDay(facts.forcePubliqueGrantedOn)}, avant la fin des 2 mois suivant le commandement de quitter les lieux (${frenchDay(expulsion.cql.endsOn)})`,
    );
  }

  // The expulsion on file against the truce and the earliest date.
  if (facts.evictionOn) {
    if (isInWinterTruce(facts.evictionOn)) {
      alert(
        "EVICTION_DURING_TRUCE",
        "danger",
        "winter-truce",
        `Expulsion du ${frenchDay(facts.evictionOn)} pendant la trêve hivernale (1er novembre – 31 mars) : vérifier l'exception invoquée`,
      );
    } else if (expulsion && isBeforeDay(facts.evictionOn, expulsion.date)) {
      alert(
        "EVICTION_BEFORE_EARLIEST_DATE",
        "danger",
        expulsion.bindingRuleId,
        `Expulsion du ${frenchDay(facts.evictionOn)} avant la date la plus proche possible (${frenchDay(expulsion.date)})`,
      );
    }
  }

  const stages = buildStages(facts, {
    isDone,
    assignation,
    requirement,
    thresholdReached,
    earliestCql,
    expulsion,
    settings,
    latestNotification: result.latestNotificationDate,
    dsfInterviewDeadline: result.dsfInterviewDeadlineOn,
  });

  return { stages, nextStep: nextStepOf(stages, today, assignation, expulsion), alerts, ...result };
}

type StageContext = {
  isDone: (date: Date) => boolean;
  assignation: EarliestAssignation | undefined;
  requirement: ReturnType<typeof ccapexReferralRequirement>;
  thresholdReached: boolean | null;
  earliestCql: Date | undefined;
  expulsion: EarliestExpulsion | undefined;
  settings: ProcedureSettings;
  latestNotification: Date | undefined;
  dsfInterviewDeadline: Date | undefined;
};

function buildStages(facts: ProcedureFacts, ctx: StageContext): StageView[] {
  const view = (
    stage: ProcedureStage,
    date: Date | null | undefined,
    ruleIds: RuleId[],
    planned: { earliestDate?: Date; latestDate?: Date; notApplicable?: boolean } = {},
  ): StageView => {
    if (date) return { stage, status: ctx.isDone(date) ? "done" : "scheduled", date, ruleIds };
    if (planned.notApplicable) return { stage, status: "not_applicable", ruleIds };
    return {
      stage,
      status: "expected",
      ...(planned.earliestDate ? { earliestDate: planned.earliestDate } : {}),
      ...(planned.latestDate ? { latestDate: planned.latestDate } : {}),
      ruleIds,
    };
  };
  const evicted = !!facts.evictionOn && ctx.isDone(facts.evictionOn);
  const hearingHeld = !!facts.hearingOn && ctx.isDone(facts.hearingOn);
  const cqlEnd = ctx.expulsion?.cql.endsOn;

  const ccapexRules: RuleId[] =
    ctx.requirement === "not_required" ? ["ccapex-threshold"] : ["ccapex-threshold", "ccapex-legal-person-delay"];
  const evictionEarliest =
    ctx.expulsion && facts.forcePubliqueGrantedOn
      ? nextDayOutsideTruce(laterOf(ctx.expulsion.date, facts.forcePubliqueGrantedOn))
      : ctx.expulsion?.date;

  return [
    view("COMMANDEMENT_DE_PAYER", facts.commandementOn, ["commandement-delay"]),
    view("CCAPEX_REFERRAL", facts.ccapexReferralOn, ccapexRules, {
      // Neither the debt threshold nor the landlord's kind calls for a referral.
      notApplicable: ctx.thresholdReached === false && ctx.requirement === "not_required",
    }),
    view("ASSIGNATION", facts.assignationOn, ctx.assignation?.ruleIds ?? ["commandement-delay"], {
      ...(ctx.assignation ? { earliestDate: ctx.assignation.date } : {}),
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
    }),
    view("CQL_REFERRED_TO_PREFET", facts.cqlReferredToPrefetOn, ["cql-delay"], {
      ...(facts.cqlOn ? { earliestDate: facts.cqlOn } : {}),
    }),
    view("JEX_DELAY", facts.jexDelay?.grantedOn, ["jex-delay"], { notApplicable: evicted }),
    view("FORCE_PUBLIQUE_REQUEST", facts.forcePubliqueRequestOn, ["cql-delay", "cfp-prefet-silence"], {
      ...(cqlEnd ? { earliestDate: cqlEnd } : {}),
      notApplicable: evicted,
    }),
    view("FORCE_PUBLIQUE_GRANTED", facts.forcePubliqueGrantedOn, ["cfp-earliest-grant", "cfp-prefet-silence"], {
      ...(cqlEnd ? { earliestDate: earliestCfpGrant(cqlEnd, facts.forcePubliqueRequestOn) } : {}),
      notApplicable: evicted,
    }),
    view("EVICTION", facts.evictionOn, ctx.expulsion?.ruleIds ?? ["cql-delay", "winter-truce"], {
      ...(evictionEarliest ? { earliestDate: evictionEarliest } : {}),
    }),
  ];
}

/**
 * The next step on the main line: the stage after the last one on file, with
 * the earliest date a rule gives it; or the last one on file itself when it
 * is still to come (a hearing set for next month). Null when no rule dates it
 * (the court sets the hearing and the judgment) or the procedure has ended.
 */
function nextStepOf(
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
  return {
    stage: next.stage,
    earliestDate: next.earliestDate,
    ruleId: ruleIdByStage[next.stage] ?? next.ruleIds[0] ?? "commandement-delay",
    label: `${label(next.stage)} possible ${fromWording(next.earliestDate, today)}`,
  };
}

import type { AlertSink } from "./alerts";
import { addDaysUtc, frenchDay, isBeforeDay } from "./calendar";
import { appealDeadline, earliestCqlDate, earliestExpulsion, prefetSilenceDate, type EarliestExpulsion } from "./deadlines";
import type { ProcedureFacts } from "./facts";
import { jexCasePending } from "./jex";
import type { ProcedureSettings } from "./rules";
import { delayName, expiresThenPossible } from "./wording";
import { isInWinterTruce, winterTruceEndsOn } from "./winter-truce";

/**
 * The alerts of the procedure after the judgment: appeal (CPC 538, 642,
 * 514), the earliest expulsion (CPCE L412-1 to L412-6), the penal risk (Code
 * pénal 315-2), the concours de la force publique (R153-1, L153-1) and the
 * expulsion on file. Split out of compute-procedure.ts (issue 13).
 */

export type AfterJudgmentContext = {
  facts: ProcedureFacts;
  today: Date;
  settings: ProcedureSettings;
  alert: AlertSink;
  isDone: (date: Date) => boolean;
};

export type AfterJudgment = {
  appealDeadlineOn?: Date;
  earliestCql?: Date;
  expulsion?: EarliestExpulsion;
  prefetSilenceOn?: Date;
};

/** 6. Appeal (CPC art. 538, 642; provisional enforcement art. 514 (verify)). */
function appealAlerts(ctx: AfterJudgmentContext, out: AfterJudgment): void {
  const { facts, settings, alert, today } = ctx;
  if (!facts.judgmentServedOn) return;
  const deadline = appealDeadline(facts.judgmentServedOn);
  out.appealDeadlineOn = deadline;
  out.earliestCql = earliestCqlDate(facts.judgmentServedOn, settings);
  if (!isBeforeDay(deadline, today) && !facts.evictionOn) {
    alert(
      "APPEAL_DELAY_RUNNING",
      "info",
      "appeal-delay",
      `Le délai d'appel expire le ${frenchDay(deadline)}${settings.provisionalEnforcement ? " (exécution provisoire : l'appel ne suspend pas l'expulsion, à vérifier)" : ` ; commandement de quitter les lieux possible à partir du ${frenchDay(out.earliestCql)}`}`,
    );
  }
}

/** 7. Earliest expulsion (CPCE L412-1, L412-3 to L412-6), and the penal risk once the CQL's 2 months have run (Code pénal 315-2). */
function expulsionAlerts(ctx: AfterJudgmentContext, out: AfterJudgment): void {
  const { facts, settings, alert, today } = ctx;
  if (!facts.cqlOn) return;
  const expulsion = earliestExpulsion(
    { cqlOn: facts.cqlOn, cqlReferredToPrefetOn: facts.cqlReferredToPrefetOn, jexDecisions: facts.jexDecisions },
    settings,
  );
  out.expulsion = expulsion;
  if (expulsion.cql.referralMissing && !facts.evictionOn) {
    alert(
      "CQL_NOT_REFERRED",
      "warning",
      "cql-delay",
      "Transmission du commandement de quitter les lieux au préfet non renseignée : le délai de 2 mois est suspendu tant qu'elle n'a pas eu lieu",
    );
  }
  if (facts.jexDecisionsWithoutEnd) {
    alert(
      "JEX_DECISION_WITHOUT_END",
      "danger",
      "jex-delay",
      "Décision du juge de l'exécution sans date de fin du délai : la date d'expulsion ne peut pas être calculée avec certitude, compléter la décision",
    );
  }
  if (!facts.evictionOn) {
    alert(
      "EXPULSION_POSSIBLE_FROM",
      isBeforeDay(today, expulsion.date) ? "info" : "warning",
      expulsion.bindingRuleId,
      expiresThenPossible({ delay: delayName(expulsion.expiringRuleId), expiresOn: expulsion.expiresOn, act: "expulsion", possibleFrom: expulsion.date }, today),
    );
  }
  penalRisk(ctx, expulsion);
}

/**
 * Code pénal 315-2 (loi n° 2023-668): staying more than 2 months after the
 * CQL exposes the occupant to a €7,500 fine, except during the winter truce
 * or while a JEX case is pending. Information for the jurist, not for the
 * household's worker to announce.
 */
function penalRisk(ctx: AfterJudgmentContext, expulsion: EarliestExpulsion): void {
  const { facts, alert, today } = ctx;
  if (facts.evictionOn || !isBeforeDay(expulsion.cql.endsOn, today)) return;
  const since = frenchDay(addDaysUtc(expulsion.cql.endsOn, 1));
  if (isInWinterTruce(today)) {
    alert("PENAL_RISK_SUSPENDED", "info", "penal-risk", "Amende pénale pour maintien dans les lieux (Code pénal, art. 315-2) : ne s'applique pas pendant la trêve hivernale", "jurist");
  } else if (jexCasePending(facts.jexReferralOn, facts.jexDecisions)) {
    alert(
      "PENAL_RISK_SUSPENDED",
      "info",
      "penal-risk",
      `Amende pénale pour maintien dans les lieux (Code pénal, art. 315-2) : ne s'applique pas tant que le juge de l'exécution, saisi le ${frenchDay(facts.jexReferralOn!)}, n'a pas statué`,
      "jurist",
    );
  } else {
    alert(
      "PENAL_RISK",
      "info",
      "penal-risk",
      `Depuis le ${since}, plus de 2 mois après le commandement de quitter les lieux : se maintenir dans le logement expose l'occupant à une amende de 7 500 € (Code pénal, art. 315-2), sauf pendant la trêve hivernale ou si le juge de l'exécution est saisi`,
      "jurist",
    );
  }
}

/** 8. Concours de la force publique (CPCE L412-1, R153-1, L153-1). */
function cfpAlerts(ctx: AfterJudgmentContext, out: AfterJudgment): void {
  const { facts, alert, today } = ctx;
  if (facts.forcePubliqueRequestOn) {
    const silence = prefetSilenceDate(facts.forcePubliqueRequestOn);
    out.prefetSilenceOn = silence;
    if (!facts.forcePubliqueGrantedOn && !facts.evictionOn) {
      if (isBeforeDay(today, silence)) {
        alert("CFP_SILENCE_PENDING", "info", "cfp-prefet-silence", `Sans réponse du préfet au ${frenchDay(silence)}, la demande de concours vaudra refus`);
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
  const expulsion = out.expulsion;
  if (facts.forcePubliqueGrantedOn && expulsion && !isBeforeDay(expulsion.cql.endsOn, facts.forcePubliqueGrantedOn)) {
    alert(
      "CFP_GRANTED_BEFORE_DELAY",
      "warning",
      "cfp-earliest-grant",
      `Concours de la force publique accordé le ${frenchDay(facts.forcePubliqueGrantedOn)}, avant l'expiration des 2 mois suivant le commandement de quitter les lieux (le ${frenchDay(expulsion.cql.endsOn)})`,
    );
  }
}

/** The expulsion on file against the truce and the earliest date; the truce in progress. */
function evictionAlerts(ctx: AfterJudgmentContext, out: AfterJudgment): void {
  const { facts, alert, today, isDone } = ctx;
  const truceEnd = winterTruceEndsOn(today);
  if (truceEnd && (facts.judgmentOn || facts.cqlOn) && !(facts.evictionOn && isDone(facts.evictionOn))) {
    alert("WINTER_TRUCE_IN_PROGRESS", "info", "winter-truce", "Trêve hivernale en cours jusqu'au 31 mars");
  }
  if (!facts.evictionOn) return;
  const expulsion = out.expulsion;
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

export function afterJudgment(ctx: AfterJudgmentContext): AfterJudgment {
  const out: AfterJudgment = {};
  appealAlerts(ctx, out);
  expulsionAlerts(ctx, out);
  evictionAlerts(ctx, out);
  cfpAlerts(ctx, out);
  return out;
}

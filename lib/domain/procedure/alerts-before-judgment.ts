import type { AlertSink } from "./alerts";
import { frenchDay, isBeforeDay } from "./calendar";
import {
  ccapexReferralRequirement,
  ccapexThresholdReached,
  dayAfter,
  daysToHearing as countDaysToHearing,
  dsfInterviewOfferDeadline,
  dsfSecondOfferDate,
  dsfTransmissionDeadline,
  earliestAssignation,
  hearingAlertDue,
  latestPrefetNotificationDate,
  notificationRespectsDelay,
  PREFET_NOTIFICATION_MIN_DAYS,
  type CcapexRequirement,
  type EarliestAssignation,
} from "./deadlines";
import type { ProcedureFacts } from "./facts";
import type { ProcedureSettings } from "./rules";

/**
 * The alerts of the procedure up to the judgment: commandement, CCAPEX and
 * assignation (loi 89-462 art. 24 I–II), notification to the préfet (art. 24
 * III), the teams' 45-day hearing alert, the DSF (décret 2021-8). Split out
 * of compute-procedure.ts (issue 13).
 */

export type BeforeJudgmentContext = {
  facts: ProcedureFacts;
  today: Date;
  settings: ProcedureSettings;
  alert: AlertSink;
  isDone: (date: Date) => boolean;
};

export type BeforeJudgment = {
  assignation?: EarliestAssignation;
  requirement: CcapexRequirement;
  thresholdReached: boolean | null;
  latestNotificationDate?: Date;
  notificationOk?: boolean;
  daysToHearing?: number;
  dsfInterviewDeadlineOn?: Date;
};

function inDays(days: number): string {
  if (days === 0) return "aujourd'hui";
  return days === 1 ? "dans 1 jour" : `dans ${days} jours`;
}

/** 1–2. Commandement, CCAPEX, earliest assignation (loi 89-462 art. 24 I–II). */
function assignationAlerts(ctx: BeforeJudgmentContext, out: BeforeJudgment): void {
  const { facts, settings, alert, isDone } = ctx;
  const beforeHearing = !facts.hearingOn || !isDone(facts.hearingOn);
  if (!facts.commandementOn) return;
  const assignation = earliestAssignation(
    {
      commandementOn: facts.commandementOn,
      leaseSignedOn: facts.leaseSignedOn,
      landlordKind: facts.landlordKind,
      ccapexReferralOn: facts.ccapexReferralOn,
    },
    settings,
  );
  out.assignation = assignation;
  const delay = assignation.commandement;
  if (delay.basis === "lease_date_unknown") {
    alert(
      "LEASE_DATE_UNKNOWN",
      "info",
      "commandement-delay",
      `Date du bail inconnue : si le bail a été signé depuis le 29 juillet 2023, le délai de 6 semaines expire le ${frenchDay(delay.ifLeaseSignedFrom29July2023)} ; si le bail est antérieur, le délai contractuel de ${settings.legacyLeaseCommandementMonths} mois expire le ${frenchDay(delay.ifLeaseSignedBefore)} (assignation possible le lendemain)`,
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
  if (out.requirement === "unknown" && beforeHearing) {
    alert(
      "LANDLORD_KIND_TO_CHECK",
      "info",
      "ccapex-legal-person-delay",
      "Vérifier si le bailleur (ou le propriétaire représenté par l'agence) est une personne morale : il ne peut alors assigner que 2 mois après sa saisine de la CCAPEX",
    );
  }
  if (!facts.ccapexReferralOn && out.thresholdReached === true) {
    alert(
      "CCAPEX_THRESHOLD_REACHED",
      "info",
      "ccapex-threshold",
      `Seuil de signalement à la CCAPEX atteint (${settings.ccapexUnpaidMonths} mois de loyer impayés, ou une dette d'au moins ${settings.ccapexRentMultiple} fois le loyer mensuel hors charges) : le commandement doit être signalé à la CCAPEX`,
    );
  }
  if (!facts.assignationOn) return;
  const on = frenchDay(facts.assignationOn);
  // The assignation is possible from the day after the delay's last day (CPC 642): on the last day, it is premature.
  if (delay.basis === "lease_date_unknown") {
    if (!isBeforeDay(delay.ifLeaseSignedFrom29July2023, facts.assignationOn)) {
      alert(
        "ASSIGNATION_BEFORE_COMMANDEMENT_DELAY",
        "warning",
        "commandement-delay",
        `Assignation du ${on} délivrée avant la fin du délai du commandement (expiré le ${frenchDay(delay.ifLeaseSignedFrom29July2023)} au plus tôt)`,
      );
    } else if (!isBeforeDay(delay.ifLeaseSignedBefore, facts.assignationOn)) {
      alert(
        "ASSIGNATION_POSSIBLY_BEFORE_COMMANDEMENT_DELAY",
        "warning",
        "commandement-delay",
        `Assignation du ${on} prématurée si le bail a été signé avant le 29 juillet 2023 (délai expirant le ${frenchDay(delay.ifLeaseSignedBefore)}) : vérifier la date du bail`,
      );
    }
  } else if (!isBeforeDay(delay.endsOn, facts.assignationOn)) {
    alert(
      "ASSIGNATION_BEFORE_COMMANDEMENT_DELAY",
      "warning",
      "commandement-delay",
      `Assignation du ${on} délivrée avant la fin du délai du commandement (le délai expire le ${frenchDay(delay.endsOn)} ; assignation possible à partir du ${frenchDay(dayAfter(delay.endsOn))})`,
    );
  }
  const ccapexEnd = assignation.ccapex.endsOn;
  if (ccapexEnd && !isBeforeDay(ccapexEnd, facts.assignationOn)) {
    alert(
      "ASSIGNATION_BEFORE_CCAPEX_DELAY",
      "warning",
      "ccapex-legal-person-delay",
      `Assignation du ${on} délivrée dans les 2 mois suivant la saisine de la CCAPEX par un bailleur personne morale (délai expirant le ${frenchDay(ccapexEnd)}) : irrecevabilité possible`,
    );
  }
}

/** 3–4. Notification to the préfet (art. 24 III); days to the hearing and the teams' 45-day alert (a practice, not law). */
function hearingAlerts(ctx: BeforeJudgmentContext, out: BeforeJudgment): void {
  const { facts, settings, alert, today } = ctx;
  if (!facts.hearingOn) return;
  const latest = latestPrefetNotificationDate(facts.hearingOn);
  out.latestNotificationDate = latest;
  if (facts.prefetNotificationOn) {
    const ok = notificationRespectsDelay(facts.prefetNotificationOn, facts.hearingOn);
    out.notificationOk = ok;
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
      alert("PREFET_NOTIFICATION_DUE", "info", "prefet-notification-delay", `Notification de l'assignation au préfet au plus tard le ${frenchDay(latest)}`);
    }
  }
  const days = countDaysToHearing(facts.hearingOn, today);
  out.daysToHearing = days;
  if (hearingAlertDue({ hearingOn: facts.hearingOn, today, householdMet: facts.householdMet }, settings)) {
    const who = facts.householdMet === false ? "ménage jamais rencontré" : "rencontre du ménage non renseignée";
    alert("HEARING_SOON_HOUSEHOLD_NOT_MET", days <= 15 ? "danger" : "warning", "hearing-countdown", `Audience ${inDays(days)} et ${who}`);
  }
}

/** 5. DSF (décret 2021-8). */
function dsfAlerts(ctx: BeforeJudgmentContext, out: BeforeJudgment): void {
  const { facts, settings, alert, today, isDone } = ctx;
  const dsfPending = !facts.dsfCompletedOn && !facts.judgmentOn;
  if (facts.dsfReferralOn) {
    const deadline = dsfInterviewOfferDeadline(facts.dsfReferralOn, settings);
    out.dsfInterviewDeadlineOn = deadline;
    if (!facts.dsfInterviewOfferedOn && dsfPending) {
      const overdue = isBeforeDay(deadline, today);
      alert(
        overdue ? "DSF_INTERVIEW_OFFER_OVERDUE" : "DSF_INTERVIEW_OFFER_DUE",
        overdue ? "warning" : "info",
        "dsf-interview-offer",
        // Spelled out: the section's first use of the abbreviation would otherwise read "l'entretien diagnostic… (DSF)".
        `${overdue ? "Entretien du diagnostic social et financier non proposé : la date limite était le" : "Proposer l'entretien du diagnostic social et financier au plus tard le"} ${frenchDay(deadline)} (${settings.dsfInterviewWorkingDays} jours ouvrés après la saisine)`,
      );
    }
  }
  if (facts.hearingOn && dsfPending && !isDone(facts.hearingOn)) {
    if (facts.dsfInterviewOfferedOn) {
      const second = dsfSecondOfferDate(facts.hearingOn);
      if (!isBeforeDay(second, today)) {
        alert("DSF_SECOND_OFFER", "info", "dsf-second-offer", `Sans réponse du ménage le ${frenchDay(second)}, un second entretien du diagnostic social et financier peut être proposé`);
      }
    }
    if (facts.dsfReferralOn) {
      alert(
        "DSF_TRANSMISSION_DUE",
        "info",
        "dsf-transmission",
        `Diagnostic social et financier à transmettre au juge et à la CCAPEX au plus tard le ${frenchDay(dsfTransmissionDeadline(facts.hearingOn, settings))}`,
      );
    }
  }
}

export function beforeJudgment(ctx: BeforeJudgmentContext): BeforeJudgment {
  const { facts, settings } = ctx;
  const out: BeforeJudgment = {
    requirement: ccapexReferralRequirement(facts.landlordKind),
    thresholdReached: ccapexThresholdReached(
      { debtCents: facts.debtCents, monthlyRentCents: facts.monthlyRentCents, unpaidMonths: facts.unpaidMonths },
      settings,
    ),
  };
  assignationAlerts(ctx, out);
  hearingAlerts(ctx, out);
  dsfAlerts(ctx, out);
  return out;
}

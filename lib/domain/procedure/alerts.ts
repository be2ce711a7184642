import type { RuleId } from "./rules";

/** The procedure's alerts (issue 4): a code, a severity said in words in the UI, a French message and the rule behind it. */

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
  | "JEX_DECISION_WITHOUT_END"
  | "EXPULSION_POSSIBLE_FROM"
  | "WINTER_TRUCE_IN_PROGRESS"
  | "PENAL_RISK"
  | "PENAL_RISK_SUSPENDED"
  | "CFP_GRANTED_BEFORE_DELAY"
  | "CFP_SILENCE_PENDING"
  | "CFP_IMPLICIT_REFUSAL"
  | "EVICTION_BEFORE_EARLIEST_DATE"
  | "EVICTION_DURING_TRUCE";

/** Who the alert is for: everyone on the case, or the jurist (and coordinator) only, as information. */
export type AlertAudience = "all" | "jurist";

export type ProcedureAlert = { code: AlertCode; severity: AlertSeverity; message: string; ruleId: RuleId; audience?: AlertAudience };

export type AlertSink = (code: AlertCode, severity: AlertSeverity, ruleId: RuleId, message: string, audience?: AlertAudience) => void;

export function alertCollector(): { alerts: ProcedureAlert[]; alert: AlertSink } {
  const alerts: ProcedureAlert[] = [];
  return {
    alerts,
    alert: (code, severity, ruleId, message, audience) => alerts.push({ code, severity, message, ruleId, ...(audience ? { audience } : {}) }),
  };
}

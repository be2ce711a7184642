import type { ClosureReason, SupportOutcome } from "@/lib/domain/labels";

/**
 * Closing a supported case ends its open support period in the same
 * transaction (issue 15): the outcome that matches the closure reason.
 * Reopening the case reopens neither the period nor the support: a new
 * period is started by hand if the support resumes.
 */
export const SUPPORT_OUTCOME_FOR_CLOSURE: Record<ClosureReason, SupportOutcome> = {
  ALREADY_FOLLOWED: "REFERRED",
  SUPPORT_COMPLETED: "COMPLETED",
  REFERRED_TO_MDS: "REFERRED",
  DEBT_PAID_OFF: "COMPLETED",
  DECLINED_TO_CONTINUE: "DECLINED",
  LEFT_DWELLING: "LEFT",
  NOT_AT_ADDRESS: "LEFT",
  NO_CONTACT: "OTHER",
};

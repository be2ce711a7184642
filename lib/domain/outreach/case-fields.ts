import type { ClosureReason } from "@/lib/domain/labels";

import type { CaseSnapshot } from "./snapshot";
import type { CaseState } from "./states";

/**
 * The columns of `Case` that mirror its outreach snapshot. The service that
 * records an event writes them in the same transaction, so that lists and
 * "À faire" are indexed queries instead of a replay of every history.
 */
export interface OutreachCaseFields {
  state: CaseState;
  tenantLetterSentOn: Date | null;
  landlordLetterSentOn: Date | null;
  reminderDueOn: Date | null;
  provedGone: boolean;
  supported: boolean;
  firstContactOn: Date | null;
  closedOn: Date | null;
  closureReason: ClosureReason | null;
}

export function caseFieldsFromSnapshot(s: CaseSnapshot): OutreachCaseFields {
  return {
    state: s.state,
    tenantLetterSentOn: s.firstLetterTenantSentOn ?? null,
    landlordLetterSentOn: s.landlordLetterSentOn ?? null,
    // Only pending while the case waits for its reminder.
    reminderDueOn: s.state === "VISIT_2_FAILED" ? (s.reminderDueOn ?? null) : null,
    provedGone: s.provedGone,
    supported: s.supported,
    firstContactOn: s.firstContactOn ?? null,
    closedOn: s.state === "CLOSED" ? (s.closedOn ?? null) : null,
    closureReason: s.state === "CLOSED" ? (s.closureReason ?? null) : null,
  };
}

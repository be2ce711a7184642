import type { OutreachStep } from "@/lib/domain/labels";
import { parisToday } from "@/lib/utils/dates";

import type { CaseSnapshot } from "./snapshot";

/**
 * The case's outreach to-do ("À faire"), derived from its snapshot. Labels:
 * OUTREACH_STEP_LABELS. A step is `ready` when it can be done today; the
 * reminder is listed ahead of its date with `ready: false`.
 */
export interface PendingStep {
  step: OutreachStep;
  /** The day from which it can be done, when the practice sets one. */
  dueOn?: Date;
  ready: boolean;
}

export function pendingSteps(s: CaseSnapshot, now: Date): PendingStep[] {
  if (s.state === "CLOSED") return [];
  const today = parisToday(now);
  const steps: PendingStep[] = [];
  if (!s.supported && !s.firstLetterTenantSentOn) steps.push({ step: "LETTER_TENANT", ready: true });
  // The first letter goes to the landlord too, whatever happens to the household.
  if (!s.landlordLetterSentOn) steps.push({ step: "LETTER_LANDLORD", ready: true });
  if (s.provedGone) {
    if (!s.supported) steps.push({ step: "CLOSURE_GONE", ready: true });
    return steps;
  }
  switch (s.state) {
    case "FIRST_LETTER_SENT":
      steps.push({ step: "FIRST_VISIT", ready: true });
      break;
    case "VISIT_1_FAILED":
      steps.push({ step: "SECOND_VISIT", ready: true });
      break;
    case "VISIT_2_FAILED":
      steps.push({ step: "REMINDER", dueOn: s.reminderDueOn, ready: !!s.reminderDueOn && today >= s.reminderDueOn });
      break;
    case "REMINDER_SENT":
      steps.push({ step: "CLOSURE_NO_CONTACT", ready: true });
      break;
  }
  return steps;
}

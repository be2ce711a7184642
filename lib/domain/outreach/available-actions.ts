import type { OutreachKind } from "@/lib/domain/labels";

import { CLOSURE_REASONS } from "./closure-reasons";
import { OUTREACH_KINDS, VISIT_OUTCOMES, type OutreachEvent } from "./events";
import type { RefusalCode } from "./refusals";
import type { CaseSnapshot } from "./snapshot";
import { transition, type TransitionContext } from "./transitions";

/**
 * Which events the case page should offer now. Computed by asking
 * `transition` itself with an event at `now` of each kind (every visit
 * outcome, every closure reason), so a button is shown exactly when the
 * server would accept the step.
 */

export type EventAvailability =
  | { kind: OutreachKind; available: true }
  | { kind: OutreachKind; available: false; code: RefusalCode; message: string };

/** The events of one kind that could be recorded at `at`: one per payload the rules tell apart. */
function probes(kind: OutreachKind, at: Date): OutreachEvent[] {
  switch (kind) {
    case "VISIT":
      return VISIT_OUTCOMES.map((outcome) => ({ kind, occurredAt: at, outcome, noticeLeft: false, indecentHousing: false, jointVisit: false }));
    case "CLOSURE":
      return CLOSURE_REASONS.map((reason) => ({ kind, occurredAt: at, reason }));
    case "HOUSEHOLD_CONTACT":
      return [{ kind, occurredAt: at, channel: "PHONE" }];
    case "REOPENING":
      return [{ kind, occurredAt: at, reason: "(motif)" }];
    default:
      return [{ kind, occurredAt: at }];
  }
}

/**
 * Every kind with whether it is possible now and, when not, the first refusal
 * (for a disabled button's explanation: "Relance possible à partir du …").
 * For the closure form's reasons, use `allowedClosureReasons`.
 */
export function eventAvailability(s: CaseSnapshot, ctx: TransitionContext): EventAvailability[] {
  return OUTREACH_KINDS.map((kind) => {
    let firstRefusal: { code: RefusalCode; message: string } | undefined;
    for (const event of probes(kind, ctx.now)) {
      const result = transition(s, event, ctx);
      if (result.ok) return { kind, available: true };
      firstRefusal ??= { code: result.code, message: result.message };
    }
    return { kind, available: false, ...(firstRefusal as { code: RefusalCode; message: string }) };
  });
}

/** The kinds of event the UI should offer now, in the labels' order. */
export function availableEvents(s: CaseSnapshot, ctx: TransitionContext): OutreachKind[] {
  return eventAvailability(s, ctx)
    .filter((a) => a.available)
    .map((a) => a.kind);
}

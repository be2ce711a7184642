import type { ClosureReason, ContactChannel, OutreachKind, VisitOutcome } from "@/lib/domain/labels";

import type { OutreachEvent } from "./events";
import { advance, INITIAL_SNAPSHOT, type CaseSnapshot } from "./snapshot";
import { findRow, resolveTarget } from "./transitions";

/**
 * Rebuilding a case's snapshot from its stored outreach events, so that a
 * service decides from the history rather than from denormalised columns.
 */

/** The fields of a stored OutreachEvent row the domain reads (a Prisma row fits as is). */
export interface OutreachEventRecord {
  kind: OutreachKind;
  occurredAt: Date;
  visitOutcome?: VisitOutcome | null;
  noticeLeft?: boolean | null;
  indecentHousing?: boolean | null;
  jointVisit?: boolean | null;
  channel?: ContactChannel | null;
  closureReason?: ClosureReason | null;
  /** REOPENING: the reason. */
  note?: string | null;
}

/** A stored history the workflow cannot follow: a bug or a bad import, not a user error. */
export class OutreachHistoryError extends Error {
  constructor(message: string, readonly index: number) {
    super(message);
    this.name = "OutreachHistoryError";
  }
}

/** A stored row back to a domain event; throws when the row lacks what its kind needs. */
export function eventFromRecord(r: OutreachEventRecord, index = 0): OutreachEvent {
  const occurredAt = r.occurredAt;
  switch (r.kind) {
    case "VISIT":
      if (!r.visitOutcome) throw new OutreachHistoryError(`event ${index}: VISIT without visitOutcome`, index);
      return {
        kind: "VISIT",
        occurredAt,
        outcome: r.visitOutcome,
        noticeLeft: r.noticeLeft ?? false,
        indecentHousing: r.indecentHousing ?? false,
        jointVisit: r.jointVisit ?? false,
      };
    case "HOUSEHOLD_CONTACT":
      if (!r.channel) throw new OutreachHistoryError(`event ${index}: HOUSEHOLD_CONTACT without channel`, index);
      return { kind: "HOUSEHOLD_CONTACT", occurredAt, channel: r.channel };
    case "CLOSURE":
      if (!r.closureReason) throw new OutreachHistoryError(`event ${index}: CLOSURE without closureReason`, index);
      return { kind: "CLOSURE", occurredAt, reason: r.closureReason };
    case "REOPENING":
      return { kind: "REOPENING", occurredAt, reason: r.note ?? "" };
    default:
      return { kind: r.kind, occurredAt };
  }
}

/**
 * Folds a case's events, oldest first, into its snapshot. Events are sorted
 * by `occurredAt` (stable: equal instants keep the given order, so pass rows
 * ordered by occurredAt then createdAt). The fold follows the table but not
 * the guards (roles, dates, reasons): a stored event is what happened. An
 * event the table has no row for, from the state reached, throws
 * OutreachHistoryError.
 */
export function snapshotFromHistory(events: readonly OutreachEvent[]): CaseSnapshot {
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.occurredAt.getTime() - b.e.occurredAt.getTime() || a.i - b.i);
  let s: CaseSnapshot = { ...INITIAL_SNAPSHOT };
  for (const { e, i } of sorted) {
    const row = findRow(s.state, e);
    if (!row) throw new OutreachHistoryError(`event ${i}: ${e.kind} is not a step from ${s.state}`, i);
    s = advance(s, e, resolveTarget(row.to, s));
  }
  return s;
}

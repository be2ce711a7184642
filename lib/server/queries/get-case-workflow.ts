import "server-only";
import { eventAvailability, type EventAvailability } from "@/lib/domain/outreach/available-actions";
import { allowedClosureReasons } from "@/lib/domain/outreach/closure-reasons";
import { eventFromRecord, snapshotFromHistory } from "@/lib/domain/outreach/history";
import { pendingSteps, type PendingStep } from "@/lib/domain/outreach/pending-steps";
import type { CaseState, ClosureReason, ContactChannel, OutreachKind, VisitOutcome } from "@/lib/domain/labels";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { OUTREACH_HISTORY_SELECT } from "@/lib/server/services/record-outreach-event";

export interface TimelineEntry {
  id: string;
  kind: OutreachKind;
  occurredAt: Date;
  fromState: CaseState;
  toState: CaseState;
  visitOutcome: VisitOutcome | null;
  noticeLeft: boolean | null;
  indecentHousing: boolean | null;
  jointVisit: boolean;
  channel: ContactChannel | null;
  closureReason: ClosureReason | null;
  dueOn: Date | null;
  note: string | null;
  authorName: string | null;
  recordedAt: Date;
}

export interface CaseWorkflow {
  version: number;
  state: CaseState;
  /** Every event kind with whether the workflow allows it now (and why not). */
  availability: EventAvailability[];
  pending: PendingStep[];
  closureReasons: ClosureReason[];
  /** Newest first. */
  timeline: TimelineEntry[];
}

/**
 * The case's outreach workflow for the case page: the timeline, and what the
 * domain allows now, decided by the same function the service calls.
 */
export async function getCaseWorkflow(db: Db, actor: Actor, caseId: string, now: Date): Promise<CaseWorkflow | null> {
  if (caseId.length > 64) return null;
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      teamId: true,
      version: true,
      state: true,
      outreachEvents: {
        orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
        select: {
          ...OUTREACH_HISTORY_SELECT,
          id: true,
          fromState: true,
          toState: true,
          dueOn: true,
          createdAt: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) return null;
  const snapshot = snapshotFromHistory(c.outreachEvents.map((e, i) => eventFromRecord(e, i)));
  const ctx = { now, actorRole: actor.role };
  return {
    version: c.version,
    state: c.state,
    availability: eventAvailability(snapshot, ctx),
    pending: pendingSteps(snapshot, now),
    closureReasons: snapshot.state === "CLOSED" ? [] : allowedClosureReasons(snapshot),
    timeline: c.outreachEvents
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        occurredAt: e.occurredAt,
        fromState: e.fromState,
        toState: e.toState,
        visitOutcome: e.visitOutcome,
        noticeLeft: e.noticeLeft,
        indecentHousing: e.indecentHousing,
        jointVisit: e.jointVisit,
        channel: e.channel,
        closureReason: e.closureReason,
        dueOn: e.dueOn,
        note: e.note,
        authorName: e.createdBy?.name ?? null,
        recordedAt: e.createdAt,
      }))
      .reverse(),
  };
}

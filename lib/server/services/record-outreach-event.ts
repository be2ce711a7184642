import "server-only";
import { caseFieldsFromSnapshot } from "@/lib/domain/outreach/case-fields";
import type { OutreachEvent } from "@/lib/domain/outreach/events";
import { eventFromRecord, snapshotFromHistory } from "@/lib/domain/outreach/history";
import { transition } from "@/lib/domain/outreach/transitions";
import { canViewCases } from "@/lib/domain/permissions";
import { SUPPORT_OUTCOME_FOR_CLOSURE } from "@/lib/domain/support/closure";
import { checkEndPeriod } from "@/lib/domain/support/weeks";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, forbidden, notFound } from "@/lib/server/errors";
import { parisInstant, parisToday, toIsoDay } from "@/lib/utils/dates";
import type { OutreachEventInput } from "@/lib/validation/outreach";

export const OUTREACH_HISTORY_SELECT = {
  kind: true,
  occurredAt: true,
  visitOutcome: true,
  noticeLeft: true,
  indecentHousing: true,
  jointVisit: true,
  channel: true,
  closureReason: true,
  note: true,
} as const;

function toDomainEvent(input: OutreachEventInput, occurredAt: Date): OutreachEvent {
  switch (input.kind) {
    case "VISIT":
      return {
        kind: "VISIT",
        occurredAt,
        outcome: input.outcome,
        // A notice is left only when nobody answered the door.
        noticeLeft: input.outcome === "ABSENT" && input.noticeLeft,
        indecentHousing: input.indecentHousing,
        jointVisit: input.jointVisit,
      };
    case "HOUSEHOLD_CONTACT":
      return { kind: "HOUSEHOLD_CONTACT", occurredAt, channel: input.channel };
    case "CLOSURE":
      return { kind: "CLOSURE", occurredAt, reason: input.reason };
    case "REOPENING":
      return { kind: "REOPENING", occurredAt, reason: input.reason };
    default:
      return { kind: input.kind, occurredAt };
  }
}

export interface RecordedOutreachEvent {
  eventId: string;
  state: string;
  version: number;
  /** True when this submission's idempotency key had already been recorded: nothing new was written. */
  duplicate: boolean;
}

/**
 * The event already recorded under this idempotency key, when it was recorded
 * by the same person on the same case. Another person's or another case's key
 * is a refusal (a forged or colliding key must not reveal or replay anything).
 */
async function findReplay(db: Pick<Db, "outreachEvent">, actor: Actor, input: OutreachEventInput): Promise<RecordedOutreachEvent | null> {
  if (!input.clientId) return null;
  const row = await db.outreachEvent.findUnique({
    where: { clientId: input.clientId },
    select: { id: true, caseId: true, kind: true, createdById: true, toState: true, case: { select: { version: true } } },
  });
  if (!row) return null;
  if (row.caseId !== input.caseId || row.createdById !== actor.id || row.kind !== input.kind) throw conflict("Cette saisie a déjà été utilisée. Rechargez la page puis recommencez.");
  return { eventId: row.id, state: row.toState, version: row.case.version, duplicate: true };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

/**
 * Records one outreach event: the domain decides from the case's whole
 * history whether it is allowed now and what follows; the event row, the
 * case's new state (with its denormalised fields) and the audit row are
 * written in one transaction. The version the user saw must still be the
 * case's version: two people recording at once cannot overwrite each other.
 */
export async function recordOutreachEvent(
  db: Db,
  actor: Actor,
  input: OutreachEventInput,
  now: Date,
): Promise<RecordedOutreachEvent> {
  if (!parisInstant(input.day, input.time)) throw new ExpectedError("INVALID_STEP", "Heure invalide.", { time: ["L'heure doit être au format HH:MM."] });

  try {
    return await db.$transaction((tx) => recordOutreachEventInTx(tx, actor, input, now));
  } catch (error) {
    // A double tap: the second submission waited for the first one's
    // transaction and then found the case's version moved on (or hit the
    // unique key). If the first one stored this key, it is the same event.
    if ((error instanceof ExpectedError && error.code === "CONFLICT") || isUniqueViolation(error)) {
      const replay = await findReplay(db, actor, input);
      if (replay) return replay;
    }
    throw error;
  }
}

/** The same, inside the caller's transaction (issue 15: "Premiers courriers" records two events in one). */
export async function recordOutreachEventInTx(
  tx: Tx,
  actor: Actor,
  input: OutreachEventInput,
  now: Date,
): Promise<RecordedOutreachEvent> {
  const occurredAt = parisInstant(input.day, input.time);
  if (!occurredAt) throw new ExpectedError("INVALID_STEP", "Heure invalide.", { time: ["L'heure doit être au format HH:MM."] });

  const c = await tx.case.findUnique({
    where: { id: input.caseId },
    select: {
      id: true,
      teamId: true,
      version: true,
      openedOn: true,
      outreachEvents: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: OUTREACH_HISTORY_SELECT },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) throw notFound();
  // The same submission again (idempotency key already stored, issue 16): nothing to write.
  const replay = await findReplay(tx, actor, input);
  if (replay) return replay;
  if (c.version !== input.version) throw conflict();

  const before = snapshotFromHistory(c.outreachEvents.map((e, i) => eventFromRecord(e, i)));
  const event = toDomainEvent(input, occurredAt);
  const result = transition(before, event, { now, actorRole: actor.role, identifiedOn: c.openedOn });
  if (!result.ok) throw result.code === "FORBIDDEN" ? forbidden(result.message) : new ExpectedError("INVALID_STEP", result.message);

  const fields = caseFieldsFromSnapshot(result.snapshot);
  // The version check and bump happen in the UPDATE itself: a concurrent
  // transaction that committed first leaves this one with 0 rows.
  const updated = await tx.case.updateMany({
    where: { id: c.id, version: input.version },
    data: { ...fields, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict();

  const row = await tx.outreachEvent.create({
    data: {
      caseId: c.id,
      kind: event.kind,
      occurredAt,
      fromState: result.from,
      toState: result.to,
      visitOutcome: event.kind === "VISIT" ? event.outcome : null,
      noticeLeft: event.kind === "VISIT" ? event.noticeLeft : null,
      indecentHousing: event.kind === "VISIT" ? event.indecentHousing : null,
      jointVisit: event.kind === "VISIT" ? event.jointVisit : false,
      channel: event.kind === "HOUSEHOLD_CONTACT" ? event.channel : null,
      closureReason: event.kind === "CLOSURE" ? event.reason : null,
      dueOn: result.effects.dueOn ?? null,
      // The reopening reason is the event's note (history.ts reads it back).
      note: event.kind === "REOPENING" ? event.reason : (input.note ?? null),
      createdById: actor.id,
      clientId: input.clientId ?? null,
    },
    select: { id: true },
  });

  if (event.kind === "CLOSURE") await endOpenSupportOnClosure(tx, actor, c.id, event.reason, occurredAt, now);

  await writeAudit(tx, {
    userId: actor.id,
    action: `outreach.${event.kind.toLowerCase()}`,
    entity: "OutreachEvent",
    entityId: row.id,
    caseId: c.id,
    before: { state: result.from, version: input.version },
    after: { state: result.to, version: input.version + 1, dueOn: result.effects.dueOn?.toISOString().slice(0, 10) ?? null },
  });
  return { eventId: row.id, state: result.to, version: input.version + 1, duplicate: false };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Issue 15: closing a supported case ends its open support period on the
 * closure's day, with the outcome matching the reason, in the closure's
 * transaction. When the closure cannot be the period's end (a week recorded
 * after it), the closure is refused and says to end the support first.
 */
async function endOpenSupportOnClosure(
  tx: Tx,
  actor: Actor,
  caseId: string,
  reason: keyof typeof SUPPORT_OUTCOME_FOR_CLOSURE,
  occurredAt: Date,
  now: Date,
): Promise<void> {
  const open = await tx.supportPeriod.findMany({
    where: { caseId, endedOn: null },
    select: { id: true, startedOn: true, endedOn: true, weeks: { select: { weekOf: true } } },
  });
  const endedOn = parisToday(occurredAt);
  for (const period of open) {
    const check = checkEndPeriod({ endedOn, period, periodWeeks: period.weeks.map((w) => w.weekOf), today: parisToday(now) });
    if (!check.ok) {
      throw new ExpectedError(
        "INVALID_STEP",
        `La clôture terminerait l'accompagnement en cours, ce qui n'est pas possible : ${check.message} Terminez d'abord l'accompagnement (onglet Accompagnement).`,
      );
    }
    const outcome = SUPPORT_OUTCOME_FOR_CLOSURE[reason];
    await tx.supportPeriod.update({ where: { id: period.id }, data: { endedOn, outcome } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "support.period.end",
      entity: "SupportPeriod",
      entityId: period.id,
      caseId,
      before: { startedOn: toIsoDay(period.startedOn), endedOn: null },
      after: { endedOn: toIsoDay(endedOn), outcome, by: "case.closure", weeks: period.weeks.length },
    });
  }
}

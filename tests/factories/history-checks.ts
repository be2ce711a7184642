/**
 * Invariants a case's stored history must satisfy, written independently of
 * the factories that build it: the tests run them over every seeded case.
 * Each function returns the problems found (empty when consistent).
 */
import type { Case, OutreachEvent, ProcedureEvent } from "@/lib/generated/prisma/client";
import type { CaseState, LandlordKind, OutreachKind, ProcedureStage } from "@/lib/generated/prisma/enums";

import { addDays, addMonths, parisDayOf, toIsoDate } from "./calendar";
import { commandementDelayEnds, PREFET_NOTIFICATION_MIN_DAYS, PRINCIPAL_STAGES, type PrincipalStage } from "./procedure-history";

/** The no-contact sequence of events, in order; a state is reached after a prefix of it. */
const SEQUENCE_KINDS: ReadonlyArray<OutreachKind> = ["LETTER_TENANT", "LETTER_LANDLORD", "VISIT", "VISIT", "REMINDER"];
const SEQUENCE_LENGTH: Readonly<Record<string, number>> = {
  IDENTIFIED: 0,
  FIRST_LETTER_SENT: 2,
  VISIT_1_FAILED: 3,
  VISIT_2_FAILED: 4,
  REMINDER_SENT: 5,
};

type CaseFields = Pick<Case, "state" | "closureReason" | "supported" | "firstContactOn" | "closedOn" | "openedOn" | "stage" | "hearingOn">;
type OutreachFields = Pick<OutreachEvent, "kind" | "occurredAt" | "fromState" | "toState" | "visitOutcome" | "noticeLeft" | "closureReason" | "dueOn">;
type ProcedureFields = Pick<ProcedureEvent, "stage" | "date" | "decision">;

const same = (a: Date | null | undefined, b: Date | null | undefined) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const iso = (d: Date | null | undefined) => (d ? toIsoDate(d) : "none");

/** The states an event of each kind leads to (LANDLORD_CONTACT leaves the state as it is). */
function expectedTarget(kind: OutreachKind, visitIndex: number): CaseState | null {
  switch (kind) {
    case "LETTER_TENANT":
    case "LETTER_LANDLORD":
      return "FIRST_LETTER_SENT";
    case "VISIT":
      return visitIndex === 1 ? "VISIT_1_FAILED" : "VISIT_2_FAILED";
    case "REMINDER":
      return "REMINDER_SENT";
    case "HOUSEHOLD_CONTACT":
      return "SUPPORTED";
    case "CLOSURE":
      return "CLOSED";
    default:
      return null;
  }
}

export function outreachProblems(c: CaseFields, events: ReadonlyArray<OutreachFields>, now?: Date): string[] {
  const problems: string[] = [];
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());

  // 1. The states chain from IDENTIFIED to the case's state.
  let state: CaseState = "IDENTIFIED";
  let visits = 0;
  for (const e of sorted) {
    if (e.fromState !== state) problems.push(`${e.kind} starts from ${e.fromState}, the case was ${state}`);
    if (e.kind === "VISIT") visits += 1;
    const target: CaseState | null = e.kind === "LANDLORD_CONTACT" ? e.fromState : expectedTarget(e.kind, visits);
    if (target && e.toState !== target) problems.push(`${e.kind} leads to ${e.toState}, expected ${target}`);
    if (now && e.occurredAt > now) problems.push(`${e.kind} on ${e.occurredAt.toISOString()} is in the future`);
    state = e.toState;
  }
  if (state !== c.state) problems.push(`events end at ${state}, the case is ${c.state}`);

  // 2. The kinds are a prefix of the no-contact sequence, then contact, then closure.
  const kinds = sorted.map((e) => e.kind).filter((k) => k !== "LANDLORD_CONTACT");
  const closure = kinds.at(-1) === "CLOSURE" ? kinds.pop() : undefined;
  const contact = kinds.at(-1) === "HOUSEHOLD_CONTACT" ? kinds.pop() : undefined;
  const prefixOk = Object.values(SEQUENCE_LENGTH).includes(kinds.length) && kinds.every((k, i) => k === SEQUENCE_KINDS[i]);
  if (!prefixOk) problems.push(`unexpected sequence ${sorted.map((e) => e.kind).join(" → ")}`);
  if ((c.state === "CLOSED") !== Boolean(closure)) problems.push(`state ${c.state} with${closure ? "" : "out"} a CLOSURE event`);
  if (c.state === "SUPPORTED" && !contact) problems.push("SUPPORTED without a HOUSEHOLD_CONTACT event");
  if (c.state !== "SUPPORTED" && c.state !== "CLOSED" && contact) problems.push(`${c.state} after a household contact`);

  // 3. Visits: absent with a notice, except the visit that found the household gone.
  const visitEvents = sorted.filter((e) => e.kind === "VISIT");
  sorted.forEach((e, i) => {
    if (e.kind !== "VISIT") return;
    const next = sorted.slice(i + 1).find((n) => n.kind !== "LANDLORD_CONTACT");
    if (e.visitOutcome === "ABSENT") {
      if (e.noticeLeft !== true) problems.push("a failed visit without a notice left (avis de passage)");
    } else {
      const reason = next?.kind === "CLOSURE" ? next.closureReason : null;
      const fits =
        (e.visitOutcome === "NOT_AT_ADDRESS" && reason === "NOT_AT_ADDRESS") ||
        (e.visitOutcome === "MOVED_OUT" && reason === "LEFT_DWELLING");
      if (!fits) problems.push(`visit outcome ${e.visitOutcome} not followed by the matching closure`);
    }
  });

  // 4. Reminder 15 days after the second failed visit.
  const reminder = sorted.find((e) => e.kind === "REMINDER");
  const second = visitEvents[1];
  if (reminder) {
    const due = second ? addDays(parisDayOf(second.occurredAt), 15) : null;
    if (!due || !same(parisDayOf(reminder.occurredAt), due)) problems.push("reminder not sent 15 days after the second visit");
    if (!same(reminder.dueOn, due) || !same(second?.dueOn, due)) problems.push("reminder due date is not second visit + 15 days");
  }

  // 5. The case's denormalised fields agree with the events.
  const contactEvent = sorted.find((e) => e.kind === "HOUSEHOLD_CONTACT");
  const closureEvent = sorted.find((e) => e.kind === "CLOSURE");
  if (c.supported !== Boolean(contactEvent)) problems.push(`supported=${c.supported} but contact event ${contactEvent ? "present" : "absent"}`);
  if (!same(c.firstContactOn, contactEvent ? parisDayOf(contactEvent.occurredAt) : null)) problems.push(`firstContactOn ${iso(c.firstContactOn)} does not match the contact`);
  if (!same(c.closedOn, closureEvent ? parisDayOf(closureEvent.occurredAt) : null)) problems.push(`closedOn ${iso(c.closedOn)} does not match the closure`);
  if ((closureEvent?.closureReason ?? null) !== c.closureReason) problems.push(`closure reason ${c.closureReason} differs from the event's`);
  const first = sorted[0];
  if (first && parisDayOf(first.occurredAt) < c.openedOn) problems.push("an event before the case was opened");
  return problems;
}

export interface ProcedureContext {
  today: Date;
  leaseSignedOn?: Date | null;
  landlordKind?: LandlordKind;
}

export function procedureProblems(c: CaseFields, events: ReadonlyArray<ProcedureFields>, ctx: ProcedureContext): string[] {
  const problems: string[] = [];
  const sorted = [...events].sort((a, b) => a.date.getTime() - b.date.getTime());
  const first = (stage: ProcedureStage) => sorted.find((e) => e.stage === stage);
  if (!c.stage) {
    if (sorted.length || c.hearingOn) problems.push("procedure events or a hearing without a stage");
    return problems;
  }

  // The stage on file is the latest principal stage that has happened. A
  // hearing dated today may still be the scheduled one.
  const held = PRINCIPAL_STAGES.indexOf(c.stage as PrincipalStage) >= PRINCIPAL_STAGES.indexOf("HEARING");
  const principal = sorted.filter(
    (e): e is ProcedureFields & { stage: PrincipalStage } =>
      (PRINCIPAL_STAGES as ReadonlyArray<ProcedureStage>).includes(e.stage) &&
      (e.date < ctx.today || (same(e.date, ctx.today) && (e.stage !== "HEARING" || held))),
  );
  const reached = principal.reduce<PrincipalStage | null>(
    (best, e) => (best === null || PRINCIPAL_STAGES.indexOf(e.stage) > PRINCIPAL_STAGES.indexOf(best) ? e.stage : best),
    null,
  );
  if (reached !== c.stage) problems.push(`stage ${c.stage} but the events reach ${reached}`);

  const hearings = sorted.filter((e) => e.stage === "HEARING");
  if (!same(c.hearingOn, hearings.at(-1)?.date ?? null)) problems.push(`hearingOn ${iso(c.hearingOn)} is not the last hearing`);
  const future = sorted.filter((e) => e.date > ctx.today);
  if (future.some((e) => e.stage !== "HEARING")) problems.push("a procedure event other than a scheduled hearing is in the future");

  const commandement = first("COMMANDEMENT_DE_PAYER");
  const assignation = first("ASSIGNATION");
  const notification = first("PREFET_NOTIFICATION");
  const referral = first("CCAPEX_REFERRAL");
  if (!commandement) problems.push("no commandement de payer");
  if (assignation && commandement && assignation.date < commandementDelayEnds(commandement.date, ctx.leaseSignedOn)) {
    problems.push("assignation before the commandement's delay ran out (art. 24 I)");
  }
  if (assignation && referral && ctx.landlordKind === "LEGAL_PERSON" && assignation.date < addMonths(referral.date, 2)) {
    problems.push("legal-person landlord assigned less than 2 months after the CCAPEX referral (art. 24 II)");
  }
  if (hearings.length && !notification) problems.push("a hearing without the préfet's notification");
  const hearing = hearings[0];
  if (hearing && notification && addDays(notification.date, PREFET_NOTIFICATION_MIN_DAYS) > hearing.date) {
    problems.push("préfet notified less than 42 days before the hearing (art. 24 III)");
  }
  const judgment = first("JUDGMENT");
  if (judgment && !judgment.decision) problems.push("a judgment without a decision");
  if (first("COMMANDEMENT_QUITTER_LIEUX") && judgment?.decision !== "LEASE_TERMINATED") {
    problems.push("an order to vacate without a judgment terminating the lease");
  }
  return problems;
}

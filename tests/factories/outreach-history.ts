/**
 * The outreach events ("aller-vers") that lead a case to a given state, in the
 * Essonne order (shared/domain/outreach.md): letters to tenant and landlord,
 * unannounced visit 1, visit 2, reminder 15 days after the second failed
 * visit, then closure; the household may take contact at any step (support).
 * Pure: no database, no clock ("today" is a parameter).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, ClosureReason, ContactChannel, VisitOutcome } from "@/lib/generated/prisma/enums";

import { addDays, atUtc, daysBetween, minDate, toIsoDate } from "./calendar";
import { newId } from "./ids";
import type { Rng } from "./random";

/** The no-contact sequence, each state reached by one more step. */
export const NO_CONTACT_SEQUENCE = [
  "IDENTIFIED",
  "FIRST_LETTER_SENT",
  "VISIT_1_FAILED",
  "VISIT_2_FAILED",
  "REMINDER_SENT",
] as const satisfies ReadonlyArray<CaseState>;
export type SequenceState = (typeof NO_CONTACT_SEQUENCE)[number];

/** The reminder falls due 15 days after the second unsuccessful visit (Essonne practice). */
export const REMINDER_DELAY_DAYS = 15;

/** Closure reasons that follow a contact with the household (the report's "took contact"). */
export const CONTACT_CLOSURE_REASONS: ReadonlyArray<ClosureReason> = [
  "ALREADY_FOLLOWED",
  "SUPPORT_COMPLETED",
  "REFERRED_TO_MDS",
  "DEBT_PAID_OFF",
  "DECLINED_TO_CONTINUE",
];

export type OutreachEventRow = Omit<Prisma.OutreachEventCreateManyInput, "caseId"> & {
  id: string;
  kind: Prisma.OutreachEventCreateManyInput["kind"];
  occurredAt: Date;
  fromState: CaseState;
  toState: CaseState;
};

export interface OutreachOptions {
  state: CaseState;
  /** Calendar day the case was opened. */
  openedOn: Date;
  /** Last calendar day an event may fall on (history never runs into the future). */
  endBy?: Date;
  /** Required for CLOSED, refused otherwise. */
  closureReason?: ClosureReason;
  /** SUPPORTED, or CLOSED after support: the state the case was in when the household took contact. */
  contactAfter?: SequenceState;
  /** CLOSED: the state the case was closed from; by default derived from the reason. */
  closedFrom?: SequenceState | "SUPPORTED";
  /** CLOSED after support: days from the contact to the closure. */
  supportDays?: number;
  /** Add a LANDLORD_CONTACT event after the letters (a landlord who calls back). */
  landlordContact?: boolean;
  /** Visits made jointly by the ADIL jurist and the association; random (15 %) when absent. */
  jointVisits?: boolean;
  workerId?: string | null;
  juristId?: string | null;
  rng: Rng;
}

export interface OutreachPlan {
  events: OutreachEventRow[];
  supported: boolean;
  firstContactOn: Date | null;
  closedOn: Date | null;
  closureReason: ClosureReason | null;
}

type Step = "LETTERS" | "VISIT_1" | "VISIT_2" | "REMINDER" | "CONTACT" | "CLOSURE";
const SEQUENCE_STEPS: ReadonlyArray<Step> = ["LETTERS", "VISIT_1", "VISIT_2", "REMINDER"];

function stepsTo(state: SequenceState): Step[] {
  return SEQUENCE_STEPS.slice(0, NO_CONTACT_SEQUENCE.indexOf(state));
}

function defaultClosedFrom(reason: ClosureReason): SequenceState | "SUPPORTED" {
  if (CONTACT_CLOSURE_REASONS.includes(reason)) return "SUPPORTED";
  if (reason === "NO_CONTACT") return "REMINDER_SENT";
  return "VISIT_1_FAILED"; // NOT_AT_ADDRESS, LEFT_DWELLING: found out on the first visit
}

function defaultContactAfter(rng: Rng): SequenceState {
  const roll = rng.next();
  if (roll < 0.5) return "FIRST_LETTER_SENT";
  if (roll < 0.75) return "VISIT_1_FAILED";
  if (roll < 0.85) return "VISIT_2_FAILED";
  return "REMINDER_SENT";
}

function resolveSteps(opts: OutreachOptions, rng: Rng): { steps: Step[]; closedFrom: SequenceState | "SUPPORTED" | null } {
  const { state, closureReason } = opts;
  if (state !== "CLOSED" && closureReason) {
    throw new Error(`outreach history: a closure reason (${closureReason}) needs state CLOSED, not ${state}`);
  }
  if (state === "SUPPORTED") {
    return { steps: [...stepsTo(opts.contactAfter ?? defaultContactAfter(rng)), "CONTACT"], closedFrom: null };
  }
  if (state === "CLOSED") {
    if (!closureReason) throw new Error("outreach history: state CLOSED needs a closureReason");
    const closedFrom = opts.closedFrom ?? defaultClosedFrom(closureReason);
    if (closedFrom === "SUPPORTED") {
      if (closureReason === "NO_CONTACT") {
        throw new Error("outreach history: NO_CONTACT cannot close a case whose household took contact");
      }
      return { steps: [...stepsTo(opts.contactAfter ?? defaultContactAfter(rng)), "CONTACT", "CLOSURE"], closedFrom };
    }
    return { steps: [...stepsTo(closedFrom), "CLOSURE"], closedFrom };
  }
  return { steps: stepsTo(state), closedFrom: null };
}

interface Gap {
  days: number;
  min: number;
}

function gapFor(step: Step, previous: Step | undefined, opts: OutreachOptions, rng: Rng): Gap {
  switch (step) {
    case "LETTERS":
      return { days: rng.int(1, 5), min: 0 };
    case "VISIT_1":
      return { days: rng.int(7, 14), min: 2 };
    case "VISIT_2":
      return { days: rng.int(5, 12), min: 2 };
    case "REMINDER":
      return { days: REMINDER_DELAY_DAYS, min: REMINDER_DELAY_DAYS };
    case "CONTACT":
      return { days: rng.int(1, 10), min: 1 };
    case "CLOSURE":
      if (previous === "CONTACT") {
        return opts.supportDays !== undefined
          ? { days: opts.supportDays, min: opts.supportDays }
          : { days: rng.int(28, 120), min: 7 };
      }
      if (previous === "REMINDER") return { days: rng.int(15, 30), min: 7 };
      if (previous === "VISIT_1" || previous === "VISIT_2") return { days: rng.int(1, 7), min: 1 };
      return { days: rng.int(3, 20), min: 1 };
  }
}

/** Shortens the flexible gaps, latest first, until the history ends by `endBy`. */
function fitGaps(gaps: Gap[], opts: OutreachOptions): void {
  if (!opts.endBy) return;
  const available = daysBetween(opts.openedOn, opts.endBy);
  let excess = gaps.reduce((sum, g) => sum + g.days, 0) - available;
  for (let i = gaps.length - 1; i >= 0 && excess > 0; i--) {
    const gap = gaps[i] as Gap;
    const cut = Math.min(excess, gap.days - gap.min);
    gap.days -= cut;
    excess -= cut;
  }
  if (excess > 0) {
    const needed = gaps.reduce((sum, g) => sum + g.min, 0);
    throw new Error(
      `outreach history: a case at ${opts.state} needs at least ${needed} days between its opening ` +
        `(${toIsoDate(opts.openedOn)}) and ${toIsoDate(opts.endBy)}; open it earlier`,
    );
  }
}

const CONTACT_CHANNELS: ReadonlyArray<ContactChannel> = ["PHONE", "PHONE", "PHONE", "MAIL", "OFFICE", "SMS", "PARTNER"];

export function planOutreachHistory(opts: OutreachOptions): OutreachPlan {
  const rng = opts.rng;
  const { steps, closedFrom } = resolveSteps(opts, rng);
  const gaps = steps.map((step, i) => gapFor(step, steps[i - 1], opts, rng));
  fitGaps(gaps, opts);

  const worker = opts.workerId ?? opts.juristId ?? null;
  const jurist = opts.juristId ?? opts.workerId ?? null;
  const events: OutreachEventRow[] = [];
  let state: CaseState = "IDENTIFIED";
  let day = opts.openedOn;
  let visits = 0;
  let firstContactOn: Date | null = null;
  let closedOn: Date | null = null;
  const reason = opts.closureReason ?? null;

  const push = (row: Omit<OutreachEventRow, "id" | "fromState">) => {
    events.push({ id: newId(), fromState: state, ...row });
    state = row.toState;
  };

  steps.forEach((step, i) => {
    day = addDays(day, (gaps[i] as Gap).days);
    const next = steps[i + 1];
    switch (step) {
      case "LETTERS":
        push({ kind: "LETTER_TENANT", occurredAt: atUtc(day, 8), toState: "FIRST_LETTER_SENT", channel: "MAIL",
          note: "Courrier de présentation de l'équipe mobile envoyé au locataire.", createdById: jurist });
        push({ kind: "LETTER_LANDLORD", occurredAt: atUtc(day, 8, 5), toState: "FIRST_LETTER_SENT", channel: "MAIL",
          note: "Courrier d'information envoyé au bailleur.", createdById: jurist });
        break;
      case "VISIT_1":
      case "VISIT_2": {
        visits += 1;
        // The visit that closes the case is the one that found the household gone.
        const lastBeforeClosure = next === "CLOSURE" && closedFrom !== "SUPPORTED";
        const outcome: VisitOutcome =
          lastBeforeClosure && reason === "NOT_AT_ADDRESS" ? "NOT_AT_ADDRESS"
          : lastBeforeClosure && reason === "LEFT_DWELLING" ? "MOVED_OUT"
          : "ABSENT";
        const failedSecond = step === "VISIT_2" && outcome === "ABSENT";
        push({
          kind: "VISIT",
          // Unannounced visits at atypical hours: early morning or evening.
          occurredAt: rng.chance(0.5) ? atUtc(day, 6, 30) : atUtc(day, 17, 30),
          toState: visits === 1 ? "VISIT_1_FAILED" : "VISIT_2_FAILED",
          channel: "VISIT",
          visitOutcome: outcome,
          noticeLeft: outcome === "ABSENT",
          jointVisit: opts.jointVisits ?? rng.chance(0.15),
          dueOn: failedSecond ? addDays(day, REMINDER_DELAY_DAYS) : null,
          note:
            outcome === "ABSENT" ? "Personne au domicile, avis de passage laissé."
            : outcome === "MOVED_OUT" ? "Logement vide : le ménage a quitté les lieux."
            : "Nom absent des boîtes aux lettres, inconnu du voisinage.",
          createdById: worker,
        });
        break;
      }
      case "REMINDER":
        push({ kind: "REMINDER", occurredAt: atUtc(day, 8), toState: "REMINDER_SENT", channel: "MAIL", dueOn: day,
          note: "Relance par courrier, 15 jours après la deuxième visite infructueuse.", createdById: worker });
        break;
      case "CONTACT":
        firstContactOn = day;
        push({ kind: "HOUSEHOLD_CONTACT", occurredAt: atUtc(day, 9, 30), toState: "SUPPORTED", channel: rng.pick(CONTACT_CHANNELS),
          note: "Le ménage a pris contact avec l'équipe.", createdById: worker });
        break;
      case "CLOSURE":
        closedOn = day;
        push({ kind: "CLOSURE", occurredAt: atUtc(day, 15), toState: "CLOSED", closureReason: reason, createdById: worker });
        break;
    }
  });

  if (opts.landlordContact) addLandlordContact(events, opts, rng, jurist, closedOn);

  return { events, supported: firstContactOn !== null, firstContactOn, closedOn, closureReason: reason };
}

/** A landlord calling back a few days after the letter: it does not change the case's state. */
function addLandlordContact(events: OutreachEventRow[], opts: OutreachOptions, rng: Rng, createdById: string | null, closedOn: Date | null): void {
  const letter = events.find((e) => e.kind === "LETTER_LANDLORD");
  if (!letter) throw new Error("outreach history: a landlord contact needs the letters to have been sent");
  let day = addDays(letter.occurredAt, rng.int(2, 10));
  day = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  if (opts.endBy) day = minDate(day, opts.endBy);
  if (closedOn) day = minDate(day, closedOn);
  const occurredAt = atUtc(day, 13);
  const index = events.findIndex((e) => e.occurredAt.getTime() > occurredAt.getTime());
  const at = index === -1 ? events.length : index;
  const state = (events[at - 1] as OutreachEventRow).toState;
  events.splice(at, 0, {
    id: newId(), kind: "LANDLORD_CONTACT", occurredAt, fromState: state, toState: state, channel: "PHONE",
    note: "Le bailleur a rappelé après le courrier.", createdById,
  });
}

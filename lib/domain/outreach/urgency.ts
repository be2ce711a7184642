import type { OutreachStep } from "@/lib/domain/labels";
import { daysToHearing, hearingAlertDue } from "@/lib/domain/procedure/deadlines";
import { DEFAULT_PROCEDURE_SETTINGS } from "@/lib/domain/procedure/rules";
import { parisToday } from "@/lib/utils/dates";

import { pendingSteps } from "./pending-steps";
import type { CaseState } from "./states";

/**
 * "À faire" (issue 3): the sections of due work, most urgent first, and the
 * rule that puts a case in each. `lib/server/queries/list-due-work.ts` asks
 * the database the same questions with indexed WHERE clauses; this is the
 * reference its integration test checks it against.
 *
 * Order: a hearing within 15 days with no contact yet comes before anything
 * else (the household may lose its home without having been heard); then
 * reminders already due, visits, letters, closures to decide; then what is
 * coming (hearings within the teams' 45-day trigger, reminders not yet due).
 */
export const DUE_SECTIONS = [
  "HEARING_SOON",
  "REMINDER_DUE",
  "VISIT",
  "LETTER",
  "CLOSURE",
  "HEARING_LATER",
  "REMINDER_UPCOMING",
] as const;
export type DueSection = (typeof DUE_SECTIONS)[number];

/** A hearing this close without contact is the most urgent item of all. */
export const HEARING_URGENT_DAYS = 15;
/** The teams' own trigger (a practice, not law): shared/domain/procedure.md. */
export const HEARING_ALERT_DAYS = DEFAULT_PROCEDURE_SETTINGS.hearingAlertDays;

/** The denormalised columns of `Case` the sections read (see case-fields.ts). */
export interface DueFacts {
  state: CaseState;
  tenantLetterSentOn: Date | null;
  landlordLetterSentOn: Date | null;
  reminderDueOn: Date | null;
  provedGone: boolean;
  supported: boolean;
  hearingOn: Date | null;
}

export interface DueEntry {
  section: DueSection;
  /**
   * What is due, for the label (OUTREACH_STEP_LABELS). LETTER may hold both
   * letters; a hearing entry holds the case's ready steps, as context.
   */
  steps: OutreachStep[];
}

const STEP_SECTION: Record<OutreachStep, DueSection> = {
  LETTER_TENANT: "LETTER",
  LETTER_LANDLORD: "LETTER",
  FIRST_VISIT: "VISIT",
  SECOND_VISIT: "VISIT",
  REMINDER: "REMINDER_DUE",
  CLOSURE_NO_CONTACT: "CLOSURE",
  CLOSURE_GONE: "CLOSURE",
};

/**
 * The sections a case belongs to at `now`, in DUE_SECTIONS order. Built on
 * `pendingSteps`, so "À faire" and the case page never disagree: a household
 * proved gone is offered closure, not another visit or a reminder; the tenant
 * letter is due until sent (even after a visit made first); the landlord
 * letter is due on any open case, support included.
 */
export function dueEntries(c: DueFacts, now: Date): DueEntry[] {
  const today = parisToday(now);
  const pending = pendingSteps(
    {
      state: c.state,
      firstLetterTenantSentOn: c.tenantLetterSentOn ?? undefined,
      landlordLetterSentOn: c.landlordLetterSentOn ?? undefined,
      reminderDueOn: c.reminderDueOn ?? undefined,
      provedGone: c.provedGone,
      supported: c.supported,
      // pendingSteps reads neither the visit count nor the dates below.
      failedVisits: 0,
    },
    now,
  );
  const bySection = new Map<DueSection, OutreachStep[]>();
  const add = (section: DueSection, step?: OutreachStep) => {
    const steps = bySection.get(section) ?? [];
    if (step) steps.push(step);
    bySection.set(section, steps);
  };
  for (const p of pending) {
    add(p.step === "REMINDER" && !p.ready ? "REMINDER_UPCOMING" : STEP_SECTION[p.step], p.step);
  }
  if (c.state !== "CLOSED" && c.hearingOn && hearingAlertDue({ hearingOn: c.hearingOn, today, householdMet: c.supported })) {
    const section = hearingSection(c.hearingOn, today);
    add(section);
    bySection.get(section)!.push(...pending.filter((p) => p.ready).map((p) => p.step));
  }
  return DUE_SECTIONS.filter((s) => bySection.has(s)).map((section) => ({ section, steps: bySection.get(section)! }));
}

/** Which hearing section a hearing 0–45 days ahead falls in. */
export function hearingSection(hearingOn: Date, today: Date): "HEARING_SOON" | "HEARING_LATER" {
  return daysToHearing(hearingOn, today) <= HEARING_URGENT_DAYS ? "HEARING_SOON" : "HEARING_LATER";
}

/**
 * Within a section: the date that orders it first (the day the step fell due,
 * the day a reminder falls due, the hearing day), oldest or soonest first,
 * then the case number, so the order is stable. A missing date goes last.
 */
export function compareDueItems(a: { dueOn: Date | null; number: number }, b: { dueOn: Date | null; number: number }): number {
  const at = a.dueOn?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.dueOn?.getTime() ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return at < bt ? -1 : 1;
  return a.number - b.number;
}

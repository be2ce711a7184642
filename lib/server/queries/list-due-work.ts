import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, OutreachStep } from "@/lib/domain/labels";
import { GONE_OUTCOMES } from "@/lib/domain/outreach/events";
import { addCalendarDays } from "@/lib/domain/outreach/reminder";
import { OPEN_STATES } from "@/lib/domain/outreach/states";
import {
  compareDueItems,
  DUE_SECTIONS,
  dueEntries,
  HEARING_ALERT_DAYS,
  HEARING_URGENT_DAYS,
  type DueSection,
} from "@/lib/domain/outreach/urgency";
import { daysToHearing } from "@/lib/domain/procedure/deadlines";
import { canViewDueWork } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { parisToday } from "@/lib/utils/dates";

/** Items listed per section; the heading still counts them all. */
export const DUE_WORK_SECTION_LIMIT = 50;

/** "Moi": cases the actor follows (as worker or jurist); "Équipe": all the team's. */
export type DueWorkScope = "me" | "team";

export interface DueWorkFilter {
  teamId: string;
  scope: DueWorkScope;
  /** The current instant; "today" is its day in Paris. */
  now: Date;
}

export interface DueItem {
  caseId: string;
  number: number;
  tenantName: string;
  city: string;
  state: CaseState;
  /** What is due (OUTREACH_STEP_LABELS); on a hearing item, the case's ready steps. */
  steps: OutreachStep[];
  /** The day it fell due (or falls due, for an upcoming reminder); the hearing day for a hearing item. */
  dueOn: Date | null;
  hearingOn: Date | null;
  daysToHearing: number | null;
  workerName: string | null;
  juristName: string | null;
}

export interface DueWorkSection {
  section: DueSection;
  /** Every matching case, even beyond the items listed. */
  total: number;
  items: DueItem[];
}

export interface DueWork {
  today: Date;
  scope: DueWorkScope;
  sections: DueWorkSection[];
}


const OPEN = [...OPEN_STATES];

/**
 * The WHERE clause of each section: the database's version of `dueEntries`
 * (lib/domain/outreach/urgency.ts), which the integration test holds it to.
 * Each one narrows by team first and then by an indexed column:
 * (teamId, state), (teamId, hearingOn) or (teamId, reminderDueOn).
 */
function sectionWhere(section: DueSection, today: Date): Prisma.CaseWhereInput {
  switch (section) {
    case "HEARING_SOON":
      return { state: { in: OPEN }, supported: false, hearingOn: { gte: today, lte: addCalendarDays(today, HEARING_URGENT_DAYS) } };
    case "HEARING_LATER":
      return {
        state: { in: OPEN },
        supported: false,
        hearingOn: { gte: addCalendarDays(today, HEARING_URGENT_DAYS + 1), lte: addCalendarDays(today, HEARING_ALERT_DAYS) },
      };
    case "REMINDER_DUE":
      return { state: "VISIT_2_FAILED", provedGone: false, reminderDueOn: { lte: today } };
    case "REMINDER_UPCOMING":
      return { state: "VISIT_2_FAILED", provedGone: false, OR: [{ reminderDueOn: { gt: today } }, { reminderDueOn: null }] };
    case "VISIT":
      return { state: { in: ["FIRST_LETTER_SENT", "VISIT_1_FAILED"] }, provedGone: false };
    case "LETTER":
      // The tenant's first letter until sent (a visit may have come first); the landlord's on any open case.
      return { state: { in: OPEN }, OR: [{ supported: false, tenantLetterSentOn: null }, { landlordLetterSentOn: null }] };
    case "CLOSURE":
      return { state: { in: OPEN }, supported: false, OR: [{ state: "REMINDER_SENT" }, { provedGone: true }] };
  }
}

function sectionOrder(section: DueSection): Prisma.CaseOrderByWithRelationInput[] {
  switch (section) {
    case "HEARING_SOON":
    case "HEARING_LATER":
      return [{ hearingOn: "asc" }, { number: "asc" }];
    case "REMINDER_DUE":
    case "REMINDER_UPCOMING":
      return [{ reminderDueOn: { sort: "asc", nulls: "last" } }, { number: "asc" }];
    default:
      // The day each step fell due comes from the case's events; the oldest
      // cases first, then the page is sorted by that day (compareDueItems).
      return [{ openedOn: "asc" }, { number: "asc" }];
  }
}

/**
 * The event that made a visit or a closure due: the last failed visit (second
 * visit), the reminder or the visit that found the household gone (closure).
 * Only for the few rows listed, through the (caseId, occurredAt) index.
 */
function triggerEvents(section: DueSection) {
  const where: Prisma.OutreachEventWhereInput | null =
    section === "VISIT"
      ? { kind: "VISIT" }
      : section === "CLOSURE"
        ? { OR: [{ kind: "REMINDER" }, { kind: "VISIT", visitOutcome: { in: [...GONE_OUTCOMES] } }] }
        : null;
  return where ? { where, orderBy: { occurredAt: "desc" as const }, take: 1, select: { occurredAt: true } } : false;
}

function caseSelect(section: DueSection) {
  return {
    id: true,
    number: true,
    state: true,
    openedOn: true,
    hearingOn: true,
    tenantLetterSentOn: true,
    landlordLetterSentOn: true,
    reminderDueOn: true,
    provedGone: true,
    supported: true,
    assignedWorker: { select: { name: true } },
    assignedJurist: { select: { name: true } },
    household: {
      select: {
        city: true,
        occupants: { where: { role: "TENANT" as const }, orderBy: { position: "asc" as const }, take: 1, select: { firstName: true, lastName: true } },
      },
    },
    outreachEvents: triggerEvents(section),
  } satisfies Prisma.CaseSelect;
}

type Row = Prisma.CaseGetPayload<{ select: ReturnType<typeof caseSelect> }>;

function dueOnOf(section: DueSection, row: Row): Date | null {
  const trigger = Array.isArray(row.outreachEvents) ? row.outreachEvents[0] : undefined;
  const triggerDay = trigger ? parisToday(trigger.occurredAt) : null;
  switch (section) {
    case "HEARING_SOON":
    case "HEARING_LATER":
      return row.hearingOn;
    case "REMINDER_DUE":
    case "REMINDER_UPCOMING":
      return row.reminderDueOn;
    case "LETTER":
      return row.openedOn;
    case "VISIT":
      return row.state === "VISIT_1_FAILED" ? (triggerDay ?? row.tenantLetterSentOn ?? row.openedOn) : (row.tenantLetterSentOn ?? row.openedOn);
    case "CLOSURE":
      return triggerDay ?? row.openedOn;
  }
}

function toItem(section: DueSection, row: Row, now: Date, today: Date): DueItem {
  const entry = dueEntries(row, now).find((e) => e.section === section);
  const tenant = row.household.occupants[0];
  return {
    caseId: row.id,
    number: row.number,
    tenantName: tenant ? `${tenant.lastName.toUpperCase()} ${tenant.firstName}` : "—",
    city: row.household.city,
    state: row.state,
    steps: entry?.steps ?? [],
    dueOn: dueOnOf(section, row),
    hearingOn: row.hearingOn,
    daysToHearing: row.hearingOn ? daysToHearing(row.hearingOn, today) : null,
    workerName: row.assignedWorker?.name ?? null,
    juristName: row.assignedJurist?.name ?? null,
  };
}

/**
 * The team's (or the actor's) due work at `now`, section by section, most
 * urgent first. One query per section, each filtered and LIMITed in the
 * database; a COUNT only for a section that overflows its limit. Null when
 * the actor may not see it: the page answers "not found".
 */
export async function listDueWork(db: Db, actor: Actor, filter: DueWorkFilter): Promise<DueWork | null> {
  if (!canViewDueWork(actor, filter.teamId)) return null;
  const today = parisToday(filter.now);
  const scope: Prisma.CaseWhereInput =
    filter.scope === "me" ? { OR: [{ assignedWorkerId: actor.id }, { assignedJuristId: actor.id }] } : {};

  const sections = await Promise.all(
    DUE_SECTIONS.map(async (section): Promise<DueWorkSection> => {
      const where: Prisma.CaseWhereInput = { teamId: filter.teamId, AND: [scope, sectionWhere(section, today)] };
      const rows = await db.case.findMany({
        where,
        orderBy: sectionOrder(section),
        take: DUE_WORK_SECTION_LIMIT + 1,
        select: caseSelect(section),
      });
      const total = rows.length > DUE_WORK_SECTION_LIMIT ? await db.case.count({ where }) : rows.length;
      const items = rows.slice(0, DUE_WORK_SECTION_LIMIT).map((row) => toItem(section, row, filter.now, today));
      return { section, total, items: items.sort(compareDueItems) };
    }),
  );
  return { today, scope: filter.scope, sections };
}

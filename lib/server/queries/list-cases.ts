import "server-only";
import { storedDeadlineSentence } from "@/lib/domain/procedure/wording";
import { DEADLINE_KIND_LABELS } from "@/lib/domain/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, DeadlineKind, ProcedureStage } from "@/lib/domain/labels";
import { addCalendarDays } from "@/lib/domain/outreach/reminder";
import { OPEN_STATES } from "@/lib/domain/outreach/states";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { normaliseForSearch, phoneDigits } from "@/lib/domain/search-text";
import type { Db } from "@/lib/server/db";
import { ensureDeadlinesCurrent } from "@/lib/server/services/refresh-deadlines";
import { parisToday } from "@/lib/utils/dates";

export const CASELOAD_PAGE_SIZE = 25;
/** From this OFFSET on, a page reads its ids before their relations (one statement more, none per skipped row). */
const DEEP_OFFSET = 100;
export const CASELOAD_SORTS = ["echeance", "audience", "nom", "recent"] as const;
/** "Échéance dans les N jours" choices of the caseload filter. */
export const DEADLINE_WINDOWS = [7, 15, 30, 60] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export interface CaseloadFilter {
  teamId: string;
  state?: CaseState;
  /** Leave out closed cases (ignored when a state is chosen). */
  openOnly?: boolean;
  sectorId?: string;
  /** "me", "none" or a user id. */
  assignee?: string;
  q?: string;
  /** Only cases whose next procedure deadline falls within this many days from today. */
  deadlineWithinDays?: number;
  sort?: CaseloadSort;
  page?: number;
  /** The current instant ("today" is its day in Paris); the deadlines are read as of today. */
  now?: Date;
}

export interface CaseloadRow {
  id: string;
  number: number;
  state: CaseState;
  stage: ProcedureStage | null;
  hearingOn: Date | null;
  nextDeadlineOn: Date | null;
  nextDeadlineKind: DeadlineKind | null;
  /** Issue 13: the next deadline with both dates ("Le délai … expire le … ; assignation possible à partir du …"), when it has an expiry. */
  nextDeadlineTwoDates: string | null;
  openedOn: Date;
  tenantName: string;
  city: string;
  sectorName: string | null;
  assigneeName: string | null;
}

export interface Caseload {
  rows: CaseloadRow[];
  total: number;
  page: number;
  pageCount: number;
}

const CASELOAD_SELECT = {
  id: true,
  number: true,
  state: true,
  stage: true,
  hearingOn: true,
  nextDeadlineOn: true,
  nextDeadlineKind: true,
  nextDeadlineExpiresOn: true,
  openedOn: true,
  sector: { select: { name: true } },
  assignedWorker: { select: { name: true } },
  household: {
    select: {
      city: true,
      occupants: { where: { role: "TENANT" }, select: { firstName: true, lastName: true }, take: 1 },
    },
  },
} satisfies Prisma.CaseSelect;

/** The team's caseload, filtered and paginated in the database. */
export async function listCases(db: Db, actor: Actor, filter: CaseloadFilter): Promise<Caseload> {
  if (!canViewCases(actor, filter.teamId)) return { rows: [], total: 0, page: 1, pageCount: 1 };

  const today = parisToday(filter.now ?? new Date());
  // Cheap when nothing is stale (two indexed lookups): the next deadlines shown and sorted on are today's.
  await ensureDeadlinesCurrent(db, today);

  const where: Prisma.CaseWhereInput = { teamId: filter.teamId };
  if (filter.deadlineWithinDays !== undefined) {
    where.nextDeadlineOn = { gte: today, lte: addCalendarDays(today, filter.deadlineWithinDays) };
  }
  if (filter.state) where.state = filter.state;
  // The open states listed (not "<> CLOSED"): an index condition on (teamId, state), so the count of a
  // team's open cases reads only their index entries and heap pages (issue 17).
  else if (filter.openOnly) where.state = { in: [...OPEN_STATES] };
  if (filter.sectorId) where.sectorId = filter.sectorId;
  if (filter.assignee === "me") where.assignedWorkerId = actor.id;
  else if (filter.assignee === "none") where.assignedWorkerId = null;
  else if (filter.assignee) where.OR = [{ assignedWorkerId: filter.assignee }, { assignedJuristId: filter.assignee }];

  const q = filter.q?.trim() ?? "";
  if (q !== "") {
    const caseNumber = /^\d{1,9}$/.test(q) ? Number(q) : null;
    const words = normaliseForSearch(q).split(" ").filter(Boolean).slice(0, 6);
    const byText: Prisma.CaseWhereInput = { AND: words.map((w) => ({ household: { searchText: { contains: w } } })) };
    // Issue 15: a phone number (as typed: "06 12 34…", "+33 6…") and the procedure's reference (RG) find the case too.
    const alternatives: Prisma.CaseWhereInput[] = [byText, { procedureRef: { contains: q, mode: "insensitive" } }];
    const phone = phoneDigits(q);
    if (phone) alternatives.push({ household: { phone: { contains: phone } } });
    if (caseNumber !== null) alternatives.push({ number: caseNumber });
    where.AND = [{ OR: alternatives }];
  }

  const orderBy: Prisma.CaseOrderByWithRelationInput[] =
    filter.sort === "nom"
      ? [{ household: { sortName: "asc" } }, { number: "asc" }]
      : filter.sort === "recent"
        ? [{ openedOn: "desc" }, { number: "desc" }]
        : filter.sort === "echeance"
          ? [{ nextDeadlineOn: { sort: "asc", nulls: "last" } }, { number: "asc" }]
          : [{ hearingOn: { sort: "asc", nulls: "last" } }, { number: "asc" }];

  // The count and the requested page together (one round trip on PostgreSQL);
  // a page past the end (rare: a filter narrowed) is read again, clamped.
  const read = async (page: number) => {
    const skip = (page - 1) * CASELOAD_PAGE_SIZE;
    if (skip < DEEP_OFFSET) return db.case.findMany({ where, orderBy, skip, take: CASELOAD_PAGE_SIZE, select: CASELOAD_SELECT });
    // A deep page (issue 17): Prisma joins the relations in the same statement as the OFFSET, so PostgreSQL
    // would build the tenant, sector and worker of every skipped row (3 725 on page 150). The page's ids
    // first (an index walk, no relations), then those 25 rows with their relations, in the same order.
    const ids = (await db.case.findMany({ where, orderBy, skip, take: CASELOAD_PAGE_SIZE, select: { id: true } })).map((c) => c.id);
    if (!ids.length) return [];
    const byId = new Map((await db.case.findMany({ where: { id: { in: ids } }, select: CASELOAD_SELECT })).map((c) => [c.id, c]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const wanted = Math.max(1, filter.page ?? 1);
  const [total, first] = await Promise.all([db.case.count({ where }), read(wanted)]);
  const pageCount = Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE));
  const page = Math.min(wanted, pageCount);
  const cases = page === wanted ? first : await read(page);

  return {
    total,
    page,
    pageCount,
    rows: cases.map((c) => {
      const tenant = c.household.occupants[0];
      return {
        id: c.id,
        number: c.number,
        state: c.state,
        stage: c.stage,
        hearingOn: c.hearingOn,
        // Shown only when still to come: a list read without the daily roll-forward may hold a passed one.
        nextDeadlineOn: c.nextDeadlineOn && c.nextDeadlineOn >= today ? c.nextDeadlineOn : null,
        nextDeadlineKind: c.nextDeadlineOn && c.nextDeadlineOn >= today ? c.nextDeadlineKind : null,
        nextDeadlineTwoDates:
          c.nextDeadlineOn && c.nextDeadlineOn >= today && c.nextDeadlineKind && c.nextDeadlineExpiresOn
            ? storedDeadlineSentence({ kind: c.nextDeadlineKind, on: c.nextDeadlineOn, expiresOn: c.nextDeadlineExpiresOn }, DEADLINE_KIND_LABELS[c.nextDeadlineKind], today)
            : null,
        openedOn: c.openedOn,
        tenantName: tenant ? `${tenant.lastName.toUpperCase()} ${tenant.firstName}` : "—",
        city: c.household.city,
        sectorName: c.sector?.name ?? null,
        assigneeName: c.assignedWorker?.name ?? null,
      };
    }),
  };
}

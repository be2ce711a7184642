import "server-only";
import { parisToday } from "@/lib/utils/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LandlordKind } from "@/lib/domain/labels";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { normaliseForSearch } from "@/lib/domain/search-text";
import type { Db } from "@/lib/server/db";

export const LANDLORDS_PAGE_SIZE = 25;

export interface LandlordFilter {
  teamId: string;
  q?: string;
  page?: number;
}

export interface LandlordRow {
  id: string;
  name: string;
  kind: LandlordKind;
  city: string | null;
  householdCount: number;
  tookContact: boolean;
  /** Issue 15: the latest landlord letter and the latest answer, shown apart. */
  lastLetterOn: Date | null;
  lastAnswerOn: Date | null;
}

export interface LandlordList {
  rows: LandlordRow[];
  total: number;
  page: number;
  pageCount: number;
}

const EMPTY: LandlordList = { rows: [], total: 0, page: 1, pageCount: 1 };

/**
 * The team's landlords, searched accent-insensitively on `searchText` (name and
 * city), sorted by that accent-free key and paginated in the database. Counts
 * come from two grouped queries over the page's landlords, not one per row.
 */
export async function listLandlords(db: Db, actor: Actor, filter: LandlordFilter): Promise<LandlordList> {
  // Landlords are reached through households: same rule as the caseload.
  if (!canViewCases(actor, filter.teamId)) return EMPTY;

  const where: Prisma.LandlordWhereInput = { teamId: filter.teamId };
  const words = normaliseForSearch(filter.q ?? "").split(" ").filter(Boolean).slice(0, 6);
  if (words.length) where.AND = words.map((w) => ({ searchText: { contains: w } }));

  // The count and the requested page together; a page past the end is read again, clamped.
  const read = (page: number) =>
    db.landlord.findMany({
      where,
      orderBy: [{ searchText: "asc" }, { id: "asc" }],
      skip: (page - 1) * LANDLORDS_PAGE_SIZE,
      take: LANDLORDS_PAGE_SIZE,
      select: { id: true, name: true, kind: true, city: true },
    });
  const wanted = Math.max(1, filter.page ?? 1);
  const [total, first] = await Promise.all([db.landlord.count({ where }), read(wanted)]);
  const pageCount = Math.max(1, Math.ceil(total / LANDLORDS_PAGE_SIZE));
  const page = Math.min(wanted, pageCount);
  const landlords = page === wanted ? first : await read(page);
  if (!landlords.length) return { rows: [], total, page, pageCount };
  const ids = landlords.map((l) => l.id);

  const [pairs, contacted, letters, answers] = await Promise.all([
    // One row per (landlord, household): distinct households, even with several leases.
    db.lease.groupBy({ by: ["landlordId", "householdId"], where: { landlordId: { in: ids }, household: { teamId: filter.teamId } } }),
    db.landlord.findMany({
      where: {
        id: { in: ids },
        leases: { some: { cases: { some: { teamId: filter.teamId, outreachEvents: { some: { kind: "LANDLORD_CONTACT" } } } } } },
      },
      select: { id: true },
    }),
    db.case.findMany({
      where: { teamId: filter.teamId, landlordLetterSentOn: { not: null }, lease: { landlordId: { in: ids } } },
      select: { landlordLetterSentOn: true, lease: { select: { landlordId: true } } },
    }),
    db.outreachEvent.findMany({
      where: { kind: "LANDLORD_CONTACT", case: { teamId: filter.teamId, lease: { landlordId: { in: ids } } } },
      select: { occurredAt: true, case: { select: { lease: { select: { landlordId: true } } } } },
    }),
  ]);
  const latest = (map: Map<string, Date>, id: string | undefined, day: Date | null) => {
    if (!id || !day) return;
    const known = map.get(id);
    if (!known || known < day) map.set(id, day);
  };
  const lastLetter = new Map<string, Date>();
  for (const c of letters) latest(lastLetter, c.lease?.landlordId, c.landlordLetterSentOn);
  const lastAnswer = new Map<string, Date>();
  for (const e of answers) latest(lastAnswer, e.case.lease?.landlordId, parisToday(e.occurredAt));
  const households = new Map<string, number>();
  for (const p of pairs) households.set(p.landlordId, (households.get(p.landlordId) ?? 0) + 1);
  const tookContact = new Set(contacted.map((l) => l.id));

  return {
    total,
    page,
    pageCount,
    rows: landlords.map((l) => ({ ...l, householdCount: households.get(l.id) ?? 0, tookContact: tookContact.has(l.id), lastLetterOn: lastLetter.get(l.id) ?? null, lastAnswerOn: lastAnswer.get(l.id) ?? null })),
  };
}

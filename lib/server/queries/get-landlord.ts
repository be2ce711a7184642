import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, ContactChannel, LandlordKind } from "@/lib/domain/labels";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { parisToday } from "@/lib/utils/dates";

export const LANDLORD_CASES_PAGE_SIZE = 25;

export interface LandlordContact {
  id: string;
  /** The calendar day in Paris the landlord got in touch. */
  on: Date;
  channel: ContactChannel | null;
  note: string | null;
}

export interface LandlordCaseRow {
  id: string;
  number: number;
  state: CaseState;
  hearingOn: Date | null;
  tenantName: string | null;
  city: string;
  landlordLetterSentOn: Date | null;
  /** LANDLORD_CONTACT events of this case, latest first. */
  contacts: LandlordContact[];
}

export interface LandlordDetail {
  id: string;
  name: string;
  kind: LandlordKind;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  summary: {
    caseCount: number;
    householdCount: number;
    lettersSent: number;
    contactCount: number;
    lastContactOn: Date | null;
    /** Issue 15: the latest landlord letter of the landlord's cases. */
    lastLetterOn: Date | null;
  };
  cases: { rows: LandlordCaseRow[]; page: number; pageCount: number };
}

/** Contacts shown per case: a landlord rarely calls more than a few times about one household. */
const CONTACTS_PER_CASE = 10;

/**
 * One landlord of a team with its cases there, for the landlord page; null when
 * it does not exist or the actor may not see the team's cases (another team must
 * not learn the id exists). Totals are counted in the database over all the
 * landlord's cases; the case list itself is paginated.
 */
export async function getLandlord(db: Db, actor: Actor, landlordId: string, opts: { page?: number } = {}): Promise<LandlordDetail | null> {
  if (landlordId.length > 64) return null;
  const landlord = await db.landlord.findUnique({
    where: { id: landlordId },
    select: { id: true, teamId: true, name: true, kind: true, addressLine: true, postcode: true, city: true, phone: true, email: true },
  });
  if (!landlord || !canViewCases(actor, landlord.teamId)) return null;

  const ofLandlord: Prisma.CaseWhereInput = { teamId: landlord.teamId, lease: { landlordId: landlord.id } };
  const [caseCount, lettersSent, householdCount, contacts, letters] = await Promise.all([
    db.case.count({ where: ofLandlord }),
    db.case.count({ where: { ...ofLandlord, landlordLetterSentOn: { not: null } } }),
    db.household.count({ where: { teamId: landlord.teamId, leases: { some: { landlordId: landlord.id } } } }),
    db.outreachEvent.aggregate({ where: { kind: "LANDLORD_CONTACT", case: ofLandlord }, _count: { _all: true }, _max: { occurredAt: true } }),
    db.case.aggregate({ where: ofLandlord, _max: { landlordLetterSentOn: true } }),
  ]);

  const pageCount = Math.max(1, Math.ceil(caseCount / LANDLORD_CASES_PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page ?? 1), pageCount);
  const cases = await db.case.findMany({
    where: ofLandlord,
    // Open cases first (no closing date), then by the nearest hearing.
    orderBy: [{ closedOn: { sort: "desc", nulls: "first" } }, { hearingOn: { sort: "asc", nulls: "last" } }, { number: "asc" }],
    skip: (page - 1) * LANDLORD_CASES_PAGE_SIZE,
    take: LANDLORD_CASES_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      state: true,
      hearingOn: true,
      landlordLetterSentOn: true,
      household: {
        select: {
          city: true,
          occupants: { where: { role: "TENANT" }, orderBy: { position: "asc" }, take: 1, select: { firstName: true, lastName: true } },
        },
      },
      outreachEvents: {
        where: { kind: "LANDLORD_CONTACT" },
        orderBy: { occurredAt: "desc" },
        take: CONTACTS_PER_CASE,
        select: { id: true, occurredAt: true, channel: true, note: true },
      },
    },
  });

  const lastContactAt = contacts._max.occurredAt;
  return {
    id: landlord.id,
    name: landlord.name,
    kind: landlord.kind,
    addressLine: landlord.addressLine,
    postcode: landlord.postcode,
    city: landlord.city,
    phone: landlord.phone,
    email: landlord.email,
    summary: {
      caseCount,
      householdCount,
      lettersSent,
      contactCount: contacts._count._all,
      lastContactOn: lastContactAt ? parisToday(lastContactAt) : null,
      lastLetterOn: letters._max.landlordLetterSentOn,
    },
    cases: {
      page,
      pageCount,
      rows: cases.map((c) => {
        const tenant = c.household.occupants[0];
        return {
          id: c.id,
          number: c.number,
          state: c.state,
          hearingOn: c.hearingOn,
          tenantName: tenant ? `${tenant.lastName.toUpperCase()} ${tenant.firstName}` : null,
          city: c.household.city,
          landlordLetterSentOn: c.landlordLetterSentOn,
          contacts: c.outreachEvents.map((e) => ({ id: e.id, on: parisToday(e.occurredAt), channel: e.channel, note: e.note })),
        };
      }),
    },
  };
}

import "server-only";
import { tenantNames } from "@/lib/domain/letters/compose";
import { PROCEDURE_STAGE_LABELS } from "@/lib/domain/labels";
import { canRecordReferrals, canViewCases, canViewDueWork, canViewPartners } from "@/lib/domain/permissions";
import { composeReferralLetter, type PrintableLetter } from "@/lib/domain/referrals/letter";
import { suggestPartners, type Need, type PartnerKind } from "@/lib/domain/referrals/partners";
import { availableFollowUps, noNewsFrom, noNewsReferredOnOrBefore, type ConsentKind, type FollowUpEvent, type ReferralStatus, type SharedItem } from "@/lib/domain/referrals/referral";
import type { Actor } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { LETTER_CASE_SELECT, toLetterCase } from "@/lib/server/queries/letters/case-letters";
import { readLetterhead } from "@/lib/server/queries/letters/letterhead";
import { parisToday, toIsoDay } from "@/lib/utils/dates";

/** Reads for referrals (issue 20): a case's referrals with suggestions, one letter, and "Orientation sans nouvelles". */

const PARTNER_SELECT = { id: true, kind: true, name: true, addressLine: true, postcode: true, city: true, phone: true, email: true, openingHours: true, communes: true, communeKeys: true, contactName: true, active: true } as const;
export type PartnerView = Prisma.PartnerGetPayload<{ select: typeof PARTNER_SELECT }>;

export interface ReferralView {
  id: string;
  version: number;
  partnerName: string;
  partnerKind: PartnerKind;
  partnerEmail: string | null;
  referredOn: Date;
  reason: string;
  shared: SharedItem[];
  consent: ConsentKind;
  consentOn: Date | null;
  consentCollectedBy: string | null;
  status: ReferralStatus;
  appointmentOn: Date | null;
  followUpOn: Date | null;
  followUpNote: string | null;
  emailedAt: Date | null;
  followUps: FollowUpEvent[];
  /** The day it shows in "À faire" if no news comes. */
  noNewsFrom: Date;
}

export interface CaseReferrals {
  caseId: string;
  number: number;
  teamId: string;
  displayName: string;
  city: string;
  canRecord: boolean;
  partners: PartnerView[];
  suggestions: Array<{ partner: PartnerView; coversCommune: boolean; needs: Need[] }>;
  referrals: ReferralView[];
  today: Date;
}

export async function getCaseReferrals(db: Db, actor: Actor, caseId: string, needs: readonly Need[], now: Date): Promise<CaseReferrals | null> {
  if (caseId.length > 64) return null;
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      number: true,
      teamId: true,
      household: { select: { city: true, occupants: { where: { role: { in: ["TENANT", "CO_TENANT"] }, isChild: false }, orderBy: { position: "asc" }, select: { firstName: true, lastName: true } } } },
      referrals: {
        orderBy: [{ referredOn: "desc" }, { createdAt: "desc" }],
        select: {
          id: true, version: true, referredOn: true, reason: true, shared: true, consent: true, consentOn: true, consentCollectedBy: true, status: true,
          appointmentOn: true, followUpOn: true, followUpNote: true, emailedAt: true, partner: { select: { name: true, kind: true, email: true } },
        },
      },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) return null;
  const partners = await db.partner.findMany({ where: { teamId: c.teamId, active: true }, orderBy: [{ kind: "asc" }, { name: "asc" }], select: PARTNER_SELECT });
  return {
    caseId: c.id,
    number: c.number,
    teamId: c.teamId,
    displayName: tenantNames(c.household.occupants) || "Ménage",
    city: c.household.city,
    canRecord: canRecordReferrals(actor, c.teamId),
    partners,
    suggestions: suggestPartners(partners, { city: c.household.city }, needs),
    referrals: c.referrals.map((r) => ({
      id: r.id,
      version: r.version,
      partnerName: r.partner.name,
      partnerKind: r.partner.kind,
      partnerEmail: r.partner.email,
      referredOn: r.referredOn,
      reason: r.reason,
      shared: r.shared as SharedItem[],
      consent: r.consent,
      consentOn: r.consentOn,
      consentCollectedBy: r.consentCollectedBy,
      status: r.status,
      appointmentOn: r.appointmentOn,
      followUpOn: r.followUpOn,
      followUpNote: r.followUpNote,
      emailedAt: r.emailedAt,
      followUps: availableFollowUps(r.status),
      noNewsFrom: noNewsFrom(r.referredOn),
    })),
    today: parisToday(now),
  };
}

/** The referral letter, composed; null when not found or not allowed (another team: same answer). */
export async function getReferralLetter(
  db: Db,
  actor: Actor & { name?: string },
  caseId: string,
  referralId: string,
  now: Date,
): Promise<{ letter: PrintableLetter; partnerEmail: string | null; teamEmail: string | null; teamId: string; author: string } | null> {
  if (caseId.length > 64 || referralId.length > 64) return null;
  const r = await db.referral.findUnique({
    where: { id: referralId },
    select: {
      id: true, caseId: true, referredOn: true, reason: true, shared: true, consent: true, consentOn: true, consentCollectedBy: true,
      partner: { select: { kind: true, name: true, addressLine: true, postcode: true, city: true, contactName: true, email: true } },
      createdBy: { select: { name: true } },
      case: { select: { ...LETTER_CASE_SELECT, stage: true } },
    },
  });
  if (!r || r.caseId !== caseId || !canViewCases(actor, r.case.teamId)) return null;
  const head = await readLetterhead(db, r.case.teamId);
  if (!head) return null;
  const c = toLetterCase(r.case);
  const author = r.createdBy?.name ?? actor.name ?? "";
  const letter = composeReferralLetter(
    {
      referral: { ...r, shared: r.shared as SharedItem[] },
      partner: r.partner,
      household: { ...c, stageLabel: r.case.stage ? PROCEDURE_STAGE_LABELS[r.case.stage] : null },
      head,
      author,
    },
    parisToday(now),
  );
  return { letter, partnerEmail: r.partner.email, teamEmail: head.email, teamId: r.case.teamId, author };
}

export interface StaleReferral {
  referralId: string;
  caseId: string;
  number: number;
  partnerName: string;
  partnerKind: PartnerKind;
  referredOn: Date;
}

/**
 * "Orientation sans nouvelles" (issue 20): referrals still SENT 15 days or
 * more after they were made, at `now` (injected, so a test sets the clock).
 * Case numbers and partners only. Scope as "À faire": the actor's cases or the team's.
 */
export async function listReferralsWithoutNews(db: Db, actor: Actor, filter: { teamId: string; scope: "me" | "team"; now: Date }, limit = 50): Promise<{ total: number; items: StaleReferral[] } | null> {
  if (!canViewDueWork(actor, filter.teamId)) return null;
  // One statement (issue 17, decision 047): the page with its count (a window over the matching rows).
  const scope =
    filter.scope === "me"
      ? Prisma.sql`AND (r."createdById" = ${actor.id} OR c."assignedWorkerId" = ${actor.id} OR c."assignedJuristId" = ${actor.id})`
      : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: string; caseId: string; referredOn: Date; number: number; partnerName: string; partnerKind: PartnerKind; total: number }>>`
    SELECT r."id", r."caseId", r."referredOn", c."number", p."name" AS "partnerName", p."kind"::text AS "partnerKind", (count(*) OVER ())::int AS "total"
      FROM "Referral" r
      JOIN "Case" c ON c."id" = r."caseId"
      JOIN "Partner" p ON p."id" = r."partnerId"
     WHERE r."teamId" = ${filter.teamId} AND r."status" = 'SENT' AND r."referredOn" <= ${toIsoDay(noNewsReferredOnOrBefore(filter.now))}::date ${scope}
     ORDER BY r."referredOn" ASC, r."id" ASC
     LIMIT ${limit}::int`;
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({ referralId: r.id, caseId: r.caseId, number: r.number, partnerName: r.partnerName, partnerKind: r.partnerKind, referredOn: r.referredOn })),
  };
}

/** The team's partner directory (issue 20), for the directory page. Null when not allowed. */
export async function listPartners(db: Db, actor: Actor, teamId: string): Promise<PartnerView[] | null> {
  if (!canViewPartners(actor, teamId)) return null;
  return db.partner.findMany({ where: { teamId }, orderBy: [{ kind: "asc" }, { name: "asc" }], take: 1000, select: PARTNER_SELECT });
}

/** Mon compte's reminder settings: opted in to the digest, a calendar feed active. */
export async function getReminderSettings(db: Db, actor: Pick<Actor, "id">): Promise<{ digestOptIn: boolean; calendarActive: boolean }> {
  const u = await db.user.findUnique({ where: { id: actor.id }, select: { digestOptIn: true, calendarTokenHash: true } });
  return { digestOptIn: u?.digestOptIn ?? false, calendarActive: !!u?.calendarTokenHash };
}

import "server-only";
import { emptyReferralIndicators, type ReferralIndicators } from "@/lib/domain/indicators/referrals";
import type { IndicatorFilter } from "@/lib/domain/indicators/filter";
import type { PartnerKind } from "@/lib/domain/referrals/partners";
import { canViewIndicators } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { indicatorScope } from "@/lib/server/queries/indicators";
import { toIsoDay } from "@/lib/utils/dates";

/**
 * The referral indicators in SQL (issue 20): one small aggregate over
 * Referral ⋈ Partner ⋈ Case, by partner kind. Its definition is
 * lib/domain/indicators/referrals.ts; kept out of the caseload statement of
 * indicators.ts on purpose (issue 17 rewrites that one).
 */
export async function computeReferralIndicators(db: Db, actor: Actor, filter: IndicatorFilter): Promise<ReferralIndicators> {
  if (!canViewIndicators(actor)) throw notFound("Ce tableau de bord");
  const scope = indicatorScope(actor, filter);
  const out = emptyReferralIndicators();
  if (!scope.teamIds.length) return out;
  const day = (d: Date) => Prisma.sql`${toIsoDay(d)}::date`;
  const from = scope.from === null ? Prisma.empty : Prisma.sql`AND r."referredOn" >= ${day(scope.from)}`;
  const sector = scope.sectorId === null ? Prisma.empty : Prisma.sql`AND c."sectorId" = ${scope.sectorId}`;
  const landlordKind =
    scope.landlordKind === null
      ? Prisma.empty
      : Prisma.sql`AND EXISTS (SELECT 1 FROM "Lease" le JOIN "Landlord" ld ON ld.id = le."landlordId" WHERE le.id = c."leaseId" AND ld.kind = ${scope.landlordKind}::"LandlordKind")`;
  const rows = await db.$queryRaw<Array<{ kind: PartnerKind; total: number; with_follow_up: number }>>`
    SELECT p.kind::text AS kind,
           count(*)::int AS total,
           (count(*) FILTER (WHERE r."followUpOn" IS NOT NULL AND r."followUpOn" <= ${day(scope.to)}))::int AS with_follow_up
    FROM "Referral" r
    JOIN "Partner" p ON p.id = r."partnerId"
    JOIN "Case" c ON c.id = r."caseId"
    WHERE r."teamId" IN (${Prisma.join(scope.teamIds)})
      AND r."referredOn" <= ${day(scope.to)}
      ${from}
      ${sector}
      ${landlordKind}
    GROUP BY p.kind`;
  for (const r of rows) {
    out.byKind[r.kind] = { total: r.total, withFollowUp: r.with_follow_up };
    out.total += r.total;
    out.withFollowUp += r.with_follow_up;
  }
  return out;
}

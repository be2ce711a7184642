import type { LandlordKind } from "@/lib/domain/labels";
import { PARTNER_KINDS, type PartnerKind } from "@/lib/domain/referrals/partners";
import { isBeforeDay } from "@/lib/domain/procedure/calendar";

import type { IndicatorScope } from "./filter";

/**
 * Referrals in the indicators (issue 20), kept apart from the caseload's
 * indicators so that the two can move independently (issue 17 moves those to
 * a facts table): the pure definition here, the SQL in
 * lib/server/queries/referral-indicators.ts, an integration test checks both
 * agree.
 *
 * Definition: the referrals made within [from, to] (referredOn), of the
 * scope's teams, for cases in the slice (sector, landlord kind of the case's
 * lease), by the kind of partner. "With follow-up": news recorded (RDV pris,
 * reçu or sans suite) on or before `to`. The follow-up rate is withFollowUp /
 * total, to one decimal.
 */

export interface ReferralRecord {
  teamId: string;
  referredOn: Date;
  followUpOn: Date | null;
  partnerKind: PartnerKind;
  sectorId: string | null;
  landlordKind: LandlordKind | null;
}

export interface ReferralCounts {
  total: number;
  withFollowUp: number;
}

export interface ReferralIndicators extends ReferralCounts {
  byKind: Record<PartnerKind, ReferralCounts>;
}

export function emptyReferralIndicators(): ReferralIndicators {
  return { total: 0, withFollowUp: 0, byKind: Object.fromEntries(PARTNER_KINDS.map((k) => [k, { total: 0, withFollowUp: 0 }])) as Record<PartnerKind, ReferralCounts> };
}

export function computeReferralIndicatorsFromRecords(records: readonly ReferralRecord[], scope: IndicatorScope): ReferralIndicators {
  const out = emptyReferralIndicators();
  for (const r of records) {
    if (!scope.teamIds.includes(r.teamId)) continue;
    if (isBeforeDay(scope.to, r.referredOn) || (scope.from && isBeforeDay(r.referredOn, scope.from))) continue;
    if (scope.sectorId !== null && r.sectorId !== scope.sectorId) continue;
    if (scope.landlordKind !== null && r.landlordKind !== scope.landlordKind) continue;
    const followed = r.followUpOn !== null && !isBeforeDay(scope.to, r.followUpOn);
    out.total++;
    out.byKind[r.partnerKind].total++;
    if (followed) {
      out.withFollowUp++;
      out.byKind[r.partnerKind].withFollowUp++;
    }
  }
  return out;
}

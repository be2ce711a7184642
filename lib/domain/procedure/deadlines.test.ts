import { describe, expect, it } from "vitest";
import { parseCalendarDate, toIsoDay } from "@/lib/utils/dates";
import {
  appealDeadline,
  ccapexReferralRequirement,
  ccapexThresholdReached,
  commandementDelay,
  cqlDelay,
  daysToHearing,
  dsfInterviewOfferDeadline,
  dsfSecondOfferDate,
  dsfTransmissionDeadline,
  earliestAssignation,
  earliestCfpGrant,
  earliestCqlDate,
  earliestExpulsion,
  hearingAlertDue,
  latestPrefetNotificationDate,
  notificationRespectsDelay,
  prefetSilenceDate,
} from "./deadlines";

const d = (text: string) => parseCalendarDate(text)!;
const iso = (date: Date | undefined) => (date ? toIsoDay(date) : undefined);

describe("commandement de payer delay (loi 89-462 art. 24 I, loi 2023-668; Cass. avis 13 June 2024 n° 24-70.002)", () => {
  const commandementOn = d("2026-01-10");

  it("keeps the contractual 2 months for a lease signed on 28 July 2023", () => {
    const delay = commandementDelay(commandementOn, d("2023-07-28"));
    expect(delay).toEqual({ basis: "contractual", months: 2, endsOn: d("2026-03-10") });
  });

  it("applies 6 weeks to a lease signed on 29 July 2023, the day loi 2023-668 came into force", () => {
    expect(commandementDelay(commandementOn, d("2023-07-29"))).toEqual({ basis: "six_weeks", endsOn: d("2026-02-21") });
  });

  it("returns both possibilities for an unknown lease date, the sooner as the date to be ready for", () => {
    expect(commandementDelay(commandementOn, undefined)).toEqual({
      basis: "lease_date_unknown",
      endsOn: d("2026-02-21"),
      ifLeaseSignedFrom29July2023: d("2026-02-21"),
      ifLeaseSignedBefore: d("2026-03-10"),
    });
    expect(commandementDelay(commandementOn, null).basis).toBe("lease_date_unknown");
  });

  it("clamps the contractual 2 months at the month's end (31 December + 2 months)", () => {
    expect(iso(commandementDelay(d("2025-12-31"), d("2020-01-01")).endsOn)).toBe("2026-02-28");
  });

  it("takes the contractual months from the settings", () => {
    const delay = commandementDelay(commandementOn, d("2019-05-01"), { legacyLeaseCommandementMonths: 1 });
    expect(delay).toEqual({ basis: "contractual", months: 1, endsOn: d("2026-02-10") });
  });
});

describe("CCAPEX threshold (loi 89-462 art. 24 I; arrêté préfectoral of the département, team setting)", () => {
  const rent = 80_000;
  it("is reached at 2 × the monthly rent excluding charges by default", () => {
    expect(ccapexThresholdReached({ debtCents: 160_000, monthlyRentCents: rent, unpaidMonths: 1 })).toBe(true);
    expect(ccapexThresholdReached({ debtCents: 159_999, monthlyRentCents: rent, unpaidMonths: 1 })).toBe(false);
  });

  it("is reached on the months of unpaid rent alone: either criterion suffices", () => {
    expect(ccapexThresholdReached({ debtCents: 100_000, monthlyRentCents: rent, unpaidMonths: 2 })).toBe(true);
    expect(ccapexThresholdReached({ unpaidMonths: 2 })).toBe(true);
  });

  it("is unknown when neither criterion can be told, or the one known is not reached", () => {
    expect(ccapexThresholdReached({ monthlyRentCents: rent })).toBeNull();
    expect(ccapexThresholdReached({ debtCents: 160_000, monthlyRentCents: null })).toBe(null);
    expect(ccapexThresholdReached({ debtCents: 160_000, monthlyRentCents: 0 })).toBeNull();
    expect(ccapexThresholdReached({ debtCents: 100_000, monthlyRentCents: rent })).toBeNull();
  });

  it("follows the département's thresholds (team settings)", () => {
    const arrete = { ccapexUnpaidMonths: 3, ccapexRentMultiple: 3 };
    expect(ccapexThresholdReached({ debtCents: 200_000, monthlyRentCents: rent, unpaidMonths: 2 }, arrete)).toBe(false);
    expect(ccapexThresholdReached({ debtCents: 240_000, monthlyRentCents: rent, unpaidMonths: 2 }, arrete)).toBe(true);
    expect(ccapexThresholdReached({ debtCents: 100_000, monthlyRentCents: rent, unpaidMonths: 3 }, arrete)).toBe(true);
    expect(ccapexThresholdReached({ debtCents: 120_000, monthlyRentCents: rent, unpaidMonths: 0 }, { ccapexUnpaidMonths: 2, ccapexRentMultiple: 1.5 })).toBe(true);
  });
});

describe("earliest assignation (loi 89-462 art. 24 I and II)", () => {
  const base = { commandementOn: d("2026-01-10"), leaseSignedOn: d("2024-02-01"), ccapexReferralOn: d("2026-01-05") };

  it("is the day after the commandement's delay expires, for a private landlord (CPC 641-642)", () => {
    const result = earliestAssignation({ ...base, landlordKind: "PRIVATE_PERSON" });
    expect(iso(result.expiresOn)).toBe("2026-02-21");
    expect(iso(result.date)).toBe("2026-02-22");
    expect(result.bindingRuleId).toBe("commandement-delay");
    expect(result.ruleIds).toEqual(["commandement-delay"]);
  });

  it("waits 2 months after a legal-person landlord's CCAPEX referral (art. 24 II)", () => {
    const result = earliestAssignation({ ...base, landlordKind: "LEGAL_PERSON" });
    expect(iso(result.expiresOn)).toBe("2026-03-05");
    expect(iso(result.date)).toBe("2026-03-06");
    expect(result.bindingRuleId).toBe("ccapex-legal-person-delay");
    expect(result.ccapex).toEqual({ requirement: "required", endsOn: d("2026-03-05"), referralMissing: false });
  });

  it("does not apply the CCAPEX 2 months to a family SCI (art. 24 II)", () => {
    const result = earliestAssignation({ ...base, landlordKind: "FAMILY_SCI" });
    expect(iso(result.date)).toBe("2026-02-22");
    expect(result.ccapex.requirement).toBe("not_required");
  });

  it("applies it to social landlords, which are legal persons", () => {
    expect(iso(earliestAssignation({ ...base, landlordKind: "SOCIAL" }).date)).toBe("2026-03-06");
  });

  it("keeps the commandement's end when it comes after the CCAPEX 2 months", () => {
    const result = earliestAssignation({ ...base, ccapexReferralOn: d("2025-10-01"), landlordKind: "LEGAL_PERSON" });
    expect(iso(result.date)).toBe("2026-02-22");
    expect(result.bindingRuleId).toBe("commandement-delay");
  });

  it("reports a legal person's missing referral instead of guessing it", () => {
    const result = earliestAssignation({ ...base, ccapexReferralOn: null, landlordKind: "LEGAL_PERSON" });
    expect(iso(result.date)).toBe("2026-02-22");
    expect(result.ccapex.referralMissing).toBe(true);
  });

  it("leaves an agency's principal, or an unknown landlord, to be checked", () => {
    expect(ccapexReferralRequirement("AGENCY")).toBe("unknown");
    expect(ccapexReferralRequirement(undefined)).toBe("unknown");
    expect(ccapexReferralRequirement("PRIVATE_PERSON")).toBe("not_required");
    const result = earliestAssignation({ ...base, landlordKind: "AGENCY" });
    expect(iso(result.date)).toBe("2026-02-22");
    expect(result.ruleIds).toEqual(["commandement-delay", "ccapex-legal-person-delay"]);
  });
});

describe("notification to the préfet 42 days before the hearing (loi 89-462 art. 24 III; Cass. avis 6 Nov 2025 n° 25-70.018)", () => {
  it("is due on the hearing − 42 days", () => {
    expect(iso(latestPrefetNotificationDate(d("2026-03-16")))).toBe("2026-02-02");
  });

  it("is not extended when that day is a public holiday or a weekend", () => {
    expect(iso(latestPrefetNotificationDate(d("2026-06-12")))).toBe("2026-05-01"); // Friday 1 May
    expect(iso(latestPrefetNotificationDate(d("2026-05-19")))).toBe("2026-04-07"); // not moved to a Monday or earlier
    expect(iso(latestPrefetNotificationDate(d("2026-05-17")))).toBe("2026-04-05"); // a Sunday stays a Sunday
  });

  it("accepts a hearing exactly 42 days after the notification and flags 41", () => {
    expect(notificationRespectsDelay(d("2026-01-30"), d("2026-03-13"))).toBe(true); // 42 days
    expect(notificationRespectsDelay(d("2026-01-31"), d("2026-03-13"))).toBe(false); // 41 days
    expect(notificationRespectsDelay(d("2026-01-02"), d("2026-03-13"))).toBe(true);
  });

  it("counts 42 days across the spring daylight-saving change", () => {
    expect(iso(latestPrefetNotificationDate(d("2026-04-20")))).toBe("2026-03-09");
    expect(notificationRespectsDelay(d("2026-03-09"), d("2026-04-20"))).toBe(true);
    expect(notificationRespectsDelay(d("2026-03-10"), d("2026-04-20"))).toBe(false);
  });
});

describe("days to the hearing and the 45-day alert (team practice, not law)", () => {
  const hearingOn = d("2026-05-15");

  it("counts whole days, 0 on the day and negative after", () => {
    expect(daysToHearing(hearingOn, d("2026-05-03"))).toBe(12);
    expect(daysToHearing(hearingOn, d("2026-05-15"))).toBe(0);
    expect(daysToHearing(hearingOn, d("2026-05-16"))).toBe(-1);
    expect(daysToHearing(d("2026-04-01"), d("2026-03-20"))).toBe(12); // across daylight saving
  });

  it("alerts from 45 days before the hearing when the household has not been met", () => {
    expect(hearingAlertDue({ hearingOn, today: d("2026-03-31"), householdMet: false })).toBe(true); // 45 days
    expect(hearingAlertDue({ hearingOn, today: d("2026-03-30"), householdMet: false })).toBe(false); // 46 days
    expect(hearingAlertDue({ hearingOn, today: d("2026-05-15"), householdMet: false })).toBe(true);
    expect(hearingAlertDue({ hearingOn, today: d("2026-05-16"), householdMet: false })).toBe(false);
  });

  it("does not alert once the household has been met; alerts when it is not recorded", () => {
    expect(hearingAlertDue({ hearingOn, today: d("2026-05-03"), householdMet: true })).toBe(false);
    expect(hearingAlertDue({ hearingOn, today: d("2026-05-03") })).toBe(true);
  });

  it("follows the configured threshold", () => {
    expect(hearingAlertDue({ hearingOn, today: d("2026-03-30"), householdMet: false }, { hearingAlertDays: 60 })).toBe(true);
  });
});

describe("DSF interview within 15 working days of the préfet's referral (décret 2021-8 art. 1, verify 5-day variant)", () => {
  it("skips Easter Monday 2026 (6 April)", () => {
    expect(iso(dsfInterviewOfferDeadline(d("2026-04-02")))).toBe("2026-04-24");
  });

  it("skips 1 May, 8 May, Ascension and Whit Monday 2026", () => {
    expect(iso(dsfInterviewOfferDeadline(d("2026-04-30")))).toBe("2026-05-27");
  });

  it("uses the 5-working-day variant when configured", () => {
    expect(iso(dsfInterviewOfferDeadline(d("2026-04-02"), { dsfInterviewWorkingDays: 5 }))).toBe("2026-04-10");
  });

  it("dates the second offer 15 working days before the hearing", () => {
    // Back from Friday 29 May 2026 over Whit Monday, Ascension and 8 May.
    expect(iso(dsfSecondOfferDate(d("2026-05-29")))).toBe("2026-05-05");
  });

  it("dates the DSF's transmission to the judge 5 working days before the hearing (verify)", () => {
    expect(iso(dsfTransmissionDeadline(d("2026-05-12")))).toBe("2026-05-04"); // skips 8 May and a weekend
  });
});

describe("appeal within 1 month of signification (CPC art. 538, 641, 642; art. 514 verify)", () => {
  it("ends a month later on the same day number", () => {
    expect(iso(appealDeadline(d("2026-06-15")))).toBe("2026-07-15");
  });

  it("clamps 31 January + 1 month, then extends a Saturday to the Monday (art. 642)", () => {
    expect(iso(appealDeadline(d("2026-01-31")))).toBe("2026-03-02");
  });

  it("ends on 29 February in a leap year", () => {
    expect(iso(appealDeadline(d("2028-01-31")))).toBe("2028-02-29");
  });

  it("extends past 1 May and the weekend", () => {
    expect(iso(appealDeadline(d("2026-04-01")))).toBe("2026-05-04");
  });

  it("lets the CQL follow the signification under provisional enforcement, or wait for the appeal delay", () => {
    expect(iso(earliestCqlDate(d("2026-06-15")))).toBe("2026-06-15");
    // Without it, the day after the appeal delay's last day (CPC 538, 642).
    expect(iso(earliestCqlDate(d("2026-06-15"), { provisionalEnforcement: false }))).toBe("2026-07-16");
  });
});

describe("earliest expulsion after a CQL (CPCE L412-1, L412-3, L412-4, L412-5, L412-6)", () => {
  it("moves a CQL served on 2025-09-15 to 2026-04-01 (2 months end in the truce)", () => {
    const result = earliestExpulsion({ cqlOn: d("2025-09-15"), cqlReferredToPrefetOn: d("2025-09-15") });
    expect(iso(result.date)).toBe("2026-04-01");
    expect(iso(result.expiresOn)).toBe("2025-11-15");
    expect(iso(result.beforeTruce)).toBe("2025-11-16");
    expect(result.movedByTruce).toBe(true);
    expect(result.bindingRuleId).toBe("winter-truce");
  });

  it("leaves a CQL served in May alone: its 2 months expire on 12 July, expulsion possible from 13 July", () => {
    const result = earliestExpulsion({ cqlOn: d("2026-05-12"), cqlReferredToPrefetOn: d("2026-05-12") });
    expect(iso(result.expiresOn)).toBe("2026-07-12");
    expect(iso(result.date)).toBe("2026-07-13");
    expect(result.movedByTruce).toBe(false);
    expect(result.bindingRuleId).toBe("cql-delay");
  });

  it("counts from the referral to the préfet when it came after the CQL (L412-5, verify)", () => {
    const result = earliestExpulsion({ cqlOn: d("2025-07-01"), cqlReferredToPrefetOn: d("2025-07-20") });
    expect(iso(result.cql.startsOn)).toBe("2025-07-20");
    expect(iso(result.expiresOn)).toBe("2025-09-20");
    expect(iso(result.date)).toBe("2025-09-21");
  });

  it("pushes into the truce when the 2 months expire on 31 October (possible from 1 November, CPC 642 and L412-6)", () => {
    expect(iso(earliestExpulsion({ cqlOn: d("2025-07-01"), cqlReferredToPrefetOn: d("2025-08-30") }).date)).toBe("2025-10-31");
    expect(iso(earliestExpulsion({ cqlOn: d("2025-07-01"), cqlReferredToPrefetOn: d("2025-08-31") }).date)).toBe("2026-04-01");
  });

  it("counts from the CQL and reports it when the referral is not on file", () => {
    const delay = cqlDelay({ cqlOn: d("2025-07-01") });
    expect(iso(delay.endsOn)).toBe("2025-09-01");
    expect(delay.referralMissing).toBe(true);
  });

  it("ignores the referral when configured to count from the CQL only", () => {
    const delay = cqlDelay({ cqlOn: d("2025-07-01"), cqlReferredToPrefetOn: d("2025-07-20") }, { cqlDelayStart: "cql" });
    expect(iso(delay.endsOn)).toBe("2025-09-01");
  });

  it("runs a JEX delay alongside the 2 months, from its decision: the later end wins (L412-3, L412-4)", () => {
    const result = earliestExpulsion({
      cqlOn: d("2025-06-10"),
      cqlReferredToPrefetOn: d("2025-06-10"),
      jexDecisions: [{ decidedOn: d("2025-07-01"), endsOn: d("2025-10-01") }],
    });
    expect(iso(result.cql.endsOn)).toBe("2025-08-10");
    expect(iso(result.jexEndsOn)).toBe("2025-10-01");
    expect(iso(result.expiresOn)).toBe("2025-10-01");
    expect(iso(result.date)).toBe("2025-10-02");
    expect(result.bindingRuleId).toBe("jex-delay");
    expect(result.ruleIds).toEqual(["cql-delay", "jex-delay", "winter-truce"]);
  });

  it("keeps the CQL's 2 months when the JEX delay ends sooner", () => {
    const result = earliestExpulsion({ cqlOn: d("2025-06-10"), cqlReferredToPrefetOn: d("2025-06-10"), jexDecisions: [{ decidedOn: d("2025-06-20"), endsOn: d("2025-07-20") }] });
    expect(iso(result.expiresOn)).toBe("2025-08-10");
    expect(iso(result.date)).toBe("2025-08-11");
    expect(result.bindingRuleId).toBe("cql-delay");
  });

  it("clamps a CQL on 31 December to the end of February, inside the truce", () => {
    const result = earliestExpulsion({ cqlOn: d("2025-12-31"), cqlReferredToPrefetOn: d("2025-12-31") });
    expect(iso(result.expiresOn)).toBe("2026-02-28");
    expect(iso(result.beforeTruce)).toBe("2026-03-01");
    expect(iso(result.date)).toBe("2026-04-01");
  });
});

describe("concours de la force publique (CPCE L412-1, R153-1, L153-1)", () => {
  it("cannot be granted before the CQL's 2 months have expired (from the next day, CPC 642)", () => {
    expect(iso(earliestCfpGrant(d("2025-11-15")))).toBe("2025-11-16");
    expect(iso(earliestCfpGrant(d("2025-11-15"), d("2025-12-01")))).toBe("2025-12-01");
    expect(iso(earliestCfpGrant(d("2025-11-15"), d("2025-11-01")))).toBe("2025-11-16");
  });

  it("turns 2 months of the préfet's silence into a refusal (R153-1)", () => {
    expect(iso(prefetSilenceDate(d("2026-01-15")))).toBe("2026-03-15");
    expect(iso(prefetSilenceDate(d("2025-12-31")))).toBe("2026-02-28");
    expect(iso(prefetSilenceDate(d("2027-12-31")))).toBe("2028-02-29");
  });
});

import { describe, expect, it } from "vitest";

import { computeIndicatorsFromCases } from "./definitions";
import { describePeriod, formatDays, formatMonth, indicatorReport } from "./report";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("indicator report rows", () => {
  it("labels every indicator once, with shares of the section's base to one decimal", () => {
    const empty = computeIndicatorsFromCases([], { from: null, to: day("2026-06-30"), teamIds: ["A"], sectorId: null, landlordKind: null });
    const ind = {
      ...empty,
      cases: { total: 425, opened: 425, eligible: 425, inProgress: 133, closed: 292 },
      inProgressByStage: { FIRST_LETTER: 29, VISITS: 0, REMINDER: 73, SUPPORTED: 31 },
      supported: { total: 108, inProgress: 31, closed: 77 },
      closureCategories: { TOOK_CONTACT: 77, LEFT_OR_NPAI: 64, NO_CONTACT: 153 },
      firstContact: { count: 108, medianDays: 6.5 },
    };
    const rows = indicatorReport(ind).flatMap((s) => s.rows);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row("cases.closed")).toMatchObject({ count: 292, percent: 68.7 });
    expect(row("stage.REMINDER")).toMatchObject({ count: 73, percent: 54.9 });
    expect(row("category.TOOK_CONTACT")).toMatchObject({ count: 77, percent: 26.4 });
    expect(row("category.LEFT_OR_NPAI")).toMatchObject({ count: 64, percent: 21.9 });
    expect(row("category.NO_CONTACT")).toMatchObject({ count: 153, percent: 52.4 });
    // Nothing to divide by: no share rather than 0 %.
    expect(row("hearings.present").percent).toBeNull();
    expect(row("contact.medianDays")).toMatchObject({ count: null, text: "6,5 j" });
  });

  it("describes periods and months in French", () => {
    expect(describePeriod({ from: null, to: day("2026-06-30") })).toBe("depuis le premier dossier, jusqu'au 30/06/2026");
    expect(describePeriod({ from: day("2025-01-01"), to: day("2026-06-30") })).toBe("du 01/01/2025 au 30/06/2026");
    expect(formatMonth("2025-08")).toBe("août 2025");
    expect(formatDays(null)).toBe("–");
  });
});

describe("referral section (issue 20)", () => {
  it("prints the referrals by partner kind with the follow-up rate, only kinds with referrals", async () => {
    const { referralSection } = await import("./report");
    const { emptyReferralIndicators } = await import("./referrals");
    const r = emptyReferralIndicators();
    r.total = 3;
    r.withFollowUp = 2;
    r.byKind.CCAS = { total: 2, withFollowUp: 2 };
    r.byKind.ADIL = { total: 1, withFollowUp: 0 };
    const s = referralSection(r);
    expect(s.rows.map((x) => [x.key, x.count, x.percent])).toEqual([
      ["referrals.total", 3, undefined],
      ["referrals.withFollowUp", 2, 66.7],
      ["referrals.kind.CCAS", 2, 66.7],
      ["referrals.kind.CCAS.withFollowUp", 2, undefined],
      ["referrals.kind.ADIL", 1, 33.3],
      ["referrals.kind.ADIL.withFollowUp", 0, undefined],
    ]);
    expect(s.rows[3]!.label).toBe("dont avec des nouvelles (100,0\u00a0% de suivi)");
  });
});

import { describe, expect, it } from "vitest";
import { readAmounts, remainingIncome, sourceLabel, sumAmounts } from "./budget";

describe("remaining income (reste à vivre)", () => {
  it("takes charges and the rent net of housing benefit off the resources, then divides by persons and by 30 days", () => {
    // 1 450 € of salary + 230 € CAF = 1 680 €; charges 210 €; rent 720 € − APL 180 € = 540 € → 930 € a month.
    const r = remainingIncome({
      resources: { salary: 1450_00, caf: 230_00 },
      charges: { energy: 120_00, insurance: 30_00, telecom: 60_00 },
      rentCents: 720_00,
      housingBenefitCents: 180_00,
      adults: 1,
      children: 2,
    })!;
    expect(r).toEqual({
      resourcesCents: 1680_00,
      chargesCents: 210_00,
      netRentCents: 540_00,
      monthlyCents: 930_00,
      persons: 3,
      perPersonMonthlyCents: 310_00,
      perPersonDailyCents: 10_33, // 310 € / 30 = 10,333… → 10,33 € (rounded down)
    });
  });

  it("rounds per-person figures down, never up", () => {
    const r = remainingIncome({ resources: { rsa: 1000_00 }, charges: {}, rentCents: 0, housingBenefitCents: 0, adults: 3, children: 0 })!;
    expect(r.perPersonMonthlyCents).toBe(333_33);
    expect(r.perPersonDailyCents).toBe(11_11);
  });

  it("can be negative: the figure the worker must see, not hide", () => {
    const r = remainingIncome({ resources: { rsa: 600_00 }, charges: { energy: 100_00 }, rentCents: 650_00, housingBenefitCents: 0, adults: 1, children: 0 })!;
    expect(r.monthlyCents).toBe(-150_00);
    expect(r.perPersonDailyCents).toBe(-5_00);
  });

  it("a benefit larger than the rent adds to what is left", () => {
    const r = remainingIncome({ resources: {}, charges: {}, rentCents: 300_00, housingBenefitCents: 350_00, adults: 1, children: 0 })!;
    expect(r.netRentCents).toBe(-50_00);
    expect(r.monthlyCents).toBe(50_00);
  });

  it("is not computed for a household of nobody (composition not filled in)", () => {
    expect(remainingIncome({ resources: { salary: 1000_00 }, charges: {}, rentCents: 500_00, housingBenefitCents: 0, adults: 0, children: 0 })).toBeNull();
  });
});

describe("stored amounts by source", () => {
  it("keeps unknown sources in the total and reports values that are not whole cents", () => {
    const { amounts, invalid } = readAmounts({ salary: 1200_00, bonusFromOldApp: 50_00, broken: "12", negative: -5, float: 1.5 });
    expect(amounts).toEqual({ salary: 1200_00, bonusFromOldApp: 50_00 });
    expect(invalid).toEqual(["broken", "negative", "float"]);
    expect(sumAmounts(amounts)).toBe(1250_00);
    expect(sourceLabel("resources", "salary")).toBe("Salaires, revenus d'activité");
    expect(sourceLabel("resources", "bonusFromOldApp")).toBe("bonusFromOldApp");
  });

  it("reads nothing from null and refuses an array", () => {
    expect(readAmounts(null)).toEqual({ amounts: {}, invalid: [] });
    expect(readAmounts([1, 2]).invalid).toEqual(["*"]);
  });
});

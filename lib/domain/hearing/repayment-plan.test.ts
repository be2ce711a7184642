import { describe, expect, it } from "vitest";
import type { LedgerLine } from "./ledger";
import { currentRentFrom, debtToRepay, DEFAULT_REPAYMENT_SETTINGS, LEGAL_MAX_MONTHS, rentResumption, simulateRepaymentPlan, type RepaymentInput } from "./repayment-plan";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const month = (iso: string) => day(`${iso}-01`);
/** 700 € due (650 + 50), 82 € of housing benefit to the landlord; `paid` by the tenant. */
const line = (iso: string, paid: number, hb = 82_00): LedgerLine => ({ month: month(iso), rentDueCents: 650_00, chargesDueCents: 50_00, paidCents: paid, housingBenefitCents: hb });
const FULL = 618_00; // 700 − 82: the tenant's share of the current rent

const norm = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("rentResumption (loi du 6 juillet 1989, art. 24 V)", () => {
  const TODAY = day("2026-06-10");

  it("is RESUMED when the latest months are paid in full, housing benefit included, and says since when", () => {
    const r = rentResumption([line("2026-01", 0), line("2026-02", 0), line("2026-03", FULL), line("2026-04", FULL + 100_00), line("2026-05", FULL)], TODAY);
    expect(r.status).toBe("RESUMED");
    expect(r.resumedSince).toEqual(month("2026-03"));
    expect(r.months.map((m) => m.paidInFull)).toEqual([true, true]);
    expect(r.message).toContain("depuis mars 2026");
    expect(r.message).toContain("article 24 V");
  });

  it("accepts the current month as the latest one", () => {
    expect(rentResumption([line("2026-05", FULL), line("2026-06", FULL)], TODAY).status).toBe("RESUMED");
  });

  it("is NOT_RESUMED when one of the latest months is short, with the shortfall", () => {
    const r = rentResumption([line("2026-03", FULL), line("2026-04", FULL - 18_00), line("2026-05", FULL)], TODAY);
    expect(r.status).toBe("NOT_RESUMED");
    expect(norm(r.message)).toContain("avril 2026 (manque 18,00 €)");
  });

  it("is UNKNOWN when the ledger stops before last month, is empty, or lacks a recent month", () => {
    expect(rentResumption([line("2026-03", FULL), line("2026-04", FULL)], TODAY)).toMatchObject({ status: "UNKNOWN" });
    expect(rentResumption([line("2026-03", FULL), line("2026-04", FULL)], TODAY).message).toContain("s'arrête en avril 2026");
    expect(rentResumption([], TODAY).status).toBe("UNKNOWN");
    const gap = rentResumption([line("2026-03", FULL), line("2026-05", FULL)], TODAY);
    expect(gap.status).toBe("UNKNOWN");
    expect(gap.message).toContain("avril 2026");
  });

  it("looks at as many months as the setting says", () => {
    const lines = [line("2026-03", 0), line("2026-04", FULL), line("2026-05", FULL)];
    expect(rentResumption(lines, TODAY, { rentResumedMonths: 2 }).status).toBe("RESUMED");
    expect(rentResumption(lines, TODAY, { rentResumedMonths: 3 }).status).toBe("NOT_RESUMED");
    expect(DEFAULT_REPAYMENT_SETTINGS.rentResumedMonths).toBe(2);
  });

  it("ignores months after today's (a typo must not hide an unpaid month)", () => {
    expect(rentResumption([line("2026-04", FULL), line("2026-05", 0), line("2026-09", FULL)], TODAY).status).toBe("NOT_RESUMED");
  });
});

describe("simulateRepaymentPlan", () => {
  const TODAY = day("2026-06-10");
  const RESUMED = [line("2026-04", FULL), line("2026-05", FULL)];
  // 1 900 € of resources, 380 € of charges, 618 € of rent: 902 € available; 2 people keep 600 €: 302 € of capacity.
  const BASE: RepaymentInput = { monthlyResourcesCents: 1900_00, householdSize: 2, monthlyChargesCents: 380_00, currentRentCents: FULL, debtCents: 2890_00 };

  it("proposes a 24-month plan in whole euros, the last instalment being the remainder", () => {
    const plan = simulateRepaymentPlan({ ...BASE, desiredMonths: 24 }, { lines: RESUMED, today: TODAY });
    expect(plan).toMatchObject({
      status: "FEASIBLE",
      availableCents: 902_00,
      remainingIncomeFloorCents: 600_00,
      capacityCents: 302_00,
      monthlyInstalmentCents: 121_00, // 2 890 / 24 = 120,42 → 121
      months: 24,
      lastInstalmentCents: 107_00, // 2 890 − 23 × 121
      remainingAfterPlanCents: 781_00,
      desiredMonthsRefused: false,
    });
    expect(plan.rentResumption.status).toBe("RESUMED");
    const text = norm(plan.explanation.join("\n"));
    expect(text).toContain("Mensualité proposée : 121,00 € pendant 24 mois (dernière échéance : 107,00 €)");
    expect(text).toContain("300,00 € par personne × 2 personnes = 600,00 €");
    expect(text).toContain("depuis avril 2026");
  });

  it("without a desired duration, proposes the shortest sustainable plan (the whole capacity, in whole euros)", () => {
    const plan = simulateRepaymentPlan(BASE, { lines: RESUMED, today: TODAY });
    expect(plan).toMatchObject({ status: "FEASIBLE", monthlyInstalmentCents: 302_00, months: 10, lastInstalmentCents: 172_00, remainingAfterPlanCents: 600_00 });
  });

  it("refuses a desired duration the household cannot bear and proposes the shortest sustainable one", () => {
    const plan = simulateRepaymentPlan({ ...BASE, desiredMonths: 6 }, { lines: RESUMED, today: TODAY });
    expect(plan).toMatchObject({ status: "FEASIBLE", desiredMonthsRefused: true, monthlyInstalmentCents: 302_00, months: 10 });
    expect(norm(plan.explanation.join(" "))).toContain("Un plan sur 6 mois demanderait 481,67 € par mois");
  });

  it("caps plans at 36 months: 3 600 € at 100 € a month fits, 3 600,01 € does not", () => {
    const input = { ...BASE, monthlyResourcesCents: 1698_00, debtCents: 3600_00 }; // capacity 100 €
    expect(simulateRepaymentPlan(input, { lines: RESUMED, today: TODAY })).toMatchObject({ status: "FEASIBLE", capacityCents: 100_00, months: LEGAL_MAX_MONTHS, monthlyInstalmentCents: 100_00 });
    const over = simulateRepaymentPlan({ ...input, debtCents: 3600_01 }, { lines: RESUMED, today: TODAY });
    expect(over).toMatchObject({ status: "OVER_MAX_MONTHS", months: 37, monthlyInstalmentCents: null, minimumInstalmentCents: 100_01 });
    expect(norm(over.explanation.join(" "))).toContain("au-delà des 36 mois");
    expect(LEGAL_MAX_MONTHS).toBe(36);
  });

  it("keeps a 36-month plan under the capacity when rounding up to the euro would exceed it", () => {
    // 3 590,10 € over 36 months = 99,73 € a month; capacity 99,80 €: 100 € is too much, 99,73 € fits.
    const plan = simulateRepaymentPlan({ ...BASE, monthlyResourcesCents: 1697_80, debtCents: 3590_10, desiredMonths: 36 }, { lines: RESUMED, today: TODAY });
    expect(plan).toMatchObject({ status: "FEASIBLE", capacityCents: 99_80, monthlyInstalmentCents: 99_73, months: 36 });
  });

  it("finds no sustainable instalment when resources do not cover rent, charges and the remaining income", () => {
    const plan = simulateRepaymentPlan({ ...BASE, monthlyResourcesCents: 1400_00 }, { lines: RESUMED, today: TODAY });
    expect(plan).toMatchObject({ status: "NO_CAPACITY", capacityCents: 0, availableCents: 402_00, monthlyInstalmentCents: null });
    expect(plan.explanation.join(" ")).toContain("FSL");
  });

  it("takes the remaining income floor per person from the settings", () => {
    const strict = simulateRepaymentPlan({ ...BASE, desiredMonths: 24 }, { lines: RESUMED, today: TODAY, settings: { remainingIncomeFloorPerPersonCents: 450_00 } });
    expect(strict).toMatchObject({ remainingIncomeFloorCents: 900_00, capacityCents: 2_00, status: "OVER_MAX_MONTHS" });
    const bigger = simulateRepaymentPlan({ ...BASE, householdSize: 4 }, { lines: RESUMED, today: TODAY });
    expect(bigger.status).toBe("NO_CAPACITY");
  });

  it("says the plan still needs the current rent resumed when it is not", () => {
    const plan = simulateRepaymentPlan({ ...BASE, desiredMonths: 24 }, { lines: [line("2026-04", FULL), line("2026-05", 0)], today: TODAY });
    expect(plan.status).toBe("FEASIBLE");
    expect(plan.rentResumption.status).toBe("NOT_RESUMED");
    expect(plan.explanation.at(-1)).toContain("n'est pas intégralement payé");
  });

  it("needs no plan without a debt", () => {
    expect(simulateRepaymentPlan({ ...BASE, debtCents: 0 }, { lines: RESUMED, today: TODAY }).status).toBe("NO_DEBT");
    expect(simulateRepaymentPlan({ ...BASE, debtCents: -50_00 }, { lines: RESUMED, today: TODAY }).status).toBe("NO_DEBT");
  });

  it("a small debt is one instalment", () => {
    expect(simulateRepaymentPlan({ ...BASE, debtCents: 50_50 }, { lines: RESUMED, today: TODAY })).toMatchObject({ monthlyInstalmentCents: 50_50, months: 1, lastInstalmentCents: 50_50 });
  });

  it("refuses impossible inputs", () => {
    expect(() => simulateRepaymentPlan({ ...BASE, householdSize: 0 }, { lines: [], today: TODAY })).toThrow(RangeError);
    expect(() => simulateRepaymentPlan({ ...BASE, desiredMonths: 37 }, { lines: [], today: TODAY })).toThrow(RangeError);
  });
});

describe("currentRentFrom / debtToRepay", () => {
  it("takes the latest ledger month's rent and charges less the housing benefit, else the lease", () => {
    expect(currentRentFrom([line("2026-05", 0, 100_00), line("2026-04", 0, 82_00)], { rentCents: 1, chargesCents: 1 })).toBe(600_00);
    expect(currentRentFrom([], { rentCents: 650_00, chargesCents: 50_00 })).toBe(700_00);
    expect(currentRentFrom([], null)).toBeNull();
  });

  it("repays the ledger's debt when there is a ledger, else the claimed one", () => {
    expect(debtToRepay([line("2026-05", 0)], 5000_00)).toEqual({ debtCents: 618_00, source: "LEDGER" });
    expect(debtToRepay([], 5000_00)).toEqual({ debtCents: 5000_00, source: "CLAIM" });
    expect(debtToRepay([], null)).toBeNull();
  });
});

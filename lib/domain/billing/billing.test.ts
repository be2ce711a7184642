import { describe, expect, it } from "vitest";
import { actOfDiagnostic, billingPeriodErrors, computeBilling, type Act, type AgreementTerms } from "./billing";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DAY = 86_400_000;

/** Pas-de-Calais 2025 rates: flash 150 €, in-depth 370 € (1 per household), 55 € a week, 8 weeks. */
const TERMS: AgreementTerms = {
  periodStart: d("2026-01-01"),
  periodEnd: d("2026-12-31"),
  advanceShareBp: 6000,
  advanceReceivedCents: 36_000_00,
  maxSupportWeeks: 8,
  capCents: 60_000_00,
  rates: [
    { act: "FLASH_DIAGNOSTIC", amountCents: 150_00, maxPerHousehold: null },
    { act: "IN_DEPTH_DIAGNOSTIC", amountCents: 370_00, maxPerHousehold: 1 },
    { act: "SUPPORT_WEEK", amountCents: 55_00, maxPerHousehold: null },
  ],
};

/** Intl puts narrow no-break spaces in amounts. */
const norm = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

let seq = 0;
const act = (householdId: string, kind: Act["act"], on: string): Act => ({ id: `a${String(++seq).padStart(4, "0")}`, householdId, act: kind, on: d(on) });
const weeks = (householdId: string, firstMonday: string, n: number) =>
  Array.from({ length: n }, (_, i) => act(householdId, "SUPPORT_WEEK", new Date(d(firstMonday).getTime() + i * 7 * DAY).toISOString().slice(0, 10)));

describe("billing of a period", () => {
  it("bills an in-depth diagnostic and 3 weeks: 370 € + 3 × 55 €", () => {
    const b = computeBilling(TERMS, [act("h1", "IN_DEPTH_DIAGNOSTIC", "2026-11-05"), ...weeks("h1", "2026-11-09", 3)], { from: d("2026-11-01"), to: d("2026-11-30") });
    expect(b.households).toHaveLength(1);
    expect(b.households[0]!.billedCents).toBe(370_00 + 3 * 55_00);
    expect(b.dueCents).toBe(535_00);
    expect(b.byAct).toEqual([
      { act: "FLASH_DIAGNOSTIC", count: 0, billable: 0, amountCents: 0 },
      { act: "IN_DEPTH_DIAGNOSTIC", count: 1, billable: 1, amountCents: 370_00 },
      { act: "SUPPORT_WEEK", count: 3, billable: 3, amountCents: 165_00 },
    ]);
  });

  it("acts on both sides of the period's boundaries: before counts toward the caps but is not billed again, after is excluded, the boundary days are in", () => {
    const acts = [
      act("h1", "FLASH_DIAGNOSTIC", "2025-12-31"), // before the agreement: belongs to no agreement
      act("h1", "IN_DEPTH_DIAGNOSTIC", "2026-05-31"), // before the period: billed in an earlier period
      ...weeks("h1", "2026-04-06", 6), // 6 weeks before the period (April–May)
      act("h1", "FLASH_DIAGNOSTIC", "2026-06-01"), // first day of the period
      ...weeks("h1", "2026-06-01", 3), // weeks 7, 8, 9 of the household: the 9th is over the cap
      act("h1", "SUPPORT_WEEK", "2026-06-29"), // 10th, Monday = last day of the period
      act("h1", "SUPPORT_WEEK", "2026-07-06"), // after the period: excluded
      act("h2", "IN_DEPTH_DIAGNOSTIC", "2026-06-30"), // last day of the period
      act("h2", "IN_DEPTH_DIAGNOSTIC", "2026-06-30"), // a 2nd in-depth diagnostic: over its own cap
    ];
    const b = computeBilling(TERMS, acts, { from: d("2026-06-01"), to: d("2026-06-30") });

    const h1 = b.households.find((h) => h.householdId === "h1")!;
    expect(h1.acts.map((a) => [a.act, a.on.toISOString().slice(0, 10), a.rank, a.billable, a.amountCents])).toEqual([
      ["FLASH_DIAGNOSTIC", "2026-06-01", 1, true, 150_00], // the 2025 flash diagnostic is not counted
      ["SUPPORT_WEEK", "2026-06-01", 7, true, 55_00],
      ["SUPPORT_WEEK", "2026-06-08", 8, true, 55_00],
      ["SUPPORT_WEEK", "2026-06-15", 9, false, 0],
      ["SUPPORT_WEEK", "2026-06-29", 10, false, 0],
    ]);
    expect(h1.acts[3]!.reason).toBe("9e semaine d'accompagnement du ménage depuis le début de la convention (le 01/01/2026) : au-delà du plafond de 8 semaines par ménage.");
    expect(h1.acts[4]!.reason).toMatch(/^10e semaine/);
    expect(h1.earlier).toEqual({ count: 7, amountCents: 370_00 + 6 * 55_00 });
    expect(h1.billedCents).toBe(150_00 + 2 * 55_00);
    expect(h1.notBillable).toBe(2);

    const h2 = b.households.find((h) => h.householdId === "h2")!;
    expect(h2.acts.map((a) => [a.billable, a.amountCents])).toEqual([[true, 370_00], [false, 0]]);
    expect(h2.acts[1]!.reason).toBe("2e diagnostic approfondi du ménage depuis le début de la convention : la convention en finance 1 au plus par ménage.");

    expect(b.dueCents).toBe(150_00 + 2 * 55_00 + 370_00);
    expect(b.notBillable).toBe(3);
    // Due from the agreement's start to the period's end: the earlier acts too.
    expect(b.dueToDateCents).toBe(370_00 + 6 * 55_00 + 150_00 + 2 * 55_00 + 370_00);
  });

  it("the cap is counted from the agreement's start: a household's 9th week inside a short period is not billable", () => {
    const acts = [...weeks("h1", "2026-02-02", 8), ...weeks("h1", "2026-09-07", 1)];
    const b = computeBilling(TERMS, acts, { from: d("2026-09-01"), to: d("2026-09-30") });
    expect(b.households[0]!.acts).toHaveLength(1);
    expect(b.households[0]!.acts[0]).toMatchObject({ rank: 9, billable: false, amountCents: 0 });
    expect(b.dueCents).toBe(0);
  });

  it("a rate's own cap per household applies when lower than the agreement's weeks", () => {
    const terms = { ...TERMS, rates: TERMS.rates.map((r) => (r.act === "SUPPORT_WEEK" ? { ...r, maxPerHousehold: 4 } : r)) };
    const b = computeBilling(terms, weeks("h1", "2026-03-02", 5), { from: d("2026-01-01"), to: d("2026-12-31") });
    expect(b.households[0]!.acts.map((a) => a.billable)).toEqual([true, true, true, true, false]);
    expect(b.households[0]!.acts[4]!.reason).toMatch(/plafond de 4 semaines/);
  });

  it("an act without a rate is listed as not financed, not dropped", () => {
    const terms = { ...TERMS, rates: TERMS.rates.filter((r) => r.act !== "FLASH_DIAGNOSTIC") };
    const b = computeBilling(terms, [act("h1", "FLASH_DIAGNOSTIC", "2026-03-03")], { from: d("2026-01-01"), to: d("2026-12-31") });
    expect(b.households[0]!.acts[0]).toMatchObject({ billable: false, amountCents: 0, rateCents: null, reason: "Acte non financé par cette convention (aucun tarif)." });
  });

  it("the budget ceiling: the act that crosses it is billed for what is left, the next ones for nothing", () => {
    const terms = { ...TERMS, capCents: 460_00 };
    const acts = [act("h1", "IN_DEPTH_DIAGNOSTIC", "2026-03-02"), ...weeks("h1", "2026-03-02", 3)];
    const b = computeBilling(terms, acts, { from: d("2026-01-01"), to: d("2026-12-31") });
    const lines = b.households[0]!.acts;
    expect(lines.map((a) => a.amountCents)).toEqual([370_00, 55_00, 35_00, 0]);
    expect(norm(lines[2]!.reason)).toMatch(/^Facturé en partie \(35,00 € sur 55,00 €\) : le plafond de la convention \(460,00 €\) est atteint\.$/);
    expect(lines[2]!.billable).toBe(true);
    expect(lines[3]!.billable).toBe(false);
    expect(norm(lines[3]!.reason)).toBe("Plafond de la convention atteint (460,00 €).");
    expect(b.dueCents).toBe(460_00);
    expect(b.capLeftCents).toBe(0);
  });

  it("the same week twice for a household (two cases) is paid once", () => {
    const b = computeBilling(TERMS, [act("h1", "SUPPORT_WEEK", "2026-03-02"), act("h1", "SUPPORT_WEEK", "2026-03-02")], { from: d("2026-01-01"), to: d("2026-12-31") });
    expect(b.households[0]!.acts.map((a) => a.billable)).toEqual([true, false]);
    expect(b.households[0]!.acts[1]!.reason).toBe("La semaine du 02/03/2026 est déjà comptée pour ce ménage.");
  });

  it("advance and balance: 60 % of the ceiling expected, the advance received taken off what is due to date", () => {
    const b = computeBilling({ ...TERMS, advanceReceivedCents: 300_00 }, [act("h1", "IN_DEPTH_DIAGNOSTIC", "2026-03-02"), ...weeks("h1", "2026-03-02", 2)], { from: d("2026-01-01"), to: d("2026-12-31") });
    expect(b.advanceExpectedCents).toBe(36_000_00);
    expect(b.dueToDateCents).toBe(480_00);
    expect(b.balanceCents).toBe(180_00);
    const noCeiling = computeBilling({ ...TERMS, capCents: null }, [], { from: d("2026-01-01"), to: d("2026-12-31") });
    expect(noCeiling.advanceExpectedCents).toBeNull();
    expect(noCeiling.balanceCents).toBe(-36_000_00);
    expect(noCeiling.households).toEqual([]);
  });

  it("a chosen period outside the agreement is refused in French", () => {
    expect(billingPeriodErrors(TERMS, { from: d("2025-12-01"), to: d("2027-01-31") })).toEqual({
      from: ["La période commence avant la convention (le 01/01/2026)."],
      to: ["La période finit après la convention (le 31/12/2026)."],
    });
    expect(billingPeriodErrors(TERMS, { from: d("2026-05-01"), to: d("2026-04-01") }).to).toEqual(["La fin de la période ne peut pas précéder son début."]);
  });

  it("maps diagnostics to acts", () => {
    expect(actOfDiagnostic("FLASH")).toBe("FLASH_DIAGNOSTIC");
    expect(actOfDiagnostic("IN_DEPTH")).toBe("IN_DEPTH_DIAGNOSTIC");
  });
});

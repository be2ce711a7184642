import { describe, expect, it } from "vitest";
import { checkClaimedDebt, computeLedger, describeDebtCheck, ledgerLineToken, type LedgerLine } from "./ledger";

const month = (iso: string) => new Date(`${iso}-01T00:00:00Z`);
const line = (iso: string, paid: number, hb = 8_200, rent = 650_00, charges = 50_00): LedgerLine => ({
  month: month(iso),
  rentDueCents: rent,
  chargesDueCents: charges,
  paidCents: paid,
  housingBenefitCents: hb,
});

// Five months at 700 € due, 82 € of housing benefit paid to the landlord each
// month, and one payment of 200 €: 3 500 − 410 − 200 = 2 890 €.
const LEDGER = [line("2026-01", 0), line("2026-02", 0), line("2026-03", 200_00), line("2026-04", 0), line("2026-05", 0)];

describe("computeLedger", () => {
  it("gives each month's balance and the running balance, oldest first, whatever the input order", () => {
    const { rows, totals } = computeLedger([...LEDGER].reverse());
    expect(rows.map((r) => r.line.month.toISOString().slice(0, 7))).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
    expect(rows.map((r) => r.monthBalanceCents)).toEqual([618_00, 618_00, 418_00, 618_00, 618_00]);
    expect(rows.map((r) => r.runningBalanceCents)).toEqual([618_00, 1236_00, 1654_00, 2272_00, 2890_00]);
    expect(totals).toEqual({
      rentDueCents: 3250_00,
      chargesDueCents: 250_00,
      dueCents: 3500_00,
      paidCents: 200_00,
      housingBenefitCents: 410_00,
      creditedCents: 610_00,
      balanceCents: 2890_00,
    });
  });

  it("lets an overpaid month reduce the debt, down to a credit", () => {
    const { rows, totals } = computeLedger([line("2026-01", 0, 0), line("2026-02", 1500_00, 0)]);
    expect(rows[1]!.monthBalanceCents).toBe(-800_00);
    expect(totals.balanceCents).toBe(-100_00);
  });

  it("lists the months missing between the first and the last line", () => {
    const { missingMonths } = computeLedger([line("2025-11", 0), line("2026-02", 0), line("2025-12", 0)]);
    expect(missingMonths.map((m) => m.toISOString().slice(0, 7))).toEqual(["2026-01"]);
    expect(computeLedger([]).missingMonths).toEqual([]);
    expect(computeLedger([]).totals.balanceCents).toBe(0);
  });
});

describe("checkClaimedDebt", () => {
  it("finds a claim too high: 3 250 € claimed, 2 890 € computed, 360 € in the tenant's favour", () => {
    expect(checkClaimedDebt(LEDGER, 3250_00)).toEqual({ claimedDebtCents: 3250_00, computedDebtCents: 2890_00, differenceCents: 360_00, status: "CLAIM_TOO_HIGH" });
  });

  it("counts the housing benefit paid to the landlord as paid", () => {
    // Without the benefit the landlord's figure would look right: it is 410 € too high.
    const withoutBenefit = LEDGER.map((l) => ({ ...l, housingBenefitCents: 0 }));
    expect(checkClaimedDebt(withoutBenefit, 3300_00).status).toBe("MATCHES");
    expect(checkClaimedDebt(LEDGER, 3300_00).differenceCents).toBe(410_00);
  });

  it("matches to the cent, and finds a claim too low", () => {
    expect(checkClaimedDebt(LEDGER, 2890_00).status).toBe("MATCHES");
    expect(checkClaimedDebt(LEDGER, 2889_99)).toMatchObject({ status: "CLAIM_TOO_LOW", differenceCents: -1 });
    expect(checkClaimedDebt(LEDGER, 2890_01)).toMatchObject({ status: "CLAIM_TOO_HIGH", differenceCents: 1 });
  });

  it("with no ledger, the whole claim is unexplained", () => {
    expect(checkClaimedDebt([], 1000_00)).toMatchObject({ computedDebtCents: 0, differenceCents: 1000_00, status: "CLAIM_TOO_HIGH" });
  });
});

describe("ledgerLineToken", () => {
  it("changes when any stored value changes, the note included", () => {
    const base = { ...line("2026-01", 0), note: null };
    const token = ledgerLineToken(base);
    expect(ledgerLineToken({ ...base })).toBe(token);
    for (const changed of [
      { ...base, month: month("2026-02") },
      { ...base, rentDueCents: 651_00 },
      { ...base, chargesDueCents: 0 },
      { ...base, paidCents: 1 },
      { ...base, housingBenefitCents: 0 },
      { ...base, note: "quittance manquante" },
    ]) {
      expect(ledgerLineToken(changed)).not.toBe(token);
    }
  });
});

describe("describeDebtCheck", () => {
  const norm = (t: string) => t.replace(/[\u202f\u00a0]/g, " ");
  it("says in whose favour the difference is", () => {
    expect(norm(describeDebtCheck(checkClaimedDebt(LEDGER, 3250_00)).difference)).toBe("360,00 € en faveur du locataire");
    expect(norm(describeDebtCheck(checkClaimedDebt(LEDGER, 2800_00)).difference)).toBe("90,00 € en faveur du bailleur");
    expect(describeDebtCheck(checkClaimedDebt(LEDGER, 2890_00))).toEqual({ difference: "aucun", sentence: "La dette réclamée correspond au relevé des loyers." });
  });
});

describe("checkClaimedDebt against the claim's 'arrêtée au' date (issue 13)", () => {
  const month = (iso: string, paid = 0): LedgerLine => ({ month: new Date(`${iso}-01T00:00:00Z`), rentDueCents: 650_00, chargesDueCents: 50_00, paidCents: paid, housingBenefitCents: 82_00 });
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it("a ledger covering September–November against a debt arrêtée au 22/06: the coverage message, not a difference", () => {
    const check = checkClaimedDebt([month("2025-09"), month("2025-10"), month("2025-11")], 2000_00, day("2025-06-22"));
    expect(check.status).toBe("NOT_COVERED");
    expect(check.monthsAfterClaim).toBe(3);
    const described = describeDebtCheck(check);
    expect(described.sentence).toMatch(/^Le relevé ne couvre pas les mois de juin 2025 et des mois précédents : la comparaison n'est pas possible\./);
    expect(described.difference).toBe("comparaison impossible");
    expect(described.sentence).not.toMatch(/faveur/);
  });

  it("uses only the months up to the claim's date", () => {
    const check = checkClaimedDebt([month("2026-01"), month("2026-02"), month("2026-03")], 1236_00, day("2026-02-15"));
    expect(check).toMatchObject({ status: "MATCHES", computedDebtCents: 1236_00, monthsAfterClaim: 1 });
  });

  it("names the months missing between the ledger and the claim's date, or within it", () => {
    const stops = describeDebtCheck(checkClaimedDebt([month("2026-01"), month("2026-02")], 2000_00, day("2026-04-30")));
    expect(stops.sentence).toMatch(/^Le relevé ne couvre pas les mois de mars 2026 et avril 2026 :/);
    const gap = describeDebtCheck(checkClaimedDebt([month("2026-01"), month("2026-03")], 2000_00, day("2026-03-31")));
    expect(gap.sentence).toMatch(/^Le relevé ne couvre pas les mois de février 2026 :/);
    const elision = describeDebtCheck(checkClaimedDebt([month("2026-03")], 2000_00, day("2026-04-02")));
    expect(elision.sentence).toMatch(/^Le relevé ne couvre pas les mois d'avril 2026 :/);
  });
});

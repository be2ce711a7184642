import { describe, expect, it } from "vitest";
import { agreementToken, overlaps, sameFunder, type AgreementValues } from "./agreement";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const base: AgreementValues = {
  teamId: "t1",
  funderName: "DDETS",
  reference: null,
  periodStart: d("2026-01-01"),
  periodEnd: d("2026-12-31"),
  advanceShareBp: 6000,
  advanceReceivedCents: 0,
  maxSupportWeeks: 8,
  capCents: null,
  rates: [
    { act: "SUPPORT_WEEK", amountCents: 55_00, maxPerHousehold: null },
    { act: "FLASH_DIAGNOSTIC", amountCents: 150_00, maxPerHousehold: null },
  ],
};

describe("funder agreements", () => {
  it("the token ignores the order of rates and changes with any rate", () => {
    expect(agreementToken({ ...base, rates: [...base.rates].reverse() })).toBe(agreementToken(base));
    expect(agreementToken({ ...base, rates: [{ ...base.rates[0]!, amountCents: 56_00 }, base.rates[1]!] })).not.toBe(agreementToken(base));
    expect(agreementToken({ ...base, capCents: 1 })).not.toBe(agreementToken(base));
  });

  it("tells the same funder written differently, and overlapping periods", () => {
    expect(sameFunder("DDETS de l'Essonne", " ddets  de l’Essonne")).toBe(true);
    expect(sameFunder("Département", "departement")).toBe(true);
    expect(sameFunder("DDETS 91", "DDETS 62")).toBe(false);
    expect(overlaps(base, { periodStart: d("2026-12-31"), periodEnd: d("2027-12-31") })).toBe(true);
    expect(overlaps(base, { periodStart: d("2027-01-01"), periodEnd: d("2027-12-31") })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";

import { pendingSteps } from "./pending-steps";
import { at, day, NOW, SNAPSHOTS } from "./test-support";

describe("pendingSteps", () => {
  it("asks for both first letters on a new case", () => {
    expect(pendingSteps(SNAPSHOTS.IDENTIFIED, NOW)).toEqual([
      { step: "LETTER_TENANT", ready: true },
      { step: "LETTER_LANDLORD", ready: true },
    ]);
  });

  it("keeps asking for the landlord letter until it is sent, even during support", () => {
    const s = { ...SNAPSHOTS.FIRST_LETTER_SENT, landlordLetterSentOn: undefined };
    expect(pendingSteps(s, NOW)).toEqual([{ step: "LETTER_LANDLORD", ready: true }, { step: "FIRST_VISIT", ready: true }]);
    expect(pendingSteps({ ...SNAPSHOTS.SUPPORTED, landlordLetterSentOn: undefined }, NOW)).toEqual([{ step: "LETTER_LANDLORD", ready: true }]);
    expect(pendingSteps(SNAPSHOTS.SUPPORTED, NOW)).toEqual([]);
  });

  it("follows the sequence: second visit, reminder (with its date), closure", () => {
    expect(pendingSteps(SNAPSHOTS.VISIT_1_FAILED, NOW)).toEqual([{ step: "SECOND_VISIT", ready: true }]);
    expect(pendingSteps(SNAPSHOTS.VISIT_2_FAILED, at("2026-02-05T10:00:00Z"))).toEqual([
      { step: "REMINDER", dueOn: day("2026-02-10"), ready: false },
    ]);
    expect(pendingSteps(SNAPSHOTS.VISIT_2_FAILED, at("2026-02-10T10:00:00Z"))).toEqual([
      { step: "REMINDER", dueOn: day("2026-02-10"), ready: true },
    ]);
    expect(pendingSteps(SNAPSHOTS.REMINDER_SENT, NOW)).toEqual([{ step: "CLOSURE_NO_CONTACT", ready: true }]);
    expect(pendingSteps(SNAPSHOTS.CLOSED, NOW)).toEqual([]);
  });

  it("proposes closure once a visit found the household gone, and still the tenant letter after a visit made first", () => {
    const s = { ...SNAPSHOTS.VISIT_1_FAILED, provedGone: true, firstLetterTenantSentOn: undefined };
    expect(pendingSteps(s, NOW)).toEqual([{ step: "LETTER_TENANT", ready: true }, { step: "CLOSURE_GONE", ready: true }]);
  });
});

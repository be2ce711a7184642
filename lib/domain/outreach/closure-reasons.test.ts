import { describe, expect, it } from "vitest";

import { allowedClosureReasons, closureCategory, closureReasonRefusal, CLOSURE_REASONS } from "./closure-reasons";
import { SNAPSHOTS } from "./test-support";

describe("closure reasons", () => {
  it("count in the funder's three categories (Essonne report: 75 took contact, 64 left or NPAI, 153 no contact)", () => {
    expect(Object.fromEntries(CLOSURE_REASONS.map((r) => [r, closureCategory(r)]))).toEqual({
      ALREADY_FOLLOWED: "TOOK_CONTACT",
      SUPPORT_COMPLETED: "TOOK_CONTACT",
      REFERRED_TO_MDS: "TOOK_CONTACT",
      DEBT_PAID_OFF: "TOOK_CONTACT",
      DECLINED_TO_CONTINUE: "TOOK_CONTACT",
      LEFT_DWELLING: "LEFT_OR_NPAI",
      NOT_AT_ADDRESS: "LEFT_OR_NPAI",
      NO_CONTACT: "NO_CONTACT",
    });
    // The report's detailed reasons add up per category as printed.
    const counts = { ALREADY_FOLLOWED: 1, SUPPORT_COMPLETED: 1, REFERRED_TO_MDS: 8, DEBT_PAID_OFF: 10, DECLINED_TO_CONTINUE: 55, LEFT_DWELLING: 15, NOT_AT_ADDRESS: 49, NO_CONTACT: 153 } as const;
    const byCategory: Record<string, number> = {};
    for (const r of CLOSURE_REASONS) byCategory[closureCategory(r)] = (byCategory[closureCategory(r)] ?? 0) + counts[r];
    expect(byCategory).toEqual({ TOOK_CONTACT: 75, LEFT_OR_NPAI: 64, NO_CONTACT: 153 });
  });

  it("offers in the closure form only the reasons that fit", () => {
    expect(allowedClosureReasons(SNAPSHOTS.FIRST_LETTER_SENT)).toEqual(["ALREADY_FOLLOWED"]);
    expect(allowedClosureReasons(SNAPSHOTS.REMINDER_SENT)).toEqual(["ALREADY_FOLLOWED", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"]);
    expect(allowedClosureReasons({ ...SNAPSHOTS.VISIT_1_FAILED, provedGone: true })).toEqual(["ALREADY_FOLLOWED", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"]);
    expect(allowedClosureReasons(SNAPSHOTS.CLOSED)).toEqual([]);
  });

  it("explains a refusal in French", () => {
    expect(closureReasonRefusal(SNAPSHOTS.VISIT_2_FAILED, "NO_CONTACT")).toBe(
      "La clôture « aucun contact » n'est possible qu'après l'envoi de la relance, ou si une visite a constaté que le ménage est parti.",
    );
    expect(closureReasonRefusal({ ...SNAPSHOTS.SUPPORTED, provedGone: true }, "NO_CONTACT")).toMatch(/en contact avec l'équipe/);
    expect(closureReasonRefusal(SNAPSHOTS.FIRST_LETTER_SENT, "DEBT_PAID_OFF")).toMatch(/accompagné/);
    expect(closureReasonRefusal(SNAPSHOTS.VISIT_1_FAILED, "NOT_AT_ADDRESS")).toMatch(/^Le départ du ménage doit être constaté/);
    expect(closureReasonRefusal(SNAPSHOTS.SUPPORTED, "LEFT_DWELLING")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/labels";
import { isSupportAidKind, supportStepRefusal, type SupportStep } from "./access";

const STEPS: SupportStep[] = ["DIAGNOSTIC", "START_PERIOD", "WEEK", "END_PERIOD", "AID_REQUEST"];

describe("what the support tab allows by case state", () => {
  it("a supported case: every step", () => {
    for (const step of STEPS) expect(supportStepRefusal(step, { state: "SUPPORTED", supported: true })).toBeNull();
  });

  it("closed after support: only aid-request decisions and ending an open period", () => {
    const allowed = STEPS.filter((s) => supportStepRefusal(s, { state: "CLOSED", supported: true }) === null);
    expect(allowed).toEqual(["END_PERIOD", "AID_REQUEST"]);
    expect(supportStepRefusal("WEEK", { state: "CLOSED", supported: true })).toMatch(/rouvrez-le/);
  });

  it("no contact yet, or closed without contact: nothing, with the reason", () => {
    for (const state of Object.keys(CASE_STATE_LABELS) as CaseState[]) {
      if (state === "SUPPORTED") continue;
      for (const step of STEPS) {
        const refusal = supportStepRefusal(step, { state, supported: false });
        expect(refusal, `${state} ${step}`).toMatch(state === "CLOSED" ? /sans que le ménage ait pris contact/ : /pas encore pris contact/);
      }
    }
  });

  it("the hearing file's requests are not managed from the support tab", () => {
    expect(isSupportAidKind("FSL")).toBe(true);
    expect(isSupportAidKind("LEGAL_AID")).toBe(false);
    expect(isSupportAidKind("DELAY_TO_PAY")).toBe(false);
  });
});

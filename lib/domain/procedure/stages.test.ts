import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/utils/dates";
import { stageReached } from "./stages";

const d = (iso: string) => parseCalendarDate(iso)!;

describe("stageReached (Case.stage)", () => {
  it("is the most advanced principal stage already held", () => {
    const events = [
      { stage: "COMMANDEMENT_DE_PAYER" as const, date: d("2026-01-10") },
      { stage: "ASSIGNATION" as const, date: d("2026-04-02") },
      { stage: "PREFET_NOTIFICATION" as const, date: d("2026-04-05") },
      { stage: "HEARING" as const, date: d("2026-06-20") },
    ];
    expect(stageReached(events, d("2026-05-01"))).toBe("ASSIGNATION"); // the hearing is only scheduled
    expect(stageReached(events, d("2026-06-20"))).toBe("HEARING");
  });

  it("ignores stages that happen within a phase, and an empty file", () => {
    expect(stageReached([{ stage: "CCAPEX_REFERRAL", date: d("2026-01-10") }], d("2026-05-01"))).toBeNull();
    expect(stageReached([], d("2026-05-01"))).toBeNull();
  });
});

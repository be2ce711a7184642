import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/utils/dates";
import { caseFieldsFromSnapshot } from "./case-fields";
import { snapshotFromHistory } from "./history";

const at = (iso: string) => new Date(iso);

describe("caseFieldsFromSnapshot", () => {
  it("keeps the reminder date while the reminder is pending, then clears it", () => {
    const waiting = snapshotFromHistory([
      { kind: "LETTER_TENANT", occurredAt: at("2026-03-02T09:00:00Z") },
      { kind: "VISIT", outcome: "ABSENT", noticeLeft: true, indecentHousing: false, jointVisit: false, occurredAt: at("2026-03-10T18:00:00Z") },
      { kind: "VISIT", outcome: "ABSENT", noticeLeft: true, indecentHousing: false, jointVisit: false, occurredAt: at("2026-03-20T18:30:00Z") },
    ]);
    const fields = caseFieldsFromSnapshot(waiting);
    expect(fields.state).toBe("VISIT_2_FAILED");
    expect(fields.reminderDueOn).toEqual(parseCalendarDate("2026-04-04"));
    expect(fields.tenantLetterSentOn).toEqual(parseCalendarDate("2026-03-02"));
    expect(fields.landlordLetterSentOn).toBeNull();

    const sent = snapshotFromHistory([
      { kind: "LETTER_TENANT", occurredAt: at("2026-03-02T09:00:00Z") },
      { kind: "VISIT", outcome: "ABSENT", noticeLeft: true, indecentHousing: false, jointVisit: false, occurredAt: at("2026-03-10T18:00:00Z") },
      { kind: "VISIT", outcome: "ABSENT", noticeLeft: true, indecentHousing: false, jointVisit: false, occurredAt: at("2026-03-20T18:30:00Z") },
      { kind: "REMINDER", occurredAt: at("2026-04-04T08:00:00Z") },
    ]);
    expect(caseFieldsFromSnapshot(sent).reminderDueOn).toBeNull();
  });

  it("records contact and closure", () => {
    const s = snapshotFromHistory([
      { kind: "LETTER_TENANT", occurredAt: at("2026-03-02T09:00:00Z") },
      { kind: "HOUSEHOLD_CONTACT", channel: "PHONE", occurredAt: at("2026-03-05T10:00:00Z") },
      { kind: "CLOSURE", reason: "SUPPORT_COMPLETED", occurredAt: at("2026-05-05T10:00:00Z") },
    ]);
    expect(caseFieldsFromSnapshot(s)).toMatchObject({
      state: "CLOSED",
      supported: true,
      firstContactOn: parseCalendarDate("2026-03-05"),
      closedOn: parseCalendarDate("2026-05-05"),
      closureReason: "SUPPORT_COMPLETED",
    });
  });
});

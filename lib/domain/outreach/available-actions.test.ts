import { describe, expect, it } from "vitest";

import type { OutreachKind } from "@/lib/domain/labels";

import { availableEvents, eventAvailability } from "./available-actions";
import type { CaseState } from "./states";
import { at, SNAPSHOTS, worker } from "./test-support";

// Attempts and landlord events are always on offer while the case is open.
const ALWAYS = ["LETTER_TENANT", "LETTER_LANDLORD", "SMS", "EMAIL", "PHONE_CALL", "VISIT", "HOUSEHOLD_CONTACT", "LANDLORD_CONTACT", "CLOSURE"] as const;

const EXPECTED: Record<CaseState, OutreachKind[]> = {
  IDENTIFIED: [...ALWAYS],
  FIRST_LETTER_SENT: [...ALWAYS],
  VISIT_1_FAILED: [...ALWAYS],
  VISIT_2_FAILED: [...ALWAYS, "REMINDER"], // NOW is after the reminder's due date
  REMINDER_SENT: [...ALWAYS],
  SUPPORTED: ALWAYS.filter((k) => k !== "LETTER_TENANT"),
  CLOSED: ["REOPENING"],
};

describe("availableEvents", () => {
  it.each(Object.keys(EXPECTED) as CaseState[])("%s", (state) => {
    expect([...availableEvents(SNAPSHOTS[state], worker())].sort()).toEqual([...EXPECTED[state]].sort());
  });

  it("offers the reminder from its due day only, and says when", () => {
    const s = SNAPSHOTS.VISIT_2_FAILED; // due 10 February 2026
    const eve = at("2026-02-09T22:59:00Z"); // 23:59 in Paris on 9 February
    expect(availableEvents(s, worker(eve))).not.toContain("REMINDER");
    expect(eventAvailability(s, worker(eve)).find((a) => a.kind === "REMINDER")).toEqual({
      kind: "REMINDER",
      available: false,
      code: "TOO_EARLY",
      message: "La relance ne peut être envoyée qu'à partir du 10 février 2026, 15 jours après la deuxième visite sans contact.",
    });
    expect(availableEvents(s, worker(at("2026-02-09T23:00:00Z")))).toContain("REMINDER");
  });

  it("offers nothing to roles that may not record", () => {
    for (const role of ["ADMIN", "FUNDER_VIEWER"] as const) {
      expect(availableEvents(SNAPSHOTS.FIRST_LETTER_SENT, worker(undefined, role))).toEqual([]);
      expect(eventAvailability(SNAPSHOTS.FIRST_LETTER_SENT, worker(undefined, role)).every((a) => !a.available && a.code === "FORBIDDEN")).toBe(true);
    }
  });

  it("explains why a closed case offers nothing but reopening", () => {
    const visit = eventAvailability(SNAPSHOTS.CLOSED, worker()).find((a) => a.kind === "VISIT");
    expect(visit).toMatchObject({ available: false, code: "CASE_CLOSED" });
  });
});

import { describe, expect, it } from "vitest";
import { auditDiff, formatAuditValue } from "./audit-diff";

describe("audit diff", () => {
  it("lists changed fields first with French values", () => {
    const rows = auditDiff(
      { paidCents: 20000, note: "appel", month: "2026-03-01", active: true },
      { paidCents: 123456, note: "appel", month: "2026-03-01", active: false, at: "2026-06-10T15:05:00.000Z" },
    );
    expect(rows.map((r) => r.field)).toEqual(["paidCents", "active", "at", "note", "month"]);
    expect(rows[0]).toEqual({ field: "paidCents", before: "200,00\u00a0€", after: "1\u202f234,56\u00a0€", changed: true });
    expect(rows[1]).toMatchObject({ before: "oui", after: "non" });
    expect(rows[2]).toMatchObject({ before: "—", after: "10/06/2026 à 17:05" });
    expect(rows[4]).toMatchObject({ before: "01/03/2026", after: "01/03/2026", changed: false });
  });

  it("handles creations, deletions, scalars and nested values", () => {
    expect(auditDiff(null, { name: "Léa" })).toEqual([{ field: "name", before: "—", after: "Léa", changed: true }]);
    expect(auditDiff({ name: "Léa" }, undefined)[0]).toMatchObject({ before: "Léa", after: "—", changed: true });
    expect(auditDiff(3, 4)[0]).toMatchObject({ field: "valeur", before: "3", after: "4" });
    expect(formatAuditValue("x", { a: 1 })).toBe('{"a":1}');
    expect(formatAuditValue("rate", 1.5)).toBe("1,5");
    expect(formatAuditValue("balanceCents", -5)).toBe("-0,05\u00a0€");
  });
});

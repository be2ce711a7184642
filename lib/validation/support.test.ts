import { describe, expect, it } from "vitest";
import { agreementSchema, parseBillingPeriod } from "./billing";
import { aidRequestSchema, diagnosticSchema, supportWeekSchema } from "./support";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]));

describe("support and billing forms refuse hostile input in French", () => {
  it("wrong shapes, huge strings, far dates and negative amounts", () => {
    expect(messages(diagnosticSchema.safeParse({ caseId: "c", kind: "FLASH", doneOn: "20260-01-01", resources: "abc", rent: "-5", analysis: "x".repeat(1_000_000) }))).toEqual({
      doneOn: "La date du diagnostic : date invalide.",
      resources: "Montants invalides.",
      rent: "Le loyer : montant invalide (ex. 1 234,56).",
      analysis: "L'analyse ne doit pas dépasser 4000 caractères.",
    });
    expect(messages(supportWeekSchema.safeParse({ caseId: "c", periodId: "p", weekOf: "2026-11-02", actions: "<script>alert(1)</script>".repeat(200) }))).toEqual({
      actions: "Ce qui a été fait ne doit pas dépasser 2000 caractères.",
    });
    expect(messages(aidRequestSchema.safeParse({ caseId: "c", kind: "FSL'; DROP TABLE", status: "TO_DO" }))).toEqual({ kind: "Choisissez le type de démarche." });
    expect(messages(agreementSchema.safeParse({ teamId: "t", funderName: "F", periodStart: "2026-01-01", periodEnd: "2026-12-31", advanceShare: "60", maxSupportWeeks: "8", rates: "abc" }))).toEqual({
      rates: "Tarifs invalides.",
    });
    expect(messages(agreementSchema.safeParse({ teamId: "t", funderName: "F", periodStart: "2026-01-01", periodEnd: "2026-12-31", advanceShare: "60", maxSupportWeeks: "8", rates: { SUPPORT_WEEK: 5 } }))).toEqual({
      "rates.SUPPORT_WEEK": "Tarif invalide.",
    });
  });

  it("keeps only filled sources, as integer cents", () => {
    const d = diagnosticSchema.parse({ caseId: "c", kind: "FLASH", doneOn: "2026-11-02", resources: { salary: "1 234,56", rsa: "", unknown: "99" }, charges: {} });
    expect(d.resources).toEqual({ salary: 123_456 });
    expect(d.charges).toEqual({});
  });

  it("the billing period from the page's address", () => {
    expect(parseBillingPeriod({ du: "2026-01-01", au: "2026-06-30" })).toMatchObject({ ok: true });
    expect(parseBillingPeriod({ du: "01/01/2026", au: "" })).toEqual({ ok: false, fieldErrors: { du: ["Le début de la période : date invalide."], au: ["La fin de la période est obligatoire."] } });
  });
});

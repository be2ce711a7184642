import { describe, expect, it } from "vitest";
import { parseCalendarDate, toIsoDay } from "@/lib/utils/dates";
import { computeProcedure } from "./compute-procedure";
import { procedureDeadlines } from "./deadline-list";
import { earliestAssignation, earliestExpulsion } from "./deadlines";
import { procedureFacts } from "./facts";
import { jexCasePending, jexDecisionInForce, jexDelayEnd } from "./jex";

/**
 * Issue 13's acceptance cases, computed by hand from the articles:
 * CPCE L412-1 (2 months after the CQL), L412-3 and L412-4 (JEX delays of 1 to
 * 12 months, renewable, running as the decision sets them, alongside the 2
 * months), L412-6 (winter truce, 1 Nov–31 Mar → 1 April), CPC 641-642 (a delay
 * expires at the end of its last day; the act is possible from the next day),
 * loi 89-462 art. 24 I (6 weeks after the commandement de payer).
 */

const d = (text: string) => parseCalendarDate(text)!;
const iso = (date: Date | undefined | null) => (date ? toIsoDay(date) : undefined);
// Every case below has its CQL referred to the préfet on the day it was served (L412-5).
const cql = (on: string) => ({ cqlOn: d(on), cqlReferredToPrefetOn: d(on) });

describe("earliest expulsion with a JEX delay (CPCE L412-1, L412-3, L412-4, L412-6; CPC 641-642)", () => {
  it("CQL 12/02/2025 + JEX until 20/03/2025 → the CQL's 2 months win: expulsion possible from 13/04/2025", () => {
    const jex = jexDelayEnd({ decidedOn: d("2025-02-25"), until: d("2025-03-20") });
    expect(jex).toEqual({ ok: true, endsOn: d("2025-03-20"), months: null });
    const e = earliestExpulsion({ ...cql("2025-02-12"), jexDecisions: [{ decidedOn: d("2025-02-25"), endsOn: d("2025-03-20") }] });
    expect(iso(e.cql.endsOn)).toBe("2025-04-12");
    expect(iso(e.expiresOn)).toBe("2025-04-12");
    expect(iso(e.date)).toBe("2025-04-13");
    expect(e.bindingRuleId).toBe("cql-delay");
  });

  it("CQL 03/03/2025 + JEX of 3 months decided on 20/06/2025 → the delay ends 20/09/2025, expulsion possible from 21/09/2025", () => {
    const jex = jexDelayEnd({ decidedOn: d("2025-06-20"), months: 3 });
    expect(jex.ok && iso(jex.endsOn)).toBe("2025-09-20");
    const e = earliestExpulsion({ ...cql("2025-03-03"), jexDecisions: [{ decidedOn: d("2025-06-20"), endsOn: d("2025-09-20") }] });
    expect(iso(e.jexEndsOn)).toBe("2025-09-20");
    expect(iso(e.expiresOn)).toBe("2025-09-20");
    expect(iso(e.date)).toBe("2025-09-21");
    expect(e.bindingRuleId).toBe("jex-delay");
    // Not "3 August 2025" (3 months added to the 2 months' end): the error issue 13 reported.
    expect(iso(e.date)).not.toBe("2025-08-03");
  });

  it("CQL 03/06/2025 + JEX of 3 months decided on 15/09/2025 → ends 15/12/2025, in the truce: possible from 01/04/2026", () => {
    const e = earliestExpulsion({ ...cql("2025-06-03"), jexDecisions: [{ decidedOn: d("2025-09-15"), endsOn: d("2025-12-15") }] });
    expect(iso(e.expiresOn)).toBe("2025-12-15");
    expect(iso(e.beforeTruce)).toBe("2025-12-16");
    expect(iso(e.date)).toBe("2026-04-01");
    expect(e.movedByTruce).toBe(true);
    expect(e.bindingRuleId).toBe("winter-truce");
    expect(e.expiringRuleId).toBe("jex-delay");
  });

  it("two successive JEX decisions: the latest one is in force, whether it extends or shortens (L412-3, renewable)", () => {
    const first = { decidedOn: d("2025-04-10"), endsOn: d("2025-07-10") };
    const renewal = { decidedOn: d("2025-07-01"), endsOn: d("2025-10-01") };
    expect(jexDecisionInForce([first, renewal])).toBe(renewal);
    expect(jexDecisionInForce([renewal, first])).toBe(renewal);
    const extended = earliestExpulsion({ ...cql("2025-03-03"), jexDecisions: [first, renewal] });
    expect(iso(extended.date)).toBe("2025-10-02");
    // An appeal decision that cuts the delay short: the later decision still counts.
    const shortened = earliestExpulsion({ ...cql("2025-03-03"), jexDecisions: [first, { decidedOn: d("2025-06-01"), endsOn: d("2025-06-15") }] });
    expect(iso(shortened.date)).toBe("2025-06-16");
  });

  it("the stored deadline and the case page agree, from the acts as recorded (months or end date)", () => {
    const facts = procedureFacts({
      events: [
        { stage: "COMMANDEMENT_QUITTER_LIEUX", date: d("2025-03-03"), delayMonths: null },
        { stage: "CQL_REFERRED_TO_PREFET", date: d("2025-03-03"), delayMonths: null },
        { stage: "JEX_DELAY", date: d("2025-06-20"), delayMonths: 3, delayEndsOn: d("2025-09-20") },
      ],
      leaseSignedOn: null,
      landlordKind: null,
      monthlyRentCents: null,
      debtCents: null,
      householdMet: true,
    });
    const stored = procedureDeadlines(facts).find((x) => x.kind === "EXPULSION_POSSIBLE")!;
    expect(iso(stored.on)).toBe("2025-09-21");
    expect(iso(stored.expiresOn)).toBe("2025-09-20");
    const page = computeProcedure(facts, { today: d("2025-07-01") });
    expect(iso(page.earliestExpulsionOn)).toBe("2025-09-21");
    expect(iso(page.expulsionDelayExpiresOn)).toBe("2025-09-20");
    expect(iso(page.jexDelayEndsOn)).toBe("2025-09-20");
    const message = page.alerts.find((a) => a.code === "EXPULSION_POSSIBLE_FROM")!.message;
    expect(message).toBe("Le délai accordé par le juge de l'exécution expire le 20 septembre 2025 ; expulsion possible à partir du 21 septembre 2025");
  });

  it("a legacy row with months only (before the migration) still gets its end from the decision", () => {
    const facts = procedureFacts({
      events: [{ stage: "JEX_DELAY", date: d("2025-06-20"), delayMonths: 3 }],
      leaseSignedOn: null, landlordKind: null, monthlyRentCents: null, debtCents: null, householdMet: true,
    });
    expect(facts.jexDecisions).toEqual([{ decidedOn: d("2025-06-20"), endsOn: d("2025-09-20") }]);
    expect(facts.jexDecisionsWithoutEnd).toBe(0);
  });
});

describe("a JEX decision without a usable end is refused (CPCE L412-4)", () => {
  it("needs exactly one of months (1 to 12) or an end date after the decision", () => {
    expect(jexDelayEnd({ decidedOn: d("2025-06-20") })).toEqual({ ok: false, reason: "MISSING" });
    expect(jexDelayEnd({ decidedOn: d("2025-06-20"), months: 3, until: d("2025-09-20") })).toEqual({ ok: false, reason: "BOTH" });
    expect(jexDelayEnd({ decidedOn: d("2025-06-20"), months: 13 })).toEqual({ ok: false, reason: "MONTHS_OUT_OF_RANGE" });
    expect(jexDelayEnd({ decidedOn: d("2025-06-20"), months: 0 })).toEqual({ ok: false, reason: "MONTHS_OUT_OF_RANGE" });
    expect(jexDelayEnd({ decidedOn: d("2025-06-20"), until: d("2025-06-20") })).toEqual({ ok: false, reason: "UNTIL_NOT_AFTER_DECISION" });
    // CPC 641: 31 January + 1 month ends on the last day of February.
    expect(jexDelayEnd({ decidedOn: d("2025-01-31"), months: 1 })).toEqual({ ok: true, endsOn: d("2025-02-28"), months: 1 });
  });
});

describe("the commandement de payer: expires vs possible from (loi 89-462 art. 24 I; CPC 641-642)", () => {
  it("CDP 17/02/2025 on a 2024 lease → the 6 weeks expire 31/03/2025, assignation possible from 01/04/2025", () => {
    const a = earliestAssignation({ commandementOn: d("2025-02-17"), leaseSignedOn: d("2024-05-01"), landlordKind: "PRIVATE_PERSON" });
    expect(iso(a.expiresOn)).toBe("2025-03-31");
    expect(iso(a.date)).toBe("2025-04-01");
    const facts = { commandementOn: d("2025-02-17"), leaseSignedOn: d("2024-05-01"), landlordKind: "PRIVATE_PERSON" as const };
    const page = computeProcedure(facts, { today: d("2025-03-01") });
    expect(page.nextStep?.label).toBe(
      "Le délai de 6 semaines du commandement de payer expire le 31 mars 2025 ; assignation possible à partir du 1er avril 2025",
    );
    expect(iso(page.nextStep?.expiresOn)).toBe("2025-03-31");
    expect(iso(page.nextStep?.earliestDate)).toBe("2025-04-01");
    const stored = procedureDeadlines(facts).find((x) => x.kind === "ASSIGNATION_POSSIBLE")!;
    expect([iso(stored.expiresOn), iso(stored.on)]).toEqual(["2025-03-31", "2025-04-01"]);
  });

  it("an assignation served on the delay's last day is premature", () => {
    const facts = { commandementOn: d("2025-02-17"), leaseSignedOn: d("2024-05-01"), landlordKind: "PRIVATE_PERSON" as const };
    const onLastDay = computeProcedure({ ...facts, assignationOn: d("2025-03-31") }, { today: d("2025-04-02") });
    expect(onLastDay.alerts.map((a) => a.code)).toContain("ASSIGNATION_BEFORE_COMMANDEMENT_DELAY");
    const nextDay = computeProcedure({ ...facts, assignationOn: d("2025-04-01") }, { today: d("2025-04-02") });
    expect(nextDay.alerts.map((a) => a.code)).not.toContain("ASSIGNATION_BEFORE_COMMANDEMENT_DELAY");
  });
});

describe("penal risk after the CQL's 2 months (Code pénal 315-2), for the jurist", () => {
  const base = { judgmentOn: d("2025-01-10"), ...cql("2025-03-03") };
  const codes = (facts: Parameters<typeof computeProcedure>[0], today: string) =>
    computeProcedure(facts, { today: d(today) }).alerts.filter((a) => a.ruleId === "penal-risk").map((a) => [a.code, a.audience]);

  it("is not shown during the CQL's 2 months", () => {
    expect(codes(base, "2025-05-03")).toEqual([]);
  });
  it("applies from the day after the 2 months, outside the truce", () => {
    expect(codes(base, "2025-05-04")).toEqual([["PENAL_RISK", "jurist"]]);
  });
  it("does not apply during the truce", () => {
    expect(codes(base, "2025-12-01")).toEqual([["PENAL_RISK_SUSPENDED", "jurist"]]);
  });
  it("does not apply while a JEX case is pending, and applies again once the JEX has decided", () => {
    expect(codes({ ...base, jexReferralOn: d("2025-04-20") }, "2025-06-01")).toEqual([["PENAL_RISK_SUSPENDED", "jurist"]]);
    expect(jexCasePending(d("2025-04-20"), [{ decidedOn: d("2025-05-15"), endsOn: d("2025-06-15") }])).toBe(false);
    expect(codes({ ...base, jexReferralOn: d("2025-04-20"), jexDecisions: [{ decidedOn: d("2025-05-15"), endsOn: d("2025-06-15") }] }, "2025-07-01")).toEqual([["PENAL_RISK", "jurist"]]);
  });
  it("is not shown once the household has been evicted", () => {
    expect(codes({ ...base, evictionOn: d("2025-06-01") }, "2025-07-01")).toEqual([]);
  });
});

describe("earlier acts of a case that reached the team at the assignation", () => {
  it("are 'non renseigné' (unknown), never 'à venir'", () => {
    const page = computeProcedure({ assignationOn: d("2025-05-02"), hearingOn: d("2025-09-10"), landlordKind: "PRIVATE_PERSON" }, { today: d("2025-06-01") });
    const status = (stage: string) => page.stages.find((s) => s.stage === stage)?.status;
    expect(status("COMMANDEMENT_DE_PAYER")).toBe("unknown");
    expect(status("CCAPEX_REFERRAL")).toBe("unknown");
    expect(status("ASSIGNATION")).toBe("done");
    expect(status("JUDGMENT")).toBe("expected");
  });
  it("a CQL on file without the judgment's signification: the signification is unknown", () => {
    const page = computeProcedure({ judgmentOn: d("2025-01-10"), ...cql("2025-03-03") }, { today: d("2025-04-01") });
    expect(page.stages.find((s) => s.stage === "JUDGMENT_SERVED")?.status).toBe("unknown");
    expect(page.stages.find((s) => s.stage === "FORCE_PUBLIQUE_REQUEST")?.status).toBe("expected");
  });
});

describe("stored deadlines in words, for 'À faire' and the caseload (CPC 641-642)", () => {
  it("says both dates for an act held back by a delay, one for a plain deadline", async () => {
    const { storedDeadlineSentence } = await import("./wording");
    expect(storedDeadlineSentence({ kind: "ASSIGNATION_POSSIBLE", on: d("2025-04-01"), expiresOn: d("2025-03-31"), ruleId: "commandement-delay" }, "Assignation possible", d("2025-03-01"))).toBe(
      "Le délai du commandement de payer expire le 31 mars 2025 ; assignation possible à partir du 1er avril 2025",
    );
    expect(storedDeadlineSentence({ kind: "EXPULSION_POSSIBLE", on: d("2026-04-01"), expiresOn: d("2025-12-15") }, "Expulsion possible", d("2025-10-01"))).toBe(
      "Le délai expire le 15 décembre 2025 ; expulsion possible à partir du 1er avril 2026 (trêve hivernale)",
    );
    expect(storedDeadlineSentence({ kind: "HEARING", on: d("2025-05-12"), expiresOn: null }, "Audience")).toBe("Audience : 12 mai 2025");
  });
});

import { describe, expect, it } from "vitest";
import { parseCalendarDate, toIsoDay } from "@/lib/utils/dates";
import { computeProcedure, type ProcedureFacts } from "./compute-procedure";
import { nextDeadline, procedureDeadlines, type ProcedureDeadline } from "./deadline-list";
import { procedureFacts } from "./facts";

const d = (iso: string) => {
  const day = parseCalendarDate(iso);
  if (!day) throw new Error(`bad date ${iso}`);
  return day;
};
const list = (facts: ProcedureFacts) => procedureDeadlines(facts).map((x) => [x.kind, toIsoDay(x.on), x.ruleId]);

describe("procedureDeadlines: the dated deadlines of a procedure, from the acts on file only", () => {
  it("nothing on file, nothing due", () => {
    expect(procedureDeadlines({})).toEqual([]);
  });

  it("a commandement: the assignation possible the day after the delay expires, 6 weeks for a lease signed from 29 July 2023, 2 months before (CPC 642)", () => {
    expect(list({ commandementOn: d("2026-10-01"), leaseSignedOn: d("2023-07-29") })).toEqual([
      ["ASSIGNATION_POSSIBLE", "2026-11-13", "commandement-delay"],
    ]);
    expect(toIsoDay(procedureDeadlines({ commandementOn: d("2026-10-01"), leaseSignedOn: d("2023-07-29") })[0]!.expiresOn!)).toBe("2026-11-12");
    expect(list({ commandementOn: d("2026-10-01"), leaseSignedOn: d("2023-07-28") })).toEqual([
      ["ASSIGNATION_POSSIBLE", "2026-12-02", "commandement-delay"],
    ]);
  });

  it("a legal-person landlord's CCAPEX referral may push the earliest assignation back", () => {
    expect(
      list({ commandementOn: d("2026-10-01"), leaseSignedOn: d("2024-01-01"), landlordKind: "LEGAL_PERSON", ccapexReferralOn: d("2026-10-20") }),
    ).toEqual([["ASSIGNATION_POSSIBLE", "2026-12-21", "ccapex-legal-person-delay"]]);
  });

  it("an assignation with a hearing and no notification: the notification's last day (6 weeks before) and the hearing", () => {
    expect(list({ commandementOn: d("2026-08-01"), assignationOn: d("2026-10-01"), hearingOn: d("2027-01-15") })).toEqual([
      ["PREFET_NOTIFICATION_LATEST", "2026-12-04", "prefet-notification-delay"],
      ["HEARING", "2027-01-15", "hearing-countdown"],
    ]);
  });

  it("the notification on file removes its deadline; the assignation on file removes the earliest assignation", () => {
    expect(
      list({ commandementOn: d("2026-08-01"), assignationOn: d("2026-10-01"), prefetNotificationOn: d("2026-10-02"), hearingOn: d("2027-01-15") }),
    ).toEqual([["HEARING", "2027-01-15", "hearing-countdown"]]);
  });

  it("the DSF: the interview to offer within 15 working days of the referral, the DSF to send 5 working days before the hearing", () => {
    const facts: ProcedureFacts = { assignationOn: d("2026-10-01"), prefetNotificationOn: d("2026-10-02"), dsfReferralOn: d("2026-10-05"), hearingOn: d("2027-01-15") };
    expect(list(facts)).toEqual([
      ["DSF_INTERVIEW_OFFER_LATEST", "2026-10-26", "dsf-interview-offer"],
      ["DSF_TRANSMISSION_LATEST", "2027-01-08", "dsf-transmission"],
      ["HEARING", "2027-01-15", "hearing-countdown"],
    ]);
    // Offered: only the transmission remains; done: nothing DSF.
    expect(list({ ...facts, dsfInterviewOfferedOn: d("2026-10-10") }).map((x) => x[0])).toEqual(["DSF_TRANSMISSION_LATEST", "HEARING"]);
    expect(list({ ...facts, dsfInterviewOfferedOn: d("2026-10-10"), dsfCompletedOn: d("2026-12-01") }).map((x) => x[0])).toEqual(["HEARING"]);
  });

  it("the DSF deadlines agree with the case page's engine", () => {
    const facts: ProcedureFacts = { assignationOn: d("2026-10-01"), dsfReferralOn: d("2026-10-05"), hearingOn: d("2027-01-15") };
    const page = computeProcedure(facts, { today: d("2026-10-06") });
    const byKind = new Map(procedureDeadlines(facts).map((x) => [x.kind, toIsoDay(x.on)]));
    expect(byKind.get("DSF_INTERVIEW_OFFER_LATEST")).toBe(toIsoDay(page.dsfInterviewDeadlineOn!));
    expect(byKind.get("PREFET_NOTIFICATION_LATEST")).toBe(toIsoDay(page.latestNotificationDate!));
  });

  it("after the judgment the hearing is no longer due, unless a later hearing was set (postponement)", () => {
    const judged: ProcedureFacts = { assignationOn: d("2026-06-01"), hearingOn: d("2026-09-10"), judgmentOn: d("2026-09-10") };
    expect(list(judged)).toEqual([]);
    expect(list({ ...judged, hearingOn: d("2026-12-03") })).toEqual([
      ["PREFET_NOTIFICATION_LATEST", "2026-10-22", "prefet-notification-delay"],
      ["HEARING", "2026-12-03", "hearing-countdown"],
    ]);
  });

  it("a judgment served: the end of the appeal delay (next working day) and the CQL possible at once with provisional enforcement", () => {
    // Served on Friday 2 October 2026: one month is Monday 2 November 2026.
    expect(list({ judgmentOn: d("2026-09-15"), judgmentServedOn: d("2026-10-02") })).toEqual([
      ["CQL_POSSIBLE", "2026-10-02", "appeal-delay"],
      ["APPEAL_DELAY_END", "2026-11-02", "appeal-delay"],
    ]);
    // Without it, the CQL is possible the day after the appeal delay's last day.
    expect(procedureDeadlines({ judgmentOn: d("2026-09-15"), judgmentServedOn: d("2026-10-02") }, { provisionalEnforcement: false }).map((x) => [x.kind, toIsoDay(x.on)])).toEqual([
      ["APPEAL_DELAY_END", "2026-11-02"],
      ["CQL_POSSIBLE", "2026-11-03"],
    ]);
  });

  it("a CQL served on 2025-09-15 and referred the same day: expulsion possible from 1 April 2026 (winter truce)", () => {
    expect(list({ judgmentServedOn: d("2025-06-02"), cqlOn: d("2025-09-15"), cqlReferredToPrefetOn: d("2025-09-15") })).toEqual([
      ["APPEAL_DELAY_END", "2025-07-02", "appeal-delay"],
      ["EXPULSION_POSSIBLE", "2026-04-01", "winter-truce"],
    ]);
  });

  it("a JEX delay, running from its decision alongside the 2 months, moves the earliest expulsion (L412-3, L412-4)", () => {
    const [e] = procedureDeadlines({ cqlOn: d("2026-04-10"), cqlReferredToPrefetOn: d("2026-04-10"), jexDecisions: [{ decidedOn: d("2026-05-01"), endsOn: d("2026-08-01") }] });
    expect(e).toMatchObject({ kind: "EXPULSION_POSSIBLE", ruleId: "jex-delay" });
    expect(toIsoDay(e!.expiresOn!)).toBe("2026-08-01");
    expect(toIsoDay(e!.on)).toBe("2026-08-02");
  });

  it("a request for the concours: two months of silence are a refusal; none once granted", () => {
    const facts: ProcedureFacts = { cqlOn: d("2026-04-10"), cqlReferredToPrefetOn: d("2026-04-10"), forcePubliqueRequestOn: d("2026-06-15") };
    expect(list(facts)).toContainEqual(["CFP_IMPLICIT_REFUSAL", "2026-08-15", "cfp-prefet-silence"]);
    expect(list({ ...facts, forcePubliqueGrantedOn: d("2026-07-01") }).map((x) => x[0])).toEqual(["EXPULSION_POSSIBLE"]);
  });

  it("an expulsion carried out ends every deadline after the judgment", () => {
    expect(list({ judgmentServedOn: d("2026-01-05"), cqlOn: d("2026-04-10"), forcePubliqueRequestOn: d("2026-06-15"), evictionOn: d("2026-07-01") })).toEqual([]);
  });

  it("returns the deadlines sorted by date", () => {
    const out = procedureDeadlines({ commandementOn: d("2026-08-01"), assignationOn: d("2026-10-01"), dsfReferralOn: d("2026-10-05"), hearingOn: d("2027-01-15") });
    const days = out.map((x) => x.on.getTime());
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });
});

describe("nextDeadline", () => {
  const deadlines: ProcedureDeadline[] = [
    { kind: "PREFET_NOTIFICATION_LATEST", on: d("2026-12-04"), ruleId: "prefet-notification-delay" },
    { kind: "HEARING", on: d("2027-01-15"), ruleId: "hearing-countdown" },
  ];
  it("is the first on or after today", () => {
    expect(nextDeadline(deadlines, d("2026-11-26"))?.kind).toBe("PREFET_NOTIFICATION_LATEST");
    expect(nextDeadline(deadlines, d("2026-12-04"))?.kind).toBe("PREFET_NOTIFICATION_LATEST");
    expect(nextDeadline(deadlines, d("2026-12-05"))?.kind).toBe("HEARING");
    expect(nextDeadline(deadlines, d("2027-01-16"))).toBeNull();
    expect(nextDeadline([], d("2026-11-26"))).toBeNull();
  });
});

describe("procedureFacts", () => {
  it("takes the latest date of each stage and maps the DSF referral and interview offer", () => {
    const facts = procedureFacts({
      events: [
        { stage: "HEARING", date: d("2026-09-10"), delayMonths: null },
        { stage: "HEARING", date: d("2026-12-03"), delayMonths: null },
        { stage: "DSF_REFERRAL", date: d("2026-10-05"), delayMonths: null },
        { stage: "DSF_INTERVIEW_OFFER", date: d("2026-10-09"), delayMonths: null },
        { stage: "JEX_DELAY", date: d("2026-05-01"), delayMonths: 3 },
      ],
      leaseSignedOn: null,
      landlordKind: "PRIVATE_PERSON",
      monthlyRentCents: 60_000,
      debtCents: 250_000,
      householdMet: true,
    });
    expect(toIsoDay(facts.hearingOn!)).toBe("2026-12-03");
    expect(toIsoDay(facts.dsfReferralOn!)).toBe("2026-10-05");
    expect(toIsoDay(facts.dsfInterviewOfferedOn!)).toBe("2026-10-09");
    expect(facts.jexDecisions).toEqual([{ decidedOn: d("2026-05-01"), endsOn: d("2026-08-01") }]);
    expect(facts.landlordKind).toBe("PRIVATE_PERSON");
  });
});

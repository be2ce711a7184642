import { describe, expect, it } from "vitest";

import type { CaseState, ClosureReason, OutreachKind } from "@/lib/domain/labels";

import {
  computeIndicatorsFromCases,
  endOfParisDay,
  fillMonths,
  median,
  stateAsOf,
  type IndicatorCase,
  type IndicatorOutreachEvent,
} from "./definitions";
import { indicatorFilterParams, parseIndicatorFilter, scopeTeams, type IndicatorScope } from "./filter";
import { closureCategories, formatPercent, percent, stageGroupOf } from "./stages";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let seq = 0;

function ev(kind: OutreachKind, at: string, toState: CaseState, extra: Partial<IndicatorOutreachEvent> = {}): IndicatorOutreachEvent {
  seq += 1;
  return { id: `e${String(seq).padStart(4, "0")}`, kind, occurredAt: new Date(at), createdAt: new Date(at), toState, closureReason: null, jointVisit: false, ...extra };
}

function kase(over: Partial<IndicatorCase> = {}): IndicatorCase {
  seq += 1;
  return {
    id: `c${seq}`,
    teamId: "A",
    sectorId: null,
    landlordId: null,
    landlordKind: null,
    openedOn: day("2025-01-10"),
    eligible: true,
    supported: false,
    firstContactOn: null,
    outreachEvents: [],
    procedureEvents: [],
    diagnostics: [],
    supportWeeks: [],
    ...over,
  };
}

const closedCase = (reason: ClosureReason, on: string, supportedOn: string | null = null, over: Partial<IndicatorCase> = {}) =>
  kase({
    supported: supportedOn !== null,
    firstContactOn: supportedOn ? day(supportedOn) : null,
    outreachEvents: [
      ev("LETTER_TENANT", "2025-01-12T09:00:00Z", "FIRST_LETTER_SENT"),
      ...(supportedOn ? [ev("HOUSEHOLD_CONTACT", `${supportedOn}T10:00:00Z`, "SUPPORTED")] : []),
      ev("CLOSURE", `${on}T10:00:00Z`, "CLOSED", { closureReason: reason }),
    ],
    ...over,
  });

const scope = (over: Partial<IndicatorScope> = {}): IndicatorScope => ({ from: null, to: day("2025-12-31"), teamIds: ["A"], sectorId: null, landlordKind: null, ...over });

describe("state as of the period's last day", () => {
  it("is the last event's state up to the end of that day in Paris, IDENTIFIED before any event", () => {
    const c = kase({
      outreachEvents: [
        ev("LETTER_TENANT", "2025-03-01T09:00:00Z", "FIRST_LETTER_SENT"),
        // 23:30 in Paris on 31 March (summer time, UTC+2): still 31 March.
        ev("VISIT", "2025-03-31T21:30:00Z", "VISIT_1_FAILED"),
        // 00:10 in Paris on 1 April.
        ev("VISIT", "2025-03-31T22:10:00Z", "VISIT_2_FAILED"),
      ],
    });
    expect(stateAsOf(c, day("2025-02-28")).state).toBe("IDENTIFIED");
    expect(stateAsOf(c, day("2025-03-31")).state).toBe("VISIT_1_FAILED");
    expect(stateAsOf(c, day("2025-04-01")).state).toBe("VISIT_2_FAILED");
  });

  it("knows a closure by its Paris day and reason, and a reopening after the period does not undo it", () => {
    const c = closedCase("DECLINED_TO_CONTINUE", "2025-06-02", "2025-02-01");
    const reopened = { ...c, outreachEvents: [...c.outreachEvents, ev("REOPENING", "2026-01-05T10:00:00Z", "SUPPORTED")] };
    expect(stateAsOf(reopened, day("2025-12-31"))).toEqual({ state: "CLOSED", closedOn: day("2025-06-02"), reason: "DECLINED_TO_CONTINUE" });
    expect(stateAsOf(reopened, day("2026-01-05")).state).toBe("SUPPORTED");
  });

  it("orders events at the same instant by recording time", () => {
    const at = "2025-05-05T08:00:00Z";
    const c = kase({
      outreachEvents: [
        { ...ev("HOUSEHOLD_CONTACT", at, "SUPPORTED"), createdAt: new Date("2025-05-05T08:01:00Z") },
        { ...ev("LETTER_TENANT", at, "FIRST_LETTER_SENT"), createdAt: new Date("2025-05-05T08:00:00Z") },
      ],
    });
    expect(stateAsOf(c, day("2025-05-05")).state).toBe("SUPPORTED");
  });

  it("ends a Paris day at 22:00 UTC in summer and 23:00 UTC in winter", () => {
    expect(endOfParisDay(day("2025-07-14")).toISOString()).toBe("2025-07-14T22:00:00.000Z");
    expect(endOfParisDay(day("2025-12-31")).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    // The night the clocks go forward (30 March 2025).
    expect(endOfParisDay(day("2025-03-29")).toISOString()).toBe("2025-03-29T23:00:00.000Z");
    expect(endOfParisDay(day("2025-03-30")).toISOString()).toBe("2025-03-30T22:00:00.000Z");
  });
});

describe("the period's caseload", () => {
  it("holds the cases opened by its end and not closed before its start; total = in progress + closed", () => {
    const cases = [
      kase({ openedOn: day("2025-01-05") }), // in progress, opened before
      kase({ openedOn: day("2025-08-01") }), // opened during
      kase({ openedOn: day("2026-02-01") }), // opened after: out
      closedCase("NO_CONTACT", "2025-03-01"), // closed before the period: out
      closedCase("NO_CONTACT", "2025-07-10"), // closed during
      closedCase("NO_CONTACT", "2026-01-15"), // closed after the period: in progress at its end
      kase({ teamId: "B" }), // another team: out
    ];
    const r = computeIndicatorsFromCases(cases, scope({ from: day("2025-07-01") }));
    expect(r.cases).toEqual({ total: 4, opened: 1, eligible: 4, inProgress: 3, closed: 1 });
    expect(r.inProgressByState.FIRST_LETTER_SENT).toBe(1);
    expect(r.inProgressByStage).toEqual({ FIRST_LETTER: 3, VISITS: 0, REMINDER: 0, SUPPORTED: 0 });
    expect(r.monthly.map((m) => `${m.month}:${m.opened}/${m.closed}`)).toEqual([
      "2025-07:0/1", "2025-08:1/0", "2025-09:0/0", "2025-10:0/0", "2025-11:0/0", "2025-12:0/0",
    ]);
  });

  it("filters by sector and landlord kind; a case without a lease has no landlord kind", () => {
    const cases = [
      kase({ sectorId: "nord", landlordId: "L1", landlordKind: "AGENCY" }),
      kase({ sectorId: "sud", landlordId: "L2", landlordKind: "PRIVATE_PERSON" }),
      kase({ sectorId: "nord" }),
    ];
    expect(computeIndicatorsFromCases(cases, scope({ sectorId: "nord" })).cases.total).toBe(2);
    expect(computeIndicatorsFromCases(cases, scope({ landlordKind: "AGENCY" })).cases.total).toBe(1);
    expect(computeIndicatorsFromCases(cases, scope({ teamIds: [] })).cases.total).toBe(0);
  });
});

describe("closures: detailed reasons and the funder's categories", () => {
  it("counts 'supported' and 'closure reason' as two dimensions (a supported household that left is in both)", () => {
    const cases = [
      closedCase("DECLINED_TO_CONTINUE", "2025-05-01", "2025-02-01"),
      closedCase("LEFT_DWELLING", "2025-05-01", "2025-02-01"), // supported, then left
      closedCase("NOT_AT_ADDRESS", "2025-05-01"),
      closedCase("NO_CONTACT", "2025-05-01"),
      closedCase("ALREADY_FOLLOWED", "2025-05-01"), // found already followed, never in contact with the team
    ];
    const r = computeIndicatorsFromCases(cases, scope());
    expect(r.cases.closed).toBe(5);
    expect(r.closureReasons).toMatchObject({ DECLINED_TO_CONTINUE: 1, LEFT_DWELLING: 1, NOT_AT_ADDRESS: 1, NO_CONTACT: 1, ALREADY_FOLLOWED: 1, DEBT_PAID_OFF: 0 });
    expect(r.closureCategories).toEqual({ TOOK_CONTACT: 2, LEFT_OR_NPAI: 2, NO_CONTACT: 2 });
    expect(r.supported).toEqual({ total: 2, inProgress: 0, closed: 2 });
  });

  it("is supported only once the contact happened by the period's end", () => {
    const c = kase({ supported: true, firstContactOn: day("2026-01-10"), outreachEvents: [ev("HOUSEHOLD_CONTACT", "2026-01-10T10:00:00Z", "SUPPORTED")] });
    expect(computeIndicatorsFromCases([c], scope()).supported.total).toBe(0);
    expect(computeIndicatorsFromCases([c], scope({ to: day("2026-01-10") })).supported).toEqual({ total: 1, inProgress: 1, closed: 0 });
  });

  it("reproduces the Essonne report's category shares to one decimal", () => {
    expect(percent(77, 292)).toBe(26.4);
    expect(percent(64, 292)).toBe(21.9);
    expect(percent(153, 292)).toBe(52.4);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(3, 0)).toBeNull();
    expect(formatPercent(26.4)).toBe("26,4\u00a0%");
    expect(formatPercent(50)).toBe("50,0\u00a0%");
    expect(closureCategories(true, "NOT_AT_ADDRESS")).toEqual(["TOOK_CONTACT", "LEFT_OR_NPAI"]);
    expect(closureCategories(false, "ALREADY_FOLLOWED")).toEqual(["NO_CONTACT"]);
    expect(stageGroupOf("IDENTIFIED")).toBe("FIRST_LETTER");
    expect(stageGroupOf("CLOSED")).toBeNull();
  });
});

describe("landlords, joint visits, hearings, first contact, acts", () => {
  it("counts landlords once; 'answered' only among those written to", () => {
    const letter = () => ev("LETTER_LANDLORD", "2025-02-01T09:00:00Z", "IDENTIFIED");
    const answer = (at = "2025-02-10T09:00:00Z") => ev("LANDLORD_CONTACT", at, "IDENTIFIED");
    const cases = [
      kase({ landlordId: "L1", outreachEvents: [letter()] }),
      kase({ landlordId: "L1", outreachEvents: [answer()] }), // same landlord, answered on another case
      kase({ landlordId: "L2", outreachEvents: [answer()] }), // called without being written to
      kase({ landlordId: "L3", outreachEvents: [letter(), answer("2026-02-01T09:00:00Z")] }), // answered after the period
    ];
    expect(computeIndicatorsFromCases(cases, scope()).landlords).toEqual({ concerned: 3, contacted: 2, answered: 1 });
  });

  it("counts a case once for joint visits, from a joint outreach visit or a joint diagnostic, by its state", () => {
    const cases = [
      kase({ outreachEvents: [ev("VISIT", "2025-02-01T18:00:00Z", "VISIT_1_FAILED", { jointVisit: true }), ev("VISIT", "2025-02-10T18:00:00Z", "VISIT_2_FAILED", { jointVisit: true })] }),
      closedCase("SUPPORT_COMPLETED", "2025-09-01", "2025-03-01", { diagnostics: [{ kind: "IN_DEPTH", doneOn: day("2025-03-10"), jointVisit: true }] }),
      kase({ diagnostics: [{ kind: "FLASH", doneOn: day("2026-03-10"), jointVisit: true }] }), // after the period
    ];
    expect(computeIndicatorsFromCases(cases, scope()).jointVisits).toEqual({ inProgress: 1, closed: 1 });
  });

  it("counts presence at hearings held by the period's end, with the jurist, and contact strictly before the first hearing", () => {
    const hearing = (date: string, householdPresent: boolean | null, juristPresent: boolean | null) => ({ stage: "HEARING" as const, date: day(date), householdPresent, juristPresent });
    const cases = [
      kase({ supported: true, firstContactOn: day("2025-03-01"), procedureEvents: [hearing("2025-04-01", true, true)] }),
      // Postponed: absent at the first hearing, present at the second without the jurist; contact on the first hearing's day.
      kase({ supported: true, firstContactOn: day("2025-04-01"), procedureEvents: [hearing("2025-04-01", false, false), hearing("2025-06-01", true, false)] }),
      kase({ procedureEvents: [hearing("2025-05-01", null, null)] }),
      kase({ procedureEvents: [hearing("2026-02-01", true, true)] }), // scheduled after the period
      kase({ procedureEvents: [{ stage: "ASSIGNATION", date: day("2025-02-01"), householdPresent: null, juristPresent: null }] }),
    ];
    expect(computeIndicatorsFromCases(cases, scope()).hearings).toEqual({ held: 3, householdPresent: 2, withJurist: 1, metBefore: 1 });
  });

  it("takes the median delay to first contact, halfway for an even count", () => {
    const contact = (opened: string, contactOn: string) => kase({ openedOn: day(opened), supported: true, firstContactOn: day(contactOn) });
    const cases = [contact("2025-01-01", "2025-01-05"), contact("2025-01-01", "2025-01-11"), contact("2025-02-01", "2025-02-08"), kase()];
    expect(computeIndicatorsFromCases(cases, scope()).firstContact).toEqual({ count: 3, medianDays: 7 });
    expect(computeIndicatorsFromCases(cases.slice(0, 2), scope()).firstContact.medianDays).toBe(7);
    expect(median([])).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it("counts diagnostics and support weeks done within the period", () => {
    const c = kase({
      diagnostics: [
        { kind: "FLASH", doneOn: day("2025-06-30"), jointVisit: false },
        { kind: "IN_DEPTH", doneOn: day("2025-07-01"), jointVisit: false },
        { kind: "IN_DEPTH", doneOn: day("2026-01-01"), jointVisit: false },
      ],
      supportWeeks: [day("2025-06-30"), day("2025-07-07"), day("2025-12-29"), day("2026-01-05")],
    });
    const r = computeIndicatorsFromCases([c, kase()], scope({ from: day("2025-07-01") }));
    expect(r.diagnostics).toEqual({ flash: 0, inDepth: 1 });
    expect(r.supportWeeks).toEqual({ weeks: 2, cases: 1 });
  });
});

describe("months and filters", () => {
  it("fills every month of the period, from the first month with a count when the period has no start", () => {
    expect(fillMonths(null, day("2025-03-15"), [{ month: "2024-12", opened: 2, closed: 0 }]).map((m) => m.month)).toEqual(["2024-12", "2025-01", "2025-02", "2025-03"]);
    expect(fillMonths(null, day("2025-03-15"), [])).toEqual([]);
    expect(fillMonths(day("2025-03-01"), day("2025-03-31"), [])).toEqual([{ month: "2025-03", opened: 0, closed: 0 }]);
  });

  it("reads the GET parameters with defaults and French messages, and writes them back", () => {
    const today = day("2026-06-30");
    expect(parseIndicatorFilter({}, today)).toEqual({ filter: { from: null, to: today, teamId: null, sectorId: null, landlordKind: null }, errors: {} });
    const p = parseIndicatorFilter({ du: "2025-01-01", au: "2025-06-30", equipe: "t1", secteur: "s1", bailleur: "AGENCY" }, today);
    expect(p.filter).toEqual({ from: day("2025-01-01"), to: day("2025-06-30"), teamId: "t1", sectorId: "s1", landlordKind: "AGENCY" });
    expect(indicatorFilterParams(p.filter).toString()).toBe("du=2025-01-01&au=2025-06-30&equipe=t1&secteur=s1&bailleur=AGENCY");
    const bad = parseIndicatorFilter({ du: "2025-02-30", au: "demain", bailleur: "DROP TABLE" }, today);
    expect(bad.filter).toMatchObject({ from: null, to: today, landlordKind: null });
    expect(bad.errors).toEqual({ from: "Date de début invalide : elle est ignorée.", to: "Date de fin invalide : la date du jour est utilisée." });
    expect(parseIndicatorFilter({ du: "2025-07-01", au: "2025-06-30" }, today).errors.from).toMatch(/après la date de fin/);
  });

  it("keeps the chosen team only when the actor belongs to it", () => {
    expect(scopeTeams(["a", "b"], null)).toEqual(["a", "b"]);
    expect(scopeTeams(["a", "b"], "b")).toEqual(["b"]);
    expect(scopeTeams(["a"], "z")).toEqual([]);
  });
});

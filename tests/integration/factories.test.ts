// The factories: each state and stage produces exactly the history expected,
// deterministically, and the rows they write satisfy the app's conventions.
import { beforeAll, describe, expect, it } from "vitest";

import { buildSearchText } from "@/lib/domain/search-text";
import type { OutreachKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/password";
import { addDays, addMonths, calendarDate, daysBetween, inWinterTruce, parisDayOf } from "@/tests/factories/calendar";
import { caseAtState, planCaseAtState, type CaseAtStateOptions } from "@/tests/factories/case-at-state";
import { outreachProblems, procedureProblems } from "@/tests/factories/history-checks";
import { createHousehold } from "@/tests/factories/household";
import { createLandlord } from "@/tests/factories/landlord";
import { createRng, mulberry32 } from "@/tests/factories/random";
import { createTeam, type TeamWithSectors } from "@/tests/factories/team";
import { createUser, TEST_PASSWORD } from "@/tests/factories/user";

const NOW = new Date("2026-03-16T09:30:00Z");
const TODAY = parisDayOf(NOW);
const OPENED = addDays(TODAY, -200);

let team: TeamWithSectors;
let workerId: string;

beforeAll(async () => {
  team = await createTeam(db, { name: "Équipe factories", sectors: ["Nord"] });
  workerId = (await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id })).id;
});

async function build(opts: Omit<CaseAtStateOptions, "teamId" | "openedOn" | "now"> & { openedOn?: Date }) {
  const c = await caseAtState(db, { teamId: team.id, openedOn: OPENED, now: NOW, assignedWorkerId: workerId, rng: createRng(1), ...opts });
  const lease = await db.lease.findUniqueOrThrow({ where: { id: c.leaseId! }, include: { landlord: true } });
  const problems = [
    ...outreachProblems(c, c.outreachEvents, NOW),
    ...procedureProblems(c, c.procedureEvents, { today: TODAY, leaseSignedOn: lease.signedOn, landlordKind: lease.landlord.kind }),
  ];
  return { c, kinds: c.outreachEvents.map((e) => e.kind), problems };
}

describe("random", () => {
  it("mulberry32 repeats for a seed and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(values[0]);
    const rng = createRng(5);
    const ints = Array.from({ length: 500 }, () => rng.int(2, 4));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
  });

  it("plans the same case twice from the same seed (ids apart)", () => {
    const strip = (value: unknown) => JSON.stringify(value).replace(/"c[0-9a-z]{24}"/g, '"<id>"');
    const plan = () => planCaseAtState({ teamId: "team", state: "CLOSED", closureReason: "DECLINED_TO_CONTINUE", stage: "HEARING", openedOn: OPENED, now: NOW, rng: createRng(9) });
    expect(strip(plan())).toEqual(strip(plan()));
  });
});

describe("caseAtState: outreach history by state", () => {
  const L = ["LETTER_TENANT", "LETTER_LANDLORD"] as const;
  const cases: Array<[string, Partial<CaseAtStateOptions>, OutreachKind[]]> = [
    ["IDENTIFIED", { state: "IDENTIFIED" }, []],
    ["FIRST_LETTER_SENT", { state: "FIRST_LETTER_SENT" }, [...L]],
    ["VISIT_1_FAILED", { state: "VISIT_1_FAILED" }, [...L, "VISIT"]],
    ["VISIT_2_FAILED", { state: "VISIT_2_FAILED" }, [...L, "VISIT", "VISIT"]],
    ["REMINDER_SENT", { state: "REMINDER_SENT" }, [...L, "VISIT", "VISIT", "REMINDER"]],
    ["SUPPORTED after the letters", { state: "SUPPORTED", contactAfter: "FIRST_LETTER_SENT" }, [...L, "HOUSEHOLD_CONTACT"]],
    ["SUPPORTED after the reminder", { state: "SUPPORTED", contactAfter: "REMINDER_SENT" }, [...L, "VISIT", "VISIT", "REMINDER", "HOUSEHOLD_CONTACT"]],
    ["CLOSED, no contact", { state: "CLOSED", closureReason: "NO_CONTACT" }, [...L, "VISIT", "VISIT", "REMINDER", "CLOSURE"]],
    ["CLOSED, not at the address", { state: "CLOSED", closureReason: "NOT_AT_ADDRESS" }, [...L, "VISIT", "CLOSURE"]],
    ["CLOSED, left the dwelling", { state: "CLOSED", closureReason: "LEFT_DWELLING" }, [...L, "VISIT", "CLOSURE"]],
    ["CLOSED after support", { state: "CLOSED", closureReason: "DECLINED_TO_CONTINUE", contactAfter: "VISIT_1_FAILED" }, [...L, "VISIT", "HOUSEHOLD_CONTACT", "CLOSURE"]],
  ];

  it.each(cases)("%s", async (_label, opts, expected) => {
    const { c, kinds, problems } = await build({ state: "IDENTIFIED", ...opts });
    expect(problems).toEqual([]);
    expect(kinds).toEqual(expected);
    expect(c.state).toBe(opts.state);
  });

  it("leaves a notice on failed visits and sends the reminder 15 days after the second", async () => {
    const { c } = await build({ state: "REMINDER_SENT" });
    const visits = c.outreachEvents.filter((e) => e.kind === "VISIT");
    expect(visits.map((v) => [v.visitOutcome, v.noticeLeft])).toEqual([["ABSENT", true], ["ABSENT", true]]);
    const reminder = c.outreachEvents.find((e) => e.kind === "REMINDER")!;
    expect(daysBetween(parisDayOf(visits[1]!.occurredAt), parisDayOf(reminder.occurredAt))).toBe(15);
    expect(reminder.dueOn).toEqual(addDays(parisDayOf(visits[1]!.occurredAt), 15));
    expect(c.outreachEvents.every((e) => e.createdById === workerId)).toBe(true);
  });

  it("records the NPAI visit and the closure fields", async () => {
    const { c } = await build({ state: "CLOSED", closureReason: "NOT_AT_ADDRESS" });
    expect(c.outreachEvents.find((e) => e.kind === "VISIT")).toMatchObject({ visitOutcome: "NOT_AT_ADDRESS", noticeLeft: false });
    expect(c).toMatchObject({ closureReason: "NOT_AT_ADDRESS", supported: false, firstContactOn: null });
    expect(c.closedOn).toEqual(parisDayOf(c.outreachEvents.at(-1)!.occurredAt));
  });

  it("marks supported cases and writes their support", async () => {
    const { c } = await build({ state: "SUPPORTED", diagnostic: "IN_DEPTH", supportWeeks: 3 });
    expect(c.supported).toBe(true);
    const periods = await db.supportPeriod.findMany({ where: { caseId: c.id }, include: { weeks: true } });
    expect(periods).toHaveLength(1);
    expect(periods[0]!.weeks).toHaveLength(3);
    expect(await db.diagnostic.count({ where: { caseId: c.id, kind: "IN_DEPTH" } })).toBe(1);
  });

  it("keeps a landlord's call-back out of the state chain", async () => {
    const { kinds, problems } = await build({ state: "VISIT_2_FAILED", landlordContact: true });
    expect(problems).toEqual([]);
    expect(kinds.filter((k) => k !== "LANDLORD_CONTACT")).toEqual(["LETTER_TENANT", "LETTER_LANDLORD", "VISIT", "VISIT"]);
    expect(kinds).toContain("LANDLORD_CONTACT");
  });

  it("refuses inconsistent requests with a clear message", () => {
    const base = { teamId: team.id, openedOn: OPENED, now: NOW, rng: createRng(1) };
    expect(() => planCaseAtState({ ...base, state: "CLOSED" })).toThrow(/closureReason/);
    expect(() => planCaseAtState({ ...base, state: "SUPPORTED", closureReason: "NO_CONTACT" })).toThrow(/CLOSED/);
    expect(() => planCaseAtState({ ...base, state: "CLOSED", closureReason: "NO_CONTACT", closedFrom: "SUPPORTED" })).toThrow(/NO_CONTACT/);
    expect(() => planCaseAtState({ ...base, state: "REMINDER_SENT", openedOn: addDays(TODAY, -10) })).toThrow(/needs at least \d+ days/);
    expect(() => planCaseAtState({ ...base, state: "IDENTIFIED", openedOn: addDays(TODAY, 1) })).toThrow(/after today/);
  });

  it("fits the history into a short window by shortening the gaps", async () => {
    const { problems } = await build({ state: "REMINDER_SENT", openedOn: addDays(TODAY, -25) });
    expect(problems).toEqual([]);
  });
});

describe("caseAtState: procedure history by stage", () => {
  it("ASSIGNATION: commandement, referral, assignation, préfet notified ≥ 42 days before the scheduled hearing", async () => {
    const hearingOn = addDays(TODAY, 30);
    const { c, problems } = await build({ state: "FIRST_LETTER_SENT", stage: "ASSIGNATION", hearingOn, openedOn: addDays(TODAY, -20) });
    expect(problems).toEqual([]);
    expect(c.procedureEvents.map((e) => e.stage)).toEqual(["COMMANDEMENT_DE_PAYER", "CCAPEX_REFERRAL", "ASSIGNATION", "PREFET_NOTIFICATION", "HEARING"]);
    expect(c).toMatchObject({ stage: "ASSIGNATION", hearingOn, source: "PREFECTURE_LIST" });
    const notified = c.procedureEvents.find((e) => e.stage === "PREFET_NOTIFICATION")!;
    expect(daysBetween(notified.date, hearingOn)).toBeGreaterThanOrEqual(42);
    expect(c.procedureRef).toMatch(/^RG \d{2}\/\d{5}$/);
  });

  it("COMMANDEMENT_DE_PAYER: no hearing yet", async () => {
    const { c, problems } = await build({ state: "IDENTIFIED", stage: "COMMANDEMENT_DE_PAYER", openedOn: addDays(TODAY, -5) });
    expect(problems).toEqual([]);
    expect(c).toMatchObject({ stage: "COMMANDEMENT_DE_PAYER", hearingOn: null, source: "CCAPEX" });
    expect(c.procedureEvents[0]!.stage).toBe("COMMANDEMENT_DE_PAYER");
  });

  it("HEARING: held in the past, attendance recorded", async () => {
    const { c, problems } = await build({ state: "SUPPORTED", stage: "HEARING", householdPresent: true, juristPresent: true });
    expect(problems).toEqual([]);
    const hearing = c.procedureEvents.find((e) => e.stage === "HEARING")!;
    expect(hearing.date.getTime()).toBeLessThanOrEqual(TODAY.getTime());
    expect(hearing).toMatchObject({ householdPresent: true, juristPresent: true });
    expect(c.hearingOn).toEqual(hearing.date);
  });

  it("EVICTION: every stage in order, after the delays, outside the winter truce", async () => {
    const { c, problems } = await build({ state: "CLOSED", closureReason: "LEFT_DWELLING", stage: "EVICTION", openedOn: addDays(TODAY, -500) });
    expect(problems).toEqual([]);
    const at = (stage: string) => c.procedureEvents.find((e) => e.stage === stage)!.date;
    expect(c.procedureEvents.find((e) => e.stage === "JUDGMENT")!.decision).toBe("LEASE_TERMINATED");
    expect(at("FORCE_PUBLIQUE_REQUEST").getTime()).toBeGreaterThanOrEqual(addMonths(at("COMMANDEMENT_QUITTER_LIEUX"), 2).getTime());
    expect(inWinterTruce(at("EVICTION"))).toBe(false);
    expect(at("EVICTION").getTime()).toBeLessThanOrEqual(TODAY.getTime());
  });

  it("keeps 2 months between commandement and assignation for a lease signed before 29 July 2023", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const c = await caseAtState(db, {
        teamId: team.id, state: "IDENTIFIED", stage: "ASSIGNATION", openedOn: addDays(TODAY, -3), now: NOW,
        leaseSignedOn: calendarDate(2023, 7, 28), rng: createRng(seed),
      });
      const date = (stage: string) => c.procedureEvents.find((e) => e.stage === stage)!.date;
      expect(date("ASSIGNATION").getTime()).toBeGreaterThanOrEqual(addMonths(date("COMMANDEMENT_DE_PAYER"), 2).getTime());
    }
  });

  it("refuses a past hearing before the HEARING stage", () => {
    expect(() =>
      planCaseAtState({ teamId: team.id, state: "IDENTIFIED", stage: "ASSIGNATION", hearingOn: addDays(TODAY, -1), openedOn: OPENED, now: NOW, rng: createRng(1) }),
    ).toThrow(/past/);
  });
});

describe("households, landlords, users", () => {
  it("maintains searchText and sortName over all occupants", async () => {
    const household = await createHousehold(db, {
      teamId: team.id,
      occupants: [
        { firstName: "Élodie", lastName: "Müller", role: "TENANT" },
        { firstName: "Noël", lastName: "Lefèvre", role: "CO_TENANT" },
      ],
      addressLine: "12 rue Émile-Zola",
      town: { city: "Évry-Courcouronnes", postcode: "91000", sector: "Centre", court: "x" },
    });
    expect(household.searchText).toBe("elodie muller noel lefevre 12 rue emile zola 91000 evry courcouronnes");
    expect(household.sortName).toBe("muller elodie");
    expect(household.occupants.map((o) => o.position)).toEqual([0, 1]);
  });

  it("writes a landlord's searchText from its name and city", async () => {
    const landlord = await createLandlord(db, { teamId: team.id, kind: "AGENCY", name: "Régie Saint-Éloi", rng: createRng(3) });
    expect(landlord.searchText).toBe(buildSearchText(["Régie Saint-Éloi", landlord.city]));
    expect(landlord.searchText).toMatch(/^regie saint eloi /);
  });

  it("creates a user with a working argon2id password and team membership", async () => {
    const user = await createUser(db, { role: "JURIST", teamId: team.id, email: "Juriste.Factory@Test.Maintien.fr" });
    expect(user.email).toBe("juriste.factory@test.maintien.fr");
    expect(await verifyPassword(user.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await db.teamMembership.count({ where: { userId: user.id, teamId: team.id } })).toBe(1);
  });
});

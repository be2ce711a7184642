import { beforeAll, describe, expect, it } from "vitest";
import { computeIndicatorsFromCases, type IndicatorCase, type Indicators } from "@/lib/domain/indicators/definitions";
import type { IndicatorFilter, IndicatorScope } from "@/lib/domain/indicators/filter";
import type { ClosureReason, LandlordKind } from "@/lib/domain/labels";
import type { Actor } from "@/lib/domain/roles";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { computeIndicators, indicatorScope, listIndicatorCases } from "@/lib/server/queries/indicators";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { outreachEventSchema } from "@/lib/validation/outreach";
import { addDays, calendarDate, toIsoDate } from "../factories/calendar";
import { insertCasePlans, planCaseAtState, type CaseAtStateOptions, type CasePlan } from "../factories/case-at-state";
import { planLandlord, type LandlordRow } from "../factories/landlord";
import type { SequenceState } from "../factories/outreach-history";
import type { PrincipalStage } from "../factories/procedure-history";
import { createRng, type Rng } from "../factories/random";
import { createTeam, type TeamWithSectors } from "../factories/team";
import { createUser } from "../factories/user";

/**
 * The SQL (lib/server/queries/indicators.ts) against the reference definition
 * (lib/domain/indicators/definitions.ts) on a generated caseload: every
 * indicator, for several periods and slices, must be the same number. The
 * cases are read back from the database as plain records, so the definition
 * sees exactly what the SQL saw.
 */

const NOW = new Date("2026-06-30T10:00:00Z");
const TODAY = calendarDate(2026, 6, 30);
const KINDS: readonly LandlordKind[] = ["PRIVATE_PERSON", "AGENCY", "LEGAL_PERSON", "FAMILY_SCI"];
const STAGES: ReadonlyArray<PrincipalStage | null> = [null, "COMMANDEMENT_DE_PAYER", "ASSIGNATION", "ASSIGNATION", "HEARING", "HEARING", "JUDGMENT"];
const OUTREACH: readonly SequenceState[] = ["IDENTIFIED", "FIRST_LETTER_SENT", "VISIT_1_FAILED", "VISIT_2_FAILED", "REMINDER_SENT"];

/** A case's state, closure reason and path, drawn to cover every state and reason. */
function drawOutcome(rng: Rng): Pick<CaseAtStateOptions, "state" | "closureReason" | "closedFrom" | "contactAfter"> {
  const roll = rng.next();
  if (roll < 0.3) return { state: rng.pick(OUTREACH) };
  if (roll < 0.45) return { state: "SUPPORTED", contactAfter: rng.pick(["FIRST_LETTER_SENT", "VISIT_1_FAILED", "REMINDER_SENT"] as const) };
  const reason: ClosureReason = rng.pick([
    "ALREADY_FOLLOWED", "SUPPORT_COMPLETED", "REFERRED_TO_MDS", "DEBT_PAID_OFF", "DECLINED_TO_CONTINUE",
    "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT", "NO_CONTACT", "DECLINED_TO_CONTINUE",
  ] as const);
  if (reason === "ALREADY_FOLLOWED" && rng.chance(0.5)) return { state: "CLOSED", closureReason: reason, closedFrom: "FIRST_LETTER_SENT" };
  // A supported household that left: counted supported AND left-or-NPAI.
  if ((reason === "LEFT_DWELLING" || reason === "NOT_AT_ADDRESS") && rng.chance(0.3)) return { state: "CLOSED", closureReason: reason, closedFrom: "SUPPORTED" };
  return { state: "CLOSED", closureReason: reason };
}

function planTeamCaseload(team: TeamWithSectors, count: number, rng: Rng): { landlords: LandlordRow[]; plans: CasePlan[] } {
  const landlords = KINDS.flatMap((kind) => [planLandlord({ teamId: team.id, kind, rng: rng.fork() }), planLandlord({ teamId: team.id, kind, rng: rng.fork() })]);
  const plans: CasePlan[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = drawOutcome(rng);
    // Recent cases only at the first steps, so that every history fits before today.
    const recent = outcome.state === "IDENTIFIED" || outcome.state === "FIRST_LETTER_SENT";
    const openedOn = addDays(calendarDate(2025, 1, 2), rng.int(0, recent ? 540 : 420));
    const shared = rng.chance(0.5);
    plans.push(
      planCaseAtState({
        teamId: team.id,
        ...outcome,
        openedOn,
        now: NOW,
        stage: rng.pick(STAGES),
        landlordId: shared ? rng.pick(landlords).id : undefined,
        landlordKind: rng.pick(KINDS),
        landlordContact: outcome.state !== "IDENTIFIED" && rng.chance(0.25),
        sectorId: team.sectors.length && rng.chance(0.85) ? rng.pick(team.sectors).id : null,
        eligible: rng.chance(0.9),
        rng: rng.fork(),
      }),
    );
  }
  return { landlords, plans };
}

/** Every case of the database as the definitions read it. */
async function readCases(): Promise<IndicatorCase[]> {
  const rows = await db.case.findMany({
    select: {
      id: true,
      teamId: true,
      sectorId: true,
      openedOn: true,
      eligible: true,
      supported: true,
      firstContactOn: true,
      lease: { select: { landlordId: true, landlord: { select: { kind: true } } } },
      outreachEvents: { select: { id: true, kind: true, occurredAt: true, createdAt: true, toState: true, closureReason: true, jointVisit: true } },
      procedureEvents: { select: { stage: true, date: true, householdPresent: true, juristPresent: true } },
      diagnostics: { select: { kind: true, doneOn: true, jointVisit: true } },
      supportPeriods: { select: { weeks: { select: { weekOf: true } } } },
    },
  });
  return rows.map(({ lease, supportPeriods, ...c }) => ({
    ...c,
    landlordId: lease?.landlordId ?? null,
    landlordKind: lease?.landlord.kind ?? null,
    supportWeeks: supportPeriods.flatMap((p) => p.weeks.map((w) => w.weekOf)),
  }));
}

let teamA: TeamWithSectors;
let teamB: TeamWithSectors;
let coordinator: Actor;
let funder: Actor;
let bothTeams: Actor;
let reopenedCaseId: string;

const filter = (f: Partial<IndicatorFilter> = {}): IndicatorFilter => ({ from: null, to: TODAY, teamId: null, sectorId: null, landlordKind: null, ...f });

async function expectSqlMatchesDefinition(actor: Actor, f: IndicatorFilter): Promise<Indicators> {
  const scope: IndicatorScope = indicatorScope(actor, f);
  const [sql, cases] = await Promise.all([computeIndicators(db, actor, f), readCases()]);
  expect(sql).toEqual(computeIndicatorsFromCases(cases, scope));
  return sql;
}

describe("indicators computed in SQL", () => {
  beforeAll(async () => {
    teamA = await createTeam(db, { name: "Équipe mobile Essonne", sectors: ["Nord", "Centre", "Sud"] });
    teamB = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62", sectors: ["Lens"] });
    const rng = createRng(20260630);
    for (const [team, count] of [[teamA, 220], [teamB, 60]] as const) {
      const { landlords, plans } = planTeamCaseload(team, count, rng.fork());
      await db.landlord.createMany({ data: landlords });
      await insertCasePlans(db, plans);
    }
    const actor = async (role: Actor["role"], teamIds: string[]): Promise<Actor> => {
      const u = await createUser(db, { role, teamIds });
      return { id: u.id, role: u.role, teamIds };
    };
    coordinator = await actor("COORDINATOR", [teamA.id]);
    funder = await actor("FUNDER_VIEWER", [teamA.id]);
    bothTeams = await actor("COORDINATOR", [teamA.id, teamB.id]);

    // One closed case reopened through the service, today (after every period
    // below but the future one): closed as of 30 June 2026, supported since.
    const closed = await db.case.findFirstOrThrow({
      where: { teamId: teamA.id, state: "CLOSED", supported: true, closedOn: { lt: calendarDate(2026, 1, 1) } },
      select: { id: true, version: true },
    });
    reopenedCaseId = closed.id;
    const realNow = new Date();
    const input = outreachEventSchema.parse({
      kind: "REOPENING", caseId: closed.id, version: String(closed.version), day: toIsoDate(calendarDate(realNow.getUTCFullYear(), realNow.getUTCMonth() + 1, realNow.getUTCDate())),
      time: "00:00", reason: "Clôturé par erreur",
    });
    await recordOutreachEvent(db, coordinator, input, realNow);
  }, 240_000);

  it("covers a varied caseload (every open state and closure reason, hearings, joint visits, landlords)", async () => {
    const all = computeIndicatorsFromCases(await readCases(), indicatorScope(coordinator, filter({ to: calendarDate(2030, 1, 1) })));
    for (const [state, n] of Object.entries(all.inProgressByState)) expect(n, state).toBeGreaterThan(0);
    for (const [reason, n] of Object.entries(all.closureReasons)) expect(n, reason).toBeGreaterThan(0);
    expect(all.hearings.householdPresent).toBeGreaterThan(0);
    expect(all.hearings.withJurist).toBeGreaterThan(0);
    expect(all.hearings.metBefore).toBeGreaterThan(0);
    expect(all.jointVisits.inProgress + all.jointVisits.closed).toBeGreaterThan(0);
    expect(all.landlords.answered).toBeGreaterThan(0);
    expect(all.landlords.contacted).toBeLessThan(all.landlords.concerned + 1);
    expect(all.diagnostics.flash + all.diagnostics.inDepth).toBeGreaterThan(0);
    expect(all.supportWeeks.weeks).toBeGreaterThan(0);
    // Supported households that left: the two dimensions overlap.
    const c = all.closureCategories;
    expect(c.TOOK_CONTACT + c.LEFT_OR_NPAI + c.NO_CONTACT).toBeGreaterThan(all.cases.closed);
  });

  it("gives the definition's numbers since the first case, up to a day in the past (state read from the history)", async () => {
    const r = await expectSqlMatchesDefinition(coordinator, filter());
    expect(r.cases.total).toBeGreaterThan(150);
    expect(r.cases.total).toBe(r.cases.inProgress + r.cases.closed);
    expect(r.cases.opened).toBe(r.cases.total);
    expect(r.monthly[0]?.month).toBe("2025-01");
    expect(r.monthly.at(-1)?.month).toBe("2026-06");
    expect(r.monthly.reduce((n, m) => n + m.closed, 0)).toBe(r.cases.closed);
  });

  it("gives the definition's numbers for a past half-year: cases closed before it are out, later events ignored", async () => {
    const f = filter({ from: calendarDate(2025, 7, 1), to: calendarDate(2025, 12, 31) });
    const r = await expectSqlMatchesDefinition(coordinator, f);
    const all = await computeIndicators(db, coordinator, filter({ to: calendarDate(2025, 12, 31) }));
    expect(r.cases.total).toBeLessThan(all.cases.total);
    expect(r.cases.opened).toBeLessThan(r.cases.total);
    expect(r.monthly.map((m) => m.month)).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
  });

  it("reads the current columns when nothing changed after the period (a period ending in the future)", async () => {
    const f = filter({ from: calendarDate(2025, 1, 1), to: calendarDate(2030, 12, 31) });
    const r = await expectSqlMatchesDefinition(coordinator, f);
    const states = await db.case.groupBy({ by: ["state"], where: { teamId: teamA.id }, _count: { _all: true } });
    const current = Object.fromEntries(states.map((s) => [s.state, s._count._all])) as Partial<Record<CaseState, number>>;
    expect(r.cases.closed).toBe(current.CLOSED);
    expect(r.inProgressByState.SUPPORTED).toBe(current.SUPPORTED);
  });

  it("counts the reopened case as closed as of the past, supported in progress after its reopening", async () => {
    const cases = await readCases();
    const one = cases.filter((c) => c.id === reopenedCaseId);
    const past = computeIndicatorsFromCases(one, indicatorScope(coordinator, filter()));
    const later = computeIndicatorsFromCases(one, indicatorScope(coordinator, filter({ to: calendarDate(2030, 1, 1) })));
    expect([past.cases.closed, past.inProgressByStage.SUPPORTED]).toEqual([1, 0]);
    expect([later.cases.closed, later.inProgressByStage.SUPPORTED]).toEqual([0, 1]);
  });

  it("filters by sector and by landlord kind the same way as the definition", async () => {
    const period = { from: calendarDate(2025, 4, 1), to: calendarDate(2026, 3, 31) };
    const sector = await expectSqlMatchesDefinition(coordinator, filter({ ...period, sectorId: teamA.sectors[0]!.id }));
    const agency = await expectSqlMatchesDefinition(coordinator, filter({ landlordKind: "AGENCY" }));
    const whole = await computeIndicators(db, coordinator, filter(period));
    expect(sector.cases.total).toBeGreaterThan(0);
    expect(sector.cases.total).toBeLessThan(whole.cases.total);
    expect(agency.cases.total).toBeGreaterThan(0);
    expect(agency.landlords.concerned).toBeLessThanOrEqual(2 + agency.cases.total);
    const social = await computeIndicators(db, coordinator, filter({ landlordKind: "SOCIAL" }));
    expect(social.cases.total).toBe(0);
  });

  it("never counts another team's cases", async () => {
    const own = await expectSqlMatchesDefinition(coordinator, filter());
    const teamACount = await db.case.count({ where: { teamId: teamA.id } });
    expect(own.cases.total).toBe(teamACount);
    // Asking for the other team by its id gives nothing.
    const other = await computeIndicators(db, coordinator, filter({ teamId: teamB.id }));
    expect(other.cases.total).toBe(0);
    expect(other.landlords.concerned).toBe(0);
    // Another team's sector through the URL: nothing either.
    const sector = await computeIndicators(db, coordinator, filter({ sectorId: teamB.sectors[0]!.id }));
    expect(sector.cases.total).toBe(0);
    // A member of both teams sees both, or one when she picks it.
    const both = await expectSqlMatchesDefinition(bothTeams, filter());
    expect(both.cases.total).toBe(await db.case.count());
    const onlyB = await expectSqlMatchesDefinition(bothTeams, filter({ teamId: teamB.id }));
    expect(onlyB.cases.total).toBe(await db.case.count({ where: { teamId: teamB.id } }));
  });

  it("lets the funder viewer see the aggregates, never the case list; refuses casework roles", async () => {
    const forFunder = await computeIndicators(db, funder, filter());
    expect(forFunder).toEqual(await computeIndicators(db, coordinator, filter()));
    await expect(listIndicatorCases(db, funder, filter())).rejects.toThrow(/introuvable/);
    const worker = await createUser(db, { role: "SOCIAL_WORKER", teamId: teamA.id });
    await expect(computeIndicators(db, { id: worker.id, role: "SOCIAL_WORKER", teamIds: [teamA.id] }, filter())).rejects.toThrow(/introuvable/);
  });

  it("lists the period's cases with the same states and closures as the indicators", async () => {
    const f = filter({ from: calendarDate(2025, 7, 1), to: calendarDate(2025, 12, 31) });
    const [rows, r] = await Promise.all([listIndicatorCases(db, coordinator, f), computeIndicators(db, coordinator, f)]);
    expect(rows).toHaveLength(r.cases.total);
    expect(rows.filter((x) => x.state === "CLOSED")).toHaveLength(r.cases.closed);
    expect(rows.filter((x) => x.supported)).toHaveLength(r.supported.total);
    expect(rows.filter((x) => x.closureReason === "NO_CONTACT")).toHaveLength(r.closureReasons.NO_CONTACT);
    expect(new Set(rows.map((x) => x.teamName))).toEqual(new Set([teamA.name]));
    expect(Object.keys(rows[0]!).sort()).toEqual(
      ["closedOn", "closureReason", "eligible", "firstContactOn", "hearingOn", "landlordKind", "number", "openedOn", "procedureStage", "sectorName", "source", "state", "supported", "teamName"].sort(),
    );
  });
});

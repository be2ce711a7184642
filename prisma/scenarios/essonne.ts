/**
 * The Essonne 18-month report ("bilan final", shared/domain/indicators.md) as
 * a caseload: `npm run seed -- --scenario essonne` creates, in its own team
 * "Équipe mobile Essonne — bilan 18 mois", the 425 cases whose outcomes are the
 * report's figures, each with the history the factories build (letters,
 * visits, reminder, contact, support, closure, procedure acts), so that the
 * dashboard computes the report from the data (issue 6, item 5).
 *
 * - Idempotent: nothing is written when the team exists.
 * - Deterministic: a seeded PRNG and a fixed `now` (30 June 2026, the end of
 *   the 18 months from 1 January 2025) unless one is given; ids apart.
 * - The figures are exact where the report is exact (the detailed closure
 *   reasons sum to 292) and counted from the data where it rounds (27 % /
 *   21 % / 52 % are 26.4 / 21.9 / 52.4 % here: two supported households left).
 *
 * Choices that keep every reasonable definition of an indicator on the same
 * number (see docs/decisions/011-essonne-scenario-and-bench.md):
 * - no in-progress case at IDENTIFIED or at a visit step: 29 + 73 + 31 = 133;
 * - a case with a joint visit has exactly ONE joint VISIT event, and no
 *   diagnostic is flagged joint: cases and visits count the same;
 * - each household has one lease, one case and at most one hearing.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, ClosureReason, LandlordKind } from "@/lib/generated/prisma/enums";
import { addDays, addMonths, calendarDate, daysBetween, parisDayOf, toIsoDate } from "@/tests/factories/calendar";
import { insertCasePlans, planCaseAtState, type CasePlan } from "@/tests/factories/case-at-state";
import type { Db } from "@/tests/factories/db";
import { createFunderAgreement } from "@/tests/factories/funder-agreement";
import { LANDLORD_NAMES, landlordName, planLandlord, type LandlordRow } from "@/tests/factories/landlord";
import type { SequenceState } from "@/tests/factories/outreach-history";
import { ESSONNE_TOWNS } from "@/tests/factories/places";
import type { PrincipalStage } from "@/tests/factories/procedure-history";
import { createRng, type Rng } from "@/tests/factories/random";
import { createOrganisation, createTeam, demoContact, type TeamWithSectors } from "@/tests/factories/team";
import { createUser } from "@/tests/factories/user";

export const ESSONNE_TEAM_NAME = "Équipe mobile Essonne — bilan 18 mois";
const SEED = 180_425;

/** 30 June 2026 at noon in Paris: the report's date, 18 months after 1 January 2025. */
export const ESSONNE_DEFAULT_NOW = new Date("2026-06-30T12:00:00+02:00");

export const ESSONNE_ACCOUNTS = [
  { email: "bilan.essonne@demo.maintien.fr", name: "Claire Vasseur", role: "COORDINATOR", organisation: "association" },
  { email: "juriste.bilan@demo.maintien.fr", name: "Samir Haddad", role: "JURIST", organisation: "adil" },
  { email: "travail.social.bilan@demo.maintien.fr", name: "Inès Carpentier", role: "SOCIAL_WORKER", organisation: "association" },
] as const;

/**
 * The report's figures, as the scenario produces them: what
 * tests/integration/essonne-scenario.test.ts checks with plain counts and what
 * the dashboard must show for the period.
 */
export const ESSONNE_FIGURES = {
  cases: 425,
  supported: 108,
  inProgress: 133,
  inProgressByState: { FIRST_LETTER_SENT: 29, REMINDER_SENT: 73, SUPPORTED: 31 } as Partial<Record<CaseState, number>>,
  inProgressJointVisits: 14,
  closed: 292,
  closedSupported: 77,
  closedJointVisits: 15,
  closureReasons: {
    ALREADY_FOLLOWED: 1,
    SUPPORT_COMPLETED: 1,
    REFERRED_TO_MDS: 8,
    DEBT_PAID_OFF: 10,
    DECLINED_TO_CONTINUE: 55,
    LEFT_DWELLING: 15,
    NOT_AT_ADDRESS: 49,
    NO_CONTACT: 153,
  } satisfies Record<ClosureReason, number>,
  /** Supported households among the "left or NPAI" closures (the report's 77 + 64 + 153 = 294). */
  supportedAndLeft: 2,
  /** Landlords sent a letter, and those who answered (LANDLORD_CONTACT): 42 / 401 = 10.5 % (42 / 425 cases = 9.9 %). */
  landlords: 401,
  landlordsWhoAnswered: 42,
  presentAtHearing: 16,
  presentWithJurist: 8,
} as const;

/** The 18 months of the report ending on `now`'s day: the first of the month 17 months earlier to today. */
export function essonnePeriod(now: Date): { from: Date; to: Date } {
  const today = parisDayOf(now);
  const month = calendarDate(today.getUTCFullYear(), today.getUTCMonth() + 1, 1);
  return { from: addMonths(month, -17), to: today };
}

// ───────────────────────────── The cases

/** One case of the report: its outcome and how the household got there. */
export interface Spec {
  state: CaseState;
  closureReason?: ClosureReason;
  contactAfter?: SequenceState;
  closedFrom?: SequenceState | "SUPPORTED";
}

const times = (count: number, spec: Spec): Spec[] => Array.from({ length: count }, () => spec);

/** When the household took contact, for `count` supported cases: about half after the letters. */
function contacts(count: number, rest: Omit<Spec, "contactAfter">): Spec[] {
  const afterVisit1 = Math.round(count * 0.28);
  const afterVisit2 = Math.round(count * 0.13);
  const afterReminder = Math.round(count * 0.13);
  const afterLetter = count - afterVisit1 - afterVisit2 - afterReminder;
  return [
    ...times(afterLetter, { ...rest, contactAfter: "FIRST_LETTER_SENT" }),
    ...times(afterVisit1, { ...rest, contactAfter: "VISIT_1_FAILED" }),
    ...times(afterVisit2, { ...rest, contactAfter: "VISIT_2_FAILED" }),
    ...times(afterReminder, { ...rest, contactAfter: "REMINDER_SENT" }),
  ];
}

const closedAfterSupport = (reason: ClosureReason, count: number) =>
  contacts(count, { state: "CLOSED", closureReason: reason, closedFrom: "SUPPORTED" });

/** The 425 cases of the report, by outcome. */
export function essonneSpecs(): Spec[] {
  return [
    // In progress: 133.
    ...times(29, { state: "FIRST_LETTER_SENT" }),
    ...times(73, { state: "REMINDER_SENT" }),
    ...contacts(31, { state: "SUPPORTED" }),
    // Closed after support ("took contact"): 75, plus 2 supported households that left.
    ...closedAfterSupport("ALREADY_FOLLOWED", 1),
    ...closedAfterSupport("SUPPORT_COMPLETED", 1),
    ...closedAfterSupport("REFERRED_TO_MDS", 8),
    ...closedAfterSupport("DEBT_PAID_OFF", 10),
    ...closedAfterSupport("DECLINED_TO_CONTINUE", 55),
    ...closedAfterSupport("LEFT_DWELLING", 2),
    // Left or not at the address, found by a visit (or learnt after the reminder): 13 + 49.
    ...times(8, { state: "CLOSED", closureReason: "LEFT_DWELLING", closedFrom: "VISIT_1_FAILED" }),
    ...times(3, { state: "CLOSED", closureReason: "LEFT_DWELLING", closedFrom: "VISIT_2_FAILED" }),
    ...times(2, { state: "CLOSED", closureReason: "LEFT_DWELLING", closedFrom: "REMINDER_SENT" }),
    ...times(30, { state: "CLOSED", closureReason: "NOT_AT_ADDRESS", closedFrom: "VISIT_1_FAILED" }),
    ...times(12, { state: "CLOSED", closureReason: "NOT_AT_ADDRESS", closedFrom: "VISIT_2_FAILED" }),
    ...times(7, { state: "CLOSED", closureReason: "NOT_AT_ADDRESS", closedFrom: "REMINDER_SENT" }),
    // Never took contact: the whole sequence, then closure.
    ...times(153, { state: "CLOSED", closureReason: "NO_CONTACT", closedFrom: "REMINDER_SENT" }),
  ];
}

export const isSupported = (s: Spec) => s.state === "SUPPORTED" || s.closedFrom === "SUPPORTED";

/** Outreach visits the case's history has (0, 1 or 2). */
function visitCount(s: Spec): number {
  const reached = s.state === "SUPPORTED" || s.closedFrom === "SUPPORTED" ? s.contactAfter : s.state === "CLOSED" ? s.closedFrom : s.state;
  switch (reached) {
    case "VISIT_1_FAILED":
      return 1;
    case "VISIT_2_FAILED":
    case "REMINDER_SENT":
      return 2;
    default:
      return 0;
  }
}

/** Days before today the case was opened, by outcome: in-progress cases are the recent ones. */
export function openedDaysAgo(s: Spec, rng: Rng, windowDays: number): number {
  switch (s.state) {
    case "FIRST_LETTER_SENT":
      return rng.int(3, 14);
    case "REMINDER_SENT":
      return rng.int(35, 200);
    case "SUPPORTED":
      return rng.int(s.contactAfter === "FIRST_LETTER_SENT" ? 12 : 40, 240);
    default: {
      // Closed cases: spread over the 18 months, old enough for the history to unfold.
      const min = s.closedFrom === "SUPPORTED" || s.closedFrom === "REMINDER_SENT" ? 75 : 30;
      return rng.int(min, windowDays);
    }
  }
}

/** The procedure stage reached, from the time since the préfecture's list (mostly assignations). */
export function stageFor(s: Spec, daysAgo: number, rng: Rng): PrincipalStage {
  // A few households come from the CCAPEX at the commandement de payer.
  if (rng.chance(0.07)) return "COMMANDEMENT_DE_PAYER";
  if (daysAgo < 45) return "ASSIGNATION";
  if (daysAgo < 110) return "HEARING";
  const roll = rng.next();
  if (!isSupported(s) && daysAgo >= 230 && roll < 0.12) return "COMMANDEMENT_QUITTER_LIEUX";
  if (daysAgo >= 140 && roll < 0.3) return "JUDGMENT_SERVED";
  return roll < 0.78 ? "JUDGMENT" : "HEARING";
}

export const HELD: ReadonlyArray<PrincipalStage> = ["HEARING", "JUDGMENT", "JUDGMENT_SERVED", "COMMANDEMENT_QUITTER_LIEUX"];

// ───────────────────────────── Landlords

/** Landlords that manage several of the households (agencies, companies); the others have one each. */
const SHARED_LANDLORDS: ReadonlyArray<{ kind: LandlordKind; cases: number }> = [
  ...Array.from({ length: 6 }, () => ({ kind: "AGENCY" as const, cases: 4 })),
  { kind: "LEGAL_PERSON", cases: 3 },
  { kind: "LEGAL_PERSON", cases: 3 },
  { kind: "LEGAL_PERSON", cases: 2 },
  { kind: "LEGAL_PERSON", cases: 2 },
];

function planLandlordRows(rng: Rng, teamId: string, singles: number): { shared: LandlordRow[]; single: LandlordRow[] } {
  const used = new Set<string>();
  const named = (kind: LandlordKind, listed?: string) => {
    let name = listed ?? landlordName(rng, kind);
    // Private persons may share a name; a few draws keep the list readable.
    for (let i = 0; used.has(name) && i < 20; i++) name = landlordName(rng, kind);
    used.add(name);
    return planLandlord({ teamId, kind, name, town: rng.pick(ESSONNE_TOWNS), rng });
  };
  const counters: Partial<Record<LandlordKind, number>> = {};
  const shared = SHARED_LANDLORDS.map(({ kind }) => {
    const i = (counters[kind] = (counters[kind] ?? -1) + 1);
    const list = kind === "AGENCY" || kind === "LEGAL_PERSON" ? LANDLORD_NAMES[kind] : [];
    return named(kind, list[i]);
  });
  const single = Array.from({ length: singles }, (_, i) => named(i % 6 === 5 ? "FAMILY_SCI" : "PRIVATE_PERSON"));
  return { shared, single };
}

// ───────────────────────────── Planning

export interface EssonneUsers {
  coordinatorId: string;
  juristId: string;
  workerId: string;
}

export interface EssonnePlan {
  landlords: LandlordRow[];
  cases: CasePlan[];
}

/**
 * The scenario's rows, without writing them. Pure but for the ids: the same
 * `now` gives the same caseload.
 */
export function planEssonne(team: Pick<TeamWithSectors, "id" | "sectors">, users: EssonneUsers, now: Date): EssonnePlan {
  const rng = createRng(SEED);
  const today = parisDayOf(now);
  const period = essonnePeriod(now);
  const windowDays = daysBetween(period.from, today);
  const specs = essonneSpecs();

  // Landlords: 34 households with 10 shared landlords, the others one landlord each.
  const sharedCases = SHARED_LANDLORDS.reduce((sum, l) => sum + l.cases, 0);
  const { shared, single } = planLandlordRows(rng.fork(), team.id, specs.length - sharedCases);
  const landlordOf = rng.shuffle([...SHARED_LANDLORDS.flatMap((l, i) => Array.from({ length: l.cases }, () => shared[i] as LandlordRow)), ...single]);

  // Who answered the letter (one case each, landlords with a single household), who went
  // to the hearing, which visits were joint: drawn once the cases' shapes are known.
  const draws = rng.fork();
  const shapes = specs.map((spec, index) => {
    const caseRng = rng.fork();
    const daysAgo = openedDaysAgo(spec, caseRng, windowDays);
    const stage = stageFor(spec, daysAgo, caseRng);
    return { spec, index, caseRng, daysAgo, stage };
  });
  const pick = <T>(items: T[], count: number, what: string): Set<T> => {
    if (items.length < count) throw new Error(`Essonne scenario: only ${items.length} cases can have ${what}, ${count} needed`);
    return new Set(draws.shuffle(items).slice(0, count));
  };

  const singleIds = new Set(single.map((l) => l.id));
  const answered = pick(shapes.filter((s) => singleIds.has((landlordOf[s.index] as LandlordRow).id)), ESSONNE_FIGURES.landlordsWhoAnswered, "a landlord who answered");
  const present = [...pick(shapes.filter((s) => isSupported(s.spec) && HELD.includes(s.stage)), ESSONNE_FIGURES.presentAtHearing, "a hearing attended")];
  const withJurist = new Set(present.slice(0, ESSONNE_FIGURES.presentWithJurist));
  const presentSet = new Set(present);
  const open = shapes.filter((s) => s.spec.state !== "CLOSED" && visitCount(s.spec) > 0);
  const closed = shapes.filter((s) => s.spec.state === "CLOSED" && visitCount(s.spec) > 0);
  const joint = new Set([
    ...pick(open, ESSONNE_FIGURES.inProgressJointVisits, "a joint visit in progress"),
    ...pick(closed, ESSONNE_FIGURES.closedJointVisits, "a joint visit, closed"),
  ]);

  const sectorId = (name: string) => team.sectors.find((s) => s.name === name)?.id ?? null;
  const cases = shapes.map((shape) => {
    const { spec, caseRng, daysAgo, stage } = shape;
    const town = caseRng.pick(ESSONNE_TOWNS);
    const legal = stage !== "COMMANDEMENT_DE_PAYER";
    const held = HELD.includes(stage);
    const supported = isSupported(spec);
    const jurist = presentSet.has(shape) || (legal && (supported || caseRng.chance(0.4)));
    const plan = planCaseAtState({
      teamId: team.id,
      state: spec.state,
      closureReason: spec.closureReason,
      contactAfter: spec.contactAfter,
      closedFrom: spec.closedFrom,
      stage,
      openedOn: addDays(today, -daysAgo),
      now,
      landlordId: (landlordOf[shape.index] as LandlordRow).id,
      landlordContact: answered.has(shape),
      jointVisits: false,
      town,
      sectorId: sectorId(town.sector),
      assignedWorkerId: users.workerId,
      assignedJuristId: jurist ? users.juristId : null,
      createdById: users.coordinatorId,
      householdPresent: held ? presentSet.has(shape) : undefined,
      juristPresent: held ? withJurist.has(shape) : undefined,
      decision: stage === "JUDGMENT" && supported && caseRng.chance(0.6) ? "TERMINATION_SUSPENDED_WITH_PLAN" : undefined,
      dsf: legal && caseRng.chance(0.3),
      rng: caseRng,
    });
    // Exactly one joint visit (ADIL jurist + association) on the chosen cases; none in diagnostics.
    if (joint.has(shape)) {
      const visits = plan.outreachEvents.filter((e) => e.kind === "VISIT");
      (caseRng.pick(visits) as (typeof visits)[number]).jointVisit = true;
    }
    for (const d of plan.diagnostics) d.jointVisit = false;
    return plan;
  });

  return { landlords: [...shared, ...single], cases };
}

// ───────────────────────────── Seeding

export interface EssonneSeedResult {
  skipped: boolean;
  teamId: string;
  cases: number;
  period: { from: string; to: string };
  accounts: Array<{ email: string; role: string }>;
}

async function organisation(tx: Db, name: string, kind: "ADIL" | "ASSOCIATION" | "STATE") {
  return (await tx.organisation.findFirst({ where: { name, kind } })) ?? createOrganisation(tx, { name, kind });
}

/**
 * Writes the scenario with the given client (inside a transaction), or
 * nothing when its team exists.
 */
export async function seedEssonneInto(tx: Db, { now, password }: { now: Date; password: string }): Promise<EssonneSeedResult> {
  const period = essonnePeriod(now);
  const summary = { period: { from: toIsoDate(period.from), to: toIsoDate(period.to) }, accounts: ESSONNE_ACCOUNTS.map(({ email, role }) => ({ email, role })) };
  const existing = await tx.team.findFirst({ where: { name: ESSONNE_TEAM_NAME }, select: { id: true, _count: { select: { cases: true } } } });
  if (existing) return { skipped: true, teamId: existing.id, cases: existing._count.cases, ...summary };
  const taken = await tx.user.findFirst({ where: { email: { in: ESSONNE_ACCOUNTS.map((a) => a.email) } }, select: { email: true } });
  if (taken) throw new Error(`Scénario essonne : le compte ${taken.email} existe déjà sans l'équipe « ${ESSONNE_TEAM_NAME} ».`);

  const organisations = {
    adil: await organisation(tx, "ADIL de l'Essonne", "ADIL"),
    association: await organisation(tx, "Association Tout Azimut", "ASSOCIATION"),
  };
  const team = await createTeam(tx, {
    name: ESSONNE_TEAM_NAME,
    departement: "91",
    territory: "Essonne",
    sectors: ["Nord", "Centre", "Sud"],
    organisationIds: [organisations.adil.id, organisations.association.id],
    contact: demoContact("91"),
  });
  const ids: Record<string, string> = {};
  for (const account of ESSONNE_ACCOUNTS) {
    const user = await createUser(tx, {
      role: account.role,
      email: account.email,
      name: account.name,
      password,
      organisationId: organisations[account.organisation].id,
      teamId: team.id,
    });
    ids[account.role] = user.id;
  }

  const plan = planEssonne(team, { coordinatorId: ids.COORDINATOR!, juristId: ids.JURIST!, workerId: ids.SOCIAL_WORKER! }, now);
  await tx.landlord.createMany({ data: plan.landlords });
  // Case numbers in order of opening, as a team numbers its files.
  await insertCasePlans(tx, [...plan.cases].sort((a, b) => new Date(a.case.openedOn).getTime() - new Date(b.case.openedOn).getTime()));

  // The experiment's funding over its 18 months, with the Pas-de-Calais call's rates as data.
  const ddets = await organisation(tx, "DDETS de l'Essonne", "STATE");
  await createFunderAgreement(tx, {
    teamId: team.id,
    funderName: ddets.name,
    periodStart: period.from,
    periodEnd: addDays(addMonths(period.from, 18), -1),
    rates: { FLASH_DIAGNOSTIC: 15_000, IN_DEPTH_DIAGNOSTIC: 37_000, SUPPORT_WEEK: 5_500 },
    advanceShareBp: 6000,
    // 60 % of a 90 000 € budget, received at signature.
    advanceReceivedCents: 5_400_000,
    maxSupportWeeks: 8,
  });
  return { skipped: false, teamId: team.id, cases: plan.cases.length, ...summary };
}

/** The scenario in one transaction; skipped when its team exists (checked inside the transaction). */
export async function seedEssonne(db: PrismaClient, opts: { now?: Date; password: string }): Promise<EssonneSeedResult> {
  const now = opts.now ?? ESSONNE_DEFAULT_NOW;
  return db.$transaction((tx) => seedEssonneInto(tx, { now, password: opts.password }), { timeout: 120_000, maxWait: 30_000 });
}

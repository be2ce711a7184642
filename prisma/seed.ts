/**
 * Demo data: the Essonne mobile team (ADIL + association) with ~60 households
 * at every outreach state and procedure stage, a second team (Pas-de-Calais)
 * to exercise cross-team isolation, the demo accounts and a funder agreement.
 *
 *   tsx --conditions=react-server prisma/seed.ts [--if-empty] [--scenario demo|essonne|demo,essonne] [--now YYYY-MM-DD] [--force]
 *
 * Reads DATABASE_URL (+ DATABASE_POOL_MAX, default 1). Demo data belongs in
 * the embedded database: on a PostgreSQL server the CLI refuses unless DEMO=1
 * or --force. Deterministic for a given `now` (seeded PRNG), ids apart.
 */
import { normaliseForSearch } from "@/lib/domain/search-text";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createPgAdapter } from "@/lib/server/pg-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, ClosureReason, LandlordKind, Role } from "@/lib/generated/prisma/enums";
import { addDays, calendarDate, parisDayOf } from "@/tests/factories/calendar";
import { insertCasePlans, planCaseAtState, type CaseAtStateOptions, type CasePlan } from "@/tests/factories/case-at-state";
import type { Db } from "@/tests/factories/db";
import { createFunderAgreement } from "@/tests/factories/funder-agreement";
import { landlordName, LANDLORD_NAMES, planLandlord, type LandlordRow } from "@/tests/factories/landlord";
import type { SequenceState } from "@/tests/factories/outreach-history";
import { ESSONNE_TOWNS, PAS_DE_CALAIS_TOWNS, type Town } from "@/tests/factories/places";
import type { PrincipalStage } from "@/tests/factories/procedure-history";
import { createRng, type Rng } from "@/tests/factories/random";
import { createOrganisation, createTeam, demoContact, type TeamWithSectors } from "@/tests/factories/team";
import { createUser, type CreatedUser } from "@/tests/factories/user";

import { ESSONNE_TEAM_NAME, seedEssonne } from "./scenarios/essonne";
import { recomputeOutdatedDeadlines } from "@/lib/server/services/refresh-deadlines";
import { parisToday } from "@/lib/utils/dates";

export const DEMO_PASSWORD = "maintien-demo";
/** What `--scenario` accepts (comma-separated): the demo, and the Essonne 18-month report (prisma/scenarios/). */
const SCENARIOS: ReadonlyArray<string> = ["demo", "essonne"];
const SEED = 91_062;

export interface SeedResult {
  accounts: Array<{ email: string; role: Role }>;
  /** True when `ifEmpty` found users and nothing was written. */
  skipped: boolean;
}

// ───────────────────────────── Accounts

interface DemoAccount {
  key: "admin" | "coordinator" | "worker" | "worker2" | "jurist" | "funder" | "otherTeam";
  email: string;
  name: string;
  role: Role;
  organisation: "adil" | "association" | "ddets" | "association62" | null;
  team: "essonne" | "pasDeCalais";
}

const ACCOUNTS: ReadonlyArray<DemoAccount> = [
  { key: "admin", email: "admin@demo.maintien.fr", name: "Agnès Leroy", role: "ADMIN", organisation: null, team: "essonne" },
  { key: "coordinator", email: "coordination@demo.maintien.fr", name: "Hélène Rousseau", role: "COORDINATOR", organisation: "association", team: "essonne" },
  { key: "worker", email: "travail.social@demo.maintien.fr", name: "Jérôme Lefèvre", role: "SOCIAL_WORKER", organisation: "association", team: "essonne" },
  { key: "worker2", email: "travail.social2@demo.maintien.fr", name: "Gaëlle Moreau", role: "SOCIAL_WORKER", organisation: "association", team: "essonne" },
  { key: "jurist", email: "juriste@demo.maintien.fr", name: "François Dubois", role: "JURIST", organisation: "adil", team: "essonne" },
  { key: "funder", email: "financeur@demo.maintien.fr", name: "Noël Garnier", role: "FUNDER_VIEWER", organisation: "ddets", team: "essonne" },
  { key: "otherTeam", email: "autre.equipe@demo.maintien.fr", name: "Benoît Duhamel", role: "SOCIAL_WORKER", organisation: "association62", team: "pasDeCalais" },
];

// ───────────────────────────── The Essonne caseload

interface CaseSpec {
  state: CaseState;
  closureReason?: ClosureReason;
  stage: PrincipalStage;
  /** Days before today the case was opened: [min, max]. */
  opened: [number, number];
  contactAfter?: SequenceState;
  closedFrom?: SequenceState | "SUPPORTED";
  tenant?: { firstName: string; lastName: string };
  unassigned?: boolean;
  ineligible?: boolean;
}

function repeat(count: number, spec: CaseSpec): CaseSpec[] {
  return Array.from({ length: count }, () => spec);
}

/**
 * 60 cases, in the proportions of the Essonne report (shared/domain/indicators.md):
 * in progress mostly at the letter and reminder stages, about a quarter of the
 * households supported, closures mostly for no contact or departure.
 */
const ESSONNE_CASES: ReadonlyArray<CaseSpec> = [
  // Named households the demo and the tests look for.
  { state: "SUPPORTED", stage: "ASSIGNATION", opened: [30, 45], contactAfter: "VISIT_1_FAILED", tenant: { firstName: "Élodie", lastName: "Müller" } },
  { state: "VISIT_2_FAILED", stage: "ASSIGNATION", opened: [30, 40], tenant: { firstName: "Raphaël", lastName: "Bénard" } },
  { state: "IDENTIFIED", stage: "ASSIGNATION", opened: [0, 3], tenant: { firstName: "Maëlys", lastName: "Brûlé" }, unassigned: true },
  ...repeat(4, { state: "IDENTIFIED", stage: "ASSIGNATION", opened: [0, 6], unassigned: true }),
  { state: "IDENTIFIED", stage: "ASSIGNATION", opened: [1, 5], unassigned: true, ineligible: true },
  ...repeat(4, { state: "FIRST_LETTER_SENT", stage: "ASSIGNATION", opened: [4, 20] }),
  ...repeat(2, { state: "FIRST_LETTER_SENT", stage: "COMMANDEMENT_DE_PAYER", opened: [4, 20] }),
  ...repeat(4, { state: "VISIT_1_FAILED", stage: "ASSIGNATION", opened: [14, 35] }),
  { state: "VISIT_1_FAILED", stage: "COMMANDEMENT_DE_PAYER", opened: [14, 35] },
  ...repeat(4, { state: "VISIT_2_FAILED", stage: "ASSIGNATION", opened: [24, 50] }),
  ...repeat(7, { state: "REMINDER_SENT", stage: "ASSIGNATION", opened: [48, 100] }),
  { state: "REMINDER_SENT", stage: "COMMANDEMENT_DE_PAYER", opened: [48, 100] },
  ...repeat(6, { state: "SUPPORTED", stage: "ASSIGNATION", opened: [15, 110] }),
  ...repeat(2, { state: "SUPPORTED", stage: "HEARING", opened: [60, 150] }),
  { state: "SUPPORTED", stage: "JUDGMENT", opened: [120, 200] },
  { state: "SUPPORTED", stage: "COMMANDEMENT_DE_PAYER", opened: [15, 60] },
  ...repeat(5, { state: "CLOSED", closureReason: "NO_CONTACT", stage: "HEARING", opened: [100, 300] }),
  ...repeat(2, { state: "CLOSED", closureReason: "NO_CONTACT", stage: "JUDGMENT", opened: [150, 300] }),
  { state: "CLOSED", closureReason: "NO_CONTACT", stage: "ASSIGNATION", opened: [75, 90] },
  ...repeat(2, { state: "CLOSED", closureReason: "NOT_AT_ADDRESS", stage: "ASSIGNATION", opened: [20, 60] }),
  { state: "CLOSED", closureReason: "NOT_AT_ADDRESS", stage: "HEARING", opened: [90, 250] },
  { state: "CLOSED", closureReason: "LEFT_DWELLING", stage: "HEARING", opened: [90, 250] },
  { state: "CLOSED", closureReason: "LEFT_DWELLING", stage: "HEARING", opened: [90, 250], closedFrom: "SUPPORTED" },
  ...repeat(2, { state: "CLOSED", closureReason: "DECLINED_TO_CONTINUE", stage: "HEARING", opened: [90, 250] }),
  { state: "CLOSED", closureReason: "DEBT_PAID_OFF", stage: "ASSIGNATION", opened: [60, 100] },
  { state: "CLOSED", closureReason: "REFERRED_TO_MDS", stage: "HEARING", opened: [120, 250] },
  { state: "CLOSED", closureReason: "SUPPORT_COMPLETED", stage: "JUDGMENT", opened: [150, 300] },
  { state: "CLOSED", closureReason: "ALREADY_FOLLOWED", stage: "HEARING", opened: [90, 200] },
];

/** Landlord kinds of the Essonne team: 25 landlords, agencies managing several dwellings. */
const ESSONNE_LANDLORDS: ReadonlyArray<[LandlordKind, number]> = [
  ["PRIVATE_PERSON", 9],
  ["AGENCY", 6],
  ["LEGAL_PERSON", 4],
  ["FAMILY_SCI", 4],
  ["SOCIAL", 2],
];
const LANDLORD_WEIGHT: Record<LandlordKind, number> = { AGENCY: 4, LEGAL_PERSON: 2, FAMILY_SCI: 1, PRIVATE_PERSON: 1, SOCIAL: 0 };

function planLandlords(rng: Rng, teamId: string, towns: ReadonlyArray<Town>, kinds: ReadonlyArray<[LandlordKind, number]>): LandlordRow[] {
  const rows: LandlordRow[] = [];
  const used = new Set<string>();
  for (const [kind, count] of kinds) {
    for (let i = 0; i < count; i++) {
      const listed = kind === "AGENCY" || kind === "LEGAL_PERSON" || kind === "SOCIAL" ? LANDLORD_NAMES[kind][i] : undefined;
      let name = listed ?? landlordName(rng, kind);
      while (used.has(name)) name = landlordName(rng, kind);
      used.add(name);
      rows.push(planLandlord({ teamId, kind, name, town: rng.pick(towns), rng }));
    }
  }
  return rows;
}

/** Every landlord once, then more households for agencies and legal persons. */
function landlordDraw(rng: Rng, landlords: ReadonlyArray<LandlordRow>, count: number): LandlordRow[] {
  const eligible = landlords.filter((l) => l.kind !== "SOCIAL");
  const weighted = eligible.flatMap((l) => Array.from({ length: LANDLORD_WEIGHT[l.kind] }, () => l));
  const draw = [...eligible];
  while (draw.length < count) draw.push(rng.pick(weighted));
  return rng.shuffle(draw.slice(0, count));
}

interface SeedContext {
  now: Date;
  today: Date;
  users: Record<DemoAccount["key"], CreatedUser>;
}

function planEssonneCases(rng: Rng, ctx: SeedContext, team: TeamWithSectors, landlords: LandlordRow[]): CasePlan[] {
  const { users, today } = ctx;
  const sectorId = (town: Town) => team.sectors.find((s) => s.name === town.sector)?.id ?? null;
  const social = landlords.find((l) => l.kind === "SOCIAL");
  const draw = landlordDraw(rng, landlords, ESSONNE_CASES.length);
  // Hearings of the open cases at the assignation stage, spread over the next 2–120 days.
  const upcoming = ESSONNE_CASES.filter((s) => s.stage === "ASSIGNATION" && s.state !== "CLOSED").length;
  const offsets = rng.shuffle(Array.from({ length: upcoming }, (_, i) => 2 + Math.round((i * 118) / Math.max(1, upcoming - 1))));
  // The Élodie household keeps a close hearing: the "hearing soon" alert on the demo.
  offsets.unshift(offsets.splice(offsets.indexOf(Math.min(...offsets.filter((o) => o >= 20))), 1)[0] as number);

  return ESSONNE_CASES.map((spec, index) => {
    const caseRng = rng.fork();
    const town = caseRng.pick(ESSONNE_TOWNS);
    const landlord = spec.ineligible && social ? social : (draw[index] as LandlordRow);
    const openedOn = addDays(today, -caseRng.int(spec.opened[0], spec.opened[1]));
    const legal = spec.stage !== "COMMANDEMENT_DE_PAYER";
    const worker = caseRng.pick([users.worker, users.worker, users.worker2]);
    const assigned = !spec.unassigned;
    const withJurist = assigned && legal && (spec.state === "SUPPORTED" || spec.closedFrom === "SUPPORTED" || caseRng.chance(0.5));
    const opts: CaseAtStateOptions = {
      teamId: team.id,
      state: spec.state,
      closureReason: spec.closureReason,
      stage: spec.stage,
      openedOn,
      now: ctx.now,
      hearingOn: spec.stage === "ASSIGNATION" && spec.state !== "CLOSED" ? addDays(today, offsets.shift() as number) : undefined,
      contactAfter: spec.contactAfter,
      closedFrom: spec.closedFrom,
      landlordId: landlord.id,
      landlordContact: spec.state !== "IDENTIFIED" && caseRng.chance(0.12),
      household: spec.tenant ? { tenant: spec.tenant } : undefined,
      town,
      sectorId: sectorId(town),
      assignedWorkerId: assigned ? worker.id : null,
      assignedJuristId: withJurist ? users.jurist.id : null,
      createdById: users.coordinator.id,
      householdPresent: spec.state === "SUPPORTED" ? true : undefined,
      juristPresent: spec.state === "SUPPORTED" ? caseRng.chance(0.6) : undefined,
      decision: spec.state === "SUPPORTED" && spec.stage === "JUDGMENT" ? "TERMINATION_SUSPENDED_WITH_PLAN" : undefined,
      dsf: legal && caseRng.chance(0.3),
      eligible: !spec.ineligible,
      eligibilityNote: spec.ineligible ? "Bailleur social : hors du champ de l'action (parc privé uniquement)." : null,
      rng: caseRng,
    };
    return planCaseAtState(opts);
  });
}

function planPasDeCalaisCases(rng: Rng, ctx: SeedContext, team: TeamWithSectors, landlords: LandlordRow[]): CasePlan[] {
  const specs: Array<{ state: CaseState; opened: [number, number] }> = [
    { state: "IDENTIFIED", opened: [0, 5] },
    { state: "FIRST_LETTER_SENT", opened: [5, 15] },
    { state: "VISIT_1_FAILED", opened: [20, 35] },
    { state: "SUPPORTED", opened: [20, 60] },
  ];
  return specs.map((spec, index) => {
    const caseRng = rng.fork();
    const town = caseRng.pick(PAS_DE_CALAIS_TOWNS);
    return planCaseAtState({
      teamId: team.id,
      state: spec.state,
      // The Pas-de-Calais call for projects targets households at the commandement de payer.
      stage: "COMMANDEMENT_DE_PAYER",
      openedOn: addDays(ctx.today, -caseRng.int(spec.opened[0], spec.opened[1])),
      now: ctx.now,
      landlordId: (landlords[index % landlords.length] as LandlordRow).id,
      town,
      sectorId: team.sectors.find((s) => s.name === town.sector)?.id ?? null,
      assignedWorkerId: spec.state === "IDENTIFIED" ? null : ctx.users.otherTeam.id,
      createdById: ctx.users.otherTeam.id,
      rng: caseRng,
    });
  });
}

/** Opened about 33 months ago, closed without contact a few months later: past the default 24-month retention. */
function planLongClosedCase(rng: Rng, ctx: SeedContext, team: TeamWithSectors, landlords: LandlordRow[]): CasePlan {
  const town = rng.pick(ESSONNE_TOWNS);
  return planCaseAtState({
    teamId: team.id,
    state: "CLOSED",
    closureReason: "NO_CONTACT",
    stage: "HEARING",
    openedOn: addDays(ctx.today, -1000),
    now: ctx.now,
    landlordId: (landlords.find((l) => l.kind === "AGENCY") ?? (landlords[0] as LandlordRow)).id,
    household: { tenant: { firstName: "Solange", lastName: "Delaunay" }, phone: "06 48 27 91 35", notes: "Ménage connu de la MDS d'Étampes." },
    town,
    sectorId: team.sectors.find((s) => s.name === town.sector)?.id ?? null,
    assignedWorkerId: ctx.users.worker.id,
    createdById: ctx.users.coordinator.id,
    rng,
  });
}

// ───────────────────────────── Seeding

/** Writes the demo data with the given client (already inside a transaction). */
/** The demo's partner directory (issue 20): one partner of each kind, fictitious contact details. */
function demoPartners(teamId: string) {
  const p = (kind: "MDS" | "CCAS" | "ADIL" | "CAF" | "FSL" | "BANQUE_DE_FRANCE" | "FAP_ASSOCIATION", name: string, extra: { city?: string; postcode?: string; phone?: string; email?: string; openingHours?: string; communes?: string[]; contactName?: string }) => ({
    teamId,
    kind,
    name,
    city: extra.city ?? null,
    postcode: extra.postcode ?? null,
    phone: extra.phone ?? null,
    email: extra.email ?? null,
    openingHours: extra.openingHours ?? null,
    communes: extra.communes ?? [],
    communeKeys: (extra.communes ?? []).map(normaliseForSearch),
    contactName: extra.contactName ?? null,
  });
  return [
    p("CCAS", "CCAS d'Évry-Courcouronnes", { city: "Évry-Courcouronnes", postcode: "91000", phone: "01 00 00 00 01", email: "ccas.evry@demo.maintien.fr", openingHours: "Du lundi au vendredi, 9 h – 12 h et 14 h – 17 h", communes: ["Évry-Courcouronnes"], contactName: "Accueil social" }),
    p("MDS", "MDS de Corbeil-Essonnes", { city: "Corbeil-Essonnes", postcode: "91100", phone: "01 00 00 00 02", communes: ["Corbeil-Essonnes", "Évry-Courcouronnes", "Ris-Orangis"] }),
    p("ADIL", "ADIL de l'Essonne", { city: "Évry-Courcouronnes", postcode: "91000", phone: "01 00 00 00 03", openingHours: "Sur rendez-vous" }),
    p("CAF", "CAF de l'Essonne", { city: "Évry-Courcouronnes", postcode: "91000" }),
    p("FSL", "FSL de l'Essonne (Département)", { city: "Évry-Courcouronnes", postcode: "91000", phone: "01 00 00 00 04" }),
    p("BANQUE_DE_FRANCE", "Banque de France — surendettement", { city: "Évry-Courcouronnes", postcode: "91000" }),
    p("FAP_ASSOCIATION", "Association du réseau Fondation pour le logement", { phone: "01 00 00 00 05" }),
  ];
}

export async function seedDemoInto(tx: Db, { now }: { now: Date }): Promise<SeedResult> {
  const rng = createRng(SEED);
  const today = parisDayOf(now);

  const adil = await createOrganisation(tx, { name: "ADIL de l'Essonne", kind: "ADIL" });
  const association = await createOrganisation(tx, { name: "Association Tout Azimut", kind: "ASSOCIATION" });
  const ddets = await createOrganisation(tx, { name: "DDETS de l'Essonne", kind: "STATE" });
  const adil62 = await createOrganisation(tx, { name: "ADIL du Pas-de-Calais", kind: "ADIL" });
  const association62 = await createOrganisation(tx, { name: "Association Habitat Solidaire 62", kind: "ASSOCIATION" });
  const organisations = { adil, association, ddets, association62 };

  const essonne = await createTeam(tx, {
    name: "Équipe mobile Essonne",
    departement: "91",
    territory: "Essonne",
    sectors: ["Nord", "Centre", "Sud"],
    organisationIds: [adil.id, association.id],
    contact: demoContact("91"),
  });
  const pasDeCalais = await createTeam(tx, {
    name: "Équipe mobile Pas-de-Calais",
    departement: "62",
    territory: "Pas-de-Calais",
    sectors: ["Artois", "Bassin minier", "Littoral"],
    organisationIds: [adil62.id, association62.id],
    contact: demoContact("62"),
  });
  const teams = { essonne, pasDeCalais };

  const users = {} as SeedContext["users"];
  for (const account of ACCOUNTS) {
    users[account.key] = await createUser(tx, {
      role: account.role,
      email: account.email,
      name: account.name,
      password: DEMO_PASSWORD,
      organisationId: account.organisation ? organisations[account.organisation].id : null,
      teamId: teams[account.team].id,
    });
  }
  const ctx: SeedContext = { now, today, users };

  const essonneLandlords = planLandlords(rng.fork(), essonne.id, ESSONNE_TOWNS, ESSONNE_LANDLORDS);
  const landlords62 = planLandlords(rng.fork(), pasDeCalais.id, PAS_DE_CALAIS_TOWNS, [["PRIVATE_PERSON", 1], ["FAMILY_SCI", 1]]);
  await tx.landlord.createMany({ data: [...essonneLandlords, ...landlords62] });

  await insertCasePlans(tx, [
    ...planEssonneCases(rng.fork(), ctx, essonne, essonneLandlords),
    ...planPasDeCalaisCases(rng.fork(), ctx, pasDeCalais, landlords62),
  ]);
  // Retention (issue 8.5): a household whose only case closed more than two
  // years ago, due for anonymisation (Administration → Conservation des
  // données). Its own random stream: the rest of the demo stays as it was.
  await insertCasePlans(tx, [planLongClosedCase(createRng(SEED + 85), ctx, essonne, essonneLandlords)]);

  // Issue 20: the Essonne team's partner directory (fictitious phone numbers and addresses).
  await tx.partner.createMany({ data: demoPartners(essonne.id) });

  // Rates of the Pas-de-Calais 2025 call for projects, as data for the current year.
  const year = today.getUTCFullYear();
  await createFunderAgreement(tx, {
    teamId: essonne.id,
    funderName: "DDETS de l'Essonne",
    periodStart: calendarDate(year, 1, 1),
    periodEnd: calendarDate(year, 12, 31),
    rates: { FLASH_DIAGNOSTIC: 15_000, IN_DEPTH_DIAGNOSTIC: 37_000, SUPPORT_WEEK: 5_500 },
    advanceShareBp: 6000,
    // 60 % of a 60 000 € budget, received at signature.
    advanceReceivedCents: 3_600_000,
    maxSupportWeeks: 8,
    capCents: 6_000_000,
    reference: `Convention ${year}-091`,
  });

  return { accounts: ACCOUNTS.map(({ email, role }) => ({ email, role })), skipped: false };
}

/**
 * Seeds the demo in one transaction. With `ifEmpty`, does nothing when any
 * user exists (checked inside the transaction).
 */
export async function seedDemo(db: PrismaClient, opts: { now: Date; ifEmpty?: boolean }): Promise<SeedResult> {
  return db.$transaction(
    async (tx) => {
      if (opts.ifEmpty && (await tx.user.count()) > 0) return { accounts: [], skipped: true };
      return seedDemoInto(tx, { now: opts.now });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

// ───────────────────────────── CLI

/** Why the CLI must not seed this server, or null. Demo data goes to the embedded database (PGlite). */
export function seedRefusal(opts: { serverVersion: string; demo: boolean; force: boolean }): string | null {
  if (opts.demo || opts.force || /\bPGlite\b/i.test(opts.serverVersion)) return null;
  return (
    "Refus : DATABASE_URL désigne un serveur PostgreSQL, pas la base embarquée.\n" +
    "Les données de démonstration n'y sont écrites qu'avec DEMO=1 (ou --force)."
  );
}

/** "YYYY-MM-DD" (noon in Paris that day) or an ISO instant; the clock when absent. */
export function parseNow(text: string | undefined): Date {
  if (!text) return new Date();
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00+01:00` : text);
  if (Number.isNaN(date.getTime())) throw new Error(`--now : date invalide « ${text} »`);
  return date;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "if-empty": { type: "boolean", default: false },
      scenario: { type: "string", default: "demo" },
      now: { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  // One or several scenarios, comma-separated: "demo", "essonne", "demo,essonne".
  const scenarios = values.scenario.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = scenarios.find((s) => !SCENARIOS.includes(s));
  if (unknown !== undefined || scenarios.length === 0) {
    console.error(`Scénario inconnu « ${unknown ?? values.scenario} » (scénarios : ${SCENARIOS.join(", ")}).`);
    return 2;
  }
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString || !/^postgres(ql)?:\/\//.test(connectionString)) {
    console.error("DATABASE_URL doit être une URL postgresql:// (la commande `npm start` démarre la base embarquée).");
    return 2;
  }
  const max = Number(process.env.DATABASE_POOL_MAX ?? "1");
  if (!Number.isInteger(max) || max < 1) {
    console.error("DATABASE_POOL_MAX doit être un entier ≥ 1.");
    return 2;
  }
  const now = parseNow(values.now);

  const db = new PrismaClient({ adapter: createPgAdapter(connectionString, max) });
  try {
    const [{ version }] = await db.$queryRaw<[{ version: string }]>`SELECT version() AS version`;
    const refusal = seedRefusal({ serverVersion: version, demo: process.env.DEMO === "1", force: values.force });
    if (refusal) {
      console.error(refusal);
      return 1;
    }
    // Issue 15: demo data and real data never share a database (--if-empty writes nothing once anyone exists).
    const real = await db.user.count({ where: { NOT: { email: { endsWith: "@demo.maintien.fr" } } } });
    if (real > 0 && !values.force && !values["if-empty"]) {
      console.error(
        `Refus : cette base contient ${real} compte(s) réel(s) ; les données de démonstration n'y sont pas ajoutées.\n` +
          "La démo a sa propre base : npm start -- --demo (dossier DATA_DIR/demo/pglite).",
      );
      return 1;
    }
    if (scenarios.includes("demo")) {
      const started = Date.now();
      const result = await seedDemo(db, { now, ifEmpty: values["if-empty"] });
      if (result.skipped) {
        console.log("Données de démonstration : base déjà initialisée, rien n'a été écrit.");
      } else {
        console.log(`Données de démonstration créées en ${Date.now() - started} ms.`);
        console.log(`Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`);
        for (const account of result.accounts) console.log(`  ${account.email.padEnd(36)} ${account.role}`);
      }
    }
    if (scenarios.includes("essonne")) {
      // Its own fixed date unless --now is given (prisma/scenarios/essonne.ts).
      const started = Date.now();
      const result = await seedEssonne(db, { now: values.now ? now : undefined, password: DEMO_PASSWORD });
      if (result.skipped) {
        console.log(`Scénario essonne : l'équipe « ${ESSONNE_TEAM_NAME} » existe déjà, rien n'a été écrit.`);
      } else {
        console.log(
          `Scénario essonne : ${result.cases} dossiers créés en ${Date.now() - started} ms ` +
            `(bilan du ${result.period.from} au ${result.period.to}), comptes (mot de passe : ${DEMO_PASSWORD}) :`,
        );
        for (const account of result.accounts) console.log(`  ${account.email.padEnd(36)} ${account.role}`);
      }
    }
    // The procedure deadlines the lists read (decision 008): computed here rather than on the first page view.
    const started = Date.now();
    const computed = await recomputeOutdatedDeadlines(db, parisToday(new Date()));
    if (computed > 0) console.log(`Échéances de procédure calculées pour ${computed} dossiers en ${Date.now() - started} ms.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

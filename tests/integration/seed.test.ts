// The demo seed against a real database: accounts, caseload shape, history
// consistency of every case, accent-free search, and --if-empty (in process
// and through the CLI, as `npm start` runs it).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/password";
import { DEMO_PASSWORD, parseNow, seedDemo, seedRefusal, type SeedResult } from "@/prisma/seed";
import { addDays, calendarDate, parisDayOf } from "@/tests/factories/calendar";
import { outreachProblems, procedureProblems } from "@/tests/factories/history-checks";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NOW = new Date("2026-03-16T09:30:00Z");
const TODAY = parisDayOf(NOW);

const DEMO_ACCOUNTS = [
  ["admin@demo.maintien.fr", "ADMIN"],
  ["coordination@demo.maintien.fr", "COORDINATOR"],
  ["travail.social@demo.maintien.fr", "SOCIAL_WORKER"],
  ["travail.social2@demo.maintien.fr", "SOCIAL_WORKER"],
  ["juriste@demo.maintien.fr", "JURIST"],
  ["financeur@demo.maintien.fr", "FUNDER_VIEWER"],
  ["autre.equipe@demo.maintien.fr", "SOCIAL_WORKER"],
] as const;

let result: SeedResult;
let essonneId: string;
let pasDeCalaisId: string;

async function counts() {
  const [users, teams, households, cases, outreach, procedure] = await Promise.all([
    db.user.count(),
    db.team.count(),
    db.household.count(),
    db.case.count(),
    db.outreachEvent.count(),
    db.procedureEvent.count(),
  ]);
  return { users, teams, households, cases, outreach, procedure };
}

beforeAll(async () => {
  result = await seedDemo(db, { now: NOW, ifEmpty: true });
  const teams = await db.team.findMany({ select: { id: true, departement: true } });
  essonneId = teams.find((t) => t.departement === "91")!.id;
  pasDeCalaisId = teams.find((t) => t.departement === "62")!.id;
}, 60_000);

describe("demo accounts", () => {
  it("creates the 7 accounts with argon2id hashes of the demo password", async () => {
    expect(result.skipped).toBe(false);
    expect(result.accounts.map((a) => [a.email, a.role])).toEqual(DEMO_ACCOUNTS);
    const users = await db.user.findMany({ include: { memberships: true } });
    expect(users).toHaveLength(7);
    for (const [email, role] of DEMO_ACCOUNTS) {
      const user = users.find((u) => u.email === email);
      expect(user?.role).toBe(role);
      expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user!.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user!.passwordHash, "wrong-password")).toBe(false);
      const teamIds = user!.memberships.map((m) => m.teamId);
      expect(teamIds).toEqual(email.startsWith("autre.equipe") ? [pasDeCalaisId] : [essonneId]);
    }
  });

  it("puts the jurist in the ADIL and the social workers in the association", async () => {
    const byEmail = async (email: string) =>
      (await db.user.findUniqueOrThrow({ where: { email }, include: { organisation: true } })).organisation;
    expect(await byEmail("juriste@demo.maintien.fr")).toMatchObject({ name: "ADIL de l'Essonne", kind: "ADIL" });
    expect(await byEmail("travail.social@demo.maintien.fr")).toMatchObject({ name: "Association Tout Azimut", kind: "ASSOCIATION" });
    const essonne = await db.team.findUniqueOrThrow({
      where: { id: essonneId },
      include: { organisations: { include: { organisation: true } }, sectors: true },
    });
    expect(essonne.name).toBe("Équipe mobile Essonne");
    expect(essonne.organisations.map((o) => o.organisation.name).sort()).toEqual(["ADIL de l'Essonne", "Association Tout Azimut"]);
    expect(essonne.sectors.map((s) => s.name).sort()).toEqual(["Centre", "Nord", "Sud"]);
  });
});

describe("demo caseload", () => {
  it("has about 60 Essonne cases and a few in the Pas-de-Calais team", async () => {
    const essonne = await db.case.count({ where: { teamId: essonneId } });
    expect(essonne).toBeGreaterThanOrEqual(55);
    expect(essonne).toBeLessThanOrEqual(65);
    const other = await db.case.count({ where: { teamId: pasDeCalaisId } });
    expect(other).toBeGreaterThanOrEqual(2);
    expect(other).toBeLessThanOrEqual(6);
    // No record crosses teams.
    const crossing = await db.case.count({ where: { teamId: pasDeCalaisId, household: { teamId: essonneId } } });
    expect(crossing).toBe(0);
  });

  it("covers every state, mostly at the assignation with hearings 2–120 days ahead", async () => {
    const cases = await db.case.findMany({ where: { teamId: essonneId } });
    const states = new Set(cases.map((c) => c.state));
    expect([...states].sort()).toEqual(
      ["CLOSED", "FIRST_LETTER_SENT", "IDENTIFIED", "REMINDER_SENT", "SUPPORTED", "VISIT_1_FAILED", "VISIT_2_FAILED"],
    );
    const open = cases.filter((c) => c.state !== "CLOSED");
    const atAssignation = open.filter((c) => c.stage === "ASSIGNATION");
    expect(atAssignation.length).toBeGreaterThan(open.length / 2);
    for (const c of atAssignation) {
      expect(c.hearingOn!.getTime()).toBeGreaterThanOrEqual(addDays(TODAY, 2).getTime());
      expect(c.hearingOn!.getTime()).toBeLessThanOrEqual(addDays(TODAY, 120).getTime());
    }
    expect(cases.some((c) => c.stage === "COMMANDEMENT_DE_PAYER")).toBe(true);
    expect(cases.some((c) => c.assignedWorkerId === null)).toBe(true);
    expect(cases.some((c) => c.assignedJuristId !== null)).toBe(true);
  });

  it("shares about 25 landlords of every kind across the households", async () => {
    const landlords = await db.landlord.findMany({ where: { teamId: essonneId }, include: { _count: { select: { leases: true } } } });
    expect(landlords.length).toBeGreaterThanOrEqual(20);
    expect(landlords.length).toBeLessThanOrEqual(30);
    expect(new Set(landlords.map((l) => l.kind))).toEqual(new Set(["PRIVATE_PERSON", "AGENCY", "LEGAL_PERSON", "FAMILY_SCI", "SOCIAL"]));
    expect(landlords.some((l) => l.kind === "AGENCY" && l._count.leases >= 2)).toBe(true);
  });

  it("gives every case a history consistent with its state and stage", async () => {
    const cases = await db.case.findMany({
      include: { outreachEvents: true, procedureEvents: true, lease: { include: { landlord: true } } },
    });
    const problems = cases.flatMap((c) =>
      [
        ...outreachProblems(c, c.outreachEvents, NOW),
        ...procedureProblems(c, c.procedureEvents, {
          today: TODAY,
          leaseSignedOn: c.lease?.signedOn,
          landlordKind: c.lease?.landlord.kind,
        }),
      ].map((p) => `case ${c.number} (${c.state}, ${c.stage}): ${p}`),
    );
    expect(problems).toEqual([]);
    // Events have an author.
    expect(cases.flatMap((c) => c.outreachEvents).every((e) => e.createdById !== null)).toBe(true);
  });

  it("records support for the supported households: diagnostics and support weeks", async () => {
    const supported = await db.case.findMany({
      where: { supported: true },
      include: { diagnostics: true, supportPeriods: { include: { weeks: true } } },
    });
    expect(supported.length).toBeGreaterThan(0);
    for (const c of supported) {
      expect(c.supportPeriods).toHaveLength(1);
      for (const week of c.supportPeriods[0]!.weeks) {
        expect(week.weekOf.getUTCDay()).toBe(1); // Monday
        expect(week.weekOf.getTime()).toBeLessThanOrEqual((c.closedOn ?? TODAY).getTime());
      }
    }
    expect(supported.some((c) => c.diagnostics.some((d) => d.kind === "FLASH"))).toBe(true);
    expect(supported.some((c) => c.diagnostics.some((d) => d.kind === "IN_DEPTH"))).toBe(true);
  });

  it("finds Élodie by typing elodie (searchText and sortName maintained)", async () => {
    const elodie = await db.household.findFirstOrThrow({
      where: { occupants: { some: { firstName: "Élodie", role: "TENANT" } } },
      include: { occupants: true },
    });
    expect(elodie.searchText).toContain("elodie");
    expect(elodie.sortName).toMatch(/ elodie$/);
    const found = await db.household.findMany({ where: { searchText: { contains: "elodie" } }, select: { id: true } });
    expect(found.map((h) => h.id)).toContain(elodie.id);
  });

  it("records one funder agreement for Essonne with rates as data", async () => {
    const agreements = await db.funderAgreement.findMany({ include: { rates: true } });
    expect(agreements).toHaveLength(1);
    const [agreement] = agreements;
    expect(agreement!.teamId).toBe(essonneId);
    expect(agreement!.periodStart).toEqual(calendarDate(2026, 1, 1));
    expect(agreement!.periodEnd).toEqual(calendarDate(2026, 12, 31));
    expect(agreement!.advanceShareBp).toBe(6000);
    const rates = Object.fromEntries(agreement!.rates.map((r) => [r.act, r.amountCents]));
    expect(rates).toEqual({ FLASH_DIAGNOSTIC: 15_000, IN_DEPTH_DIAGNOSTIC: 37_000, SUPPORT_WEEK: 5_500 });
  });
});

describe("--if-empty", () => {
  it("does nothing the second time", async () => {
    const before = await counts();
    const again = await seedDemo(db, { now: NOW, ifEmpty: true });
    expect(again).toEqual({ accounts: [], skipped: true });
    expect(await counts()).toEqual(before);
  });

  it("is what the CLI does on a seeded database, and the CLI refuses a PostgreSQL server without DEMO=1", async () => {
    const before = await counts();
    const [{ version }] = await db.$queryRaw<[{ version: string }]>`SELECT version() AS version`;
    const embedded = /PGlite/.test(version);
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "prisma/seed.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_POOL_MAX: "1", DEMO: "" },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, out: `${error.stdout}${error.stderr}` }),
      );

    const plain = await run(["--if-empty", "--now", "2026-03-16"]);
    if (embedded) {
      expect(plain).toMatchObject({ code: 0, out: expect.stringContaining("base déjà initialisée") });
    } else {
      expect(plain).toMatchObject({ code: 1, out: expect.stringContaining("DEMO=1") });
    }
    const forced = await run(["--if-empty", "--force"]);
    expect(forced).toMatchObject({ code: 0, out: expect.stringContaining("base déjà initialisée") });
    expect(await counts()).toEqual(before);
  }, 180_000);
});

describe("CLI helpers", () => {
  it("allows the embedded database, and a server only with DEMO=1 or --force", () => {
    const pglite = "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-unknown-emscripten";
    const server = "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu";
    expect(seedRefusal({ serverVersion: pglite, demo: false, force: false })).toBeNull();
    expect(seedRefusal({ serverVersion: server, demo: false, force: false })).toMatch(/DEMO=1/);
    expect(seedRefusal({ serverVersion: server, demo: true, force: false })).toBeNull();
    expect(seedRefusal({ serverVersion: server, demo: false, force: true })).toBeNull();
  });

  it("reads --now as a Paris calendar day", () => {
    expect(parisDayOf(parseNow("2026-03-16"))).toEqual(calendarDate(2026, 3, 16));
    expect(() => parseNow("16/03/2026")).toThrow(/invalide/);
  });
});

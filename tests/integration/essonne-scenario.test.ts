// The Essonne 18-month scenario (issue 6, item 5): every figure of the report
// (shared/domain/indicators.md) counted with plain Prisma and SQL, written
// independently of the dashboard's code (lib/domain/indicators,
// lib/server/queries/indicators.ts); every case's history replayed through the
// workflow's transition table; idempotence in process and through the CLI.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { eventFromRecord } from "@/lib/domain/outreach/history";
import { INITIAL_SNAPSHOT, type CaseSnapshot } from "@/lib/domain/outreach/snapshot";
import { transition } from "@/lib/domain/outreach/transitions";
import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/password";
import { DEMO_PASSWORD } from "@/prisma/seed";
import {
  ESSONNE_ACCOUNTS,
  ESSONNE_DEFAULT_NOW,
  ESSONNE_FIGURES,
  ESSONNE_TEAM_NAME,
  essonnePeriod,
  planEssonne,
  seedEssonne,
  type EssonneSeedResult,
} from "@/prisma/scenarios/essonne";
import { calendarDate, parisDayOf } from "@/tests/factories/calendar";
import { outreachProblems, procedureProblems } from "@/tests/factories/history-checks";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NOW = ESSONNE_DEFAULT_NOW;
const TODAY = parisDayOf(NOW);

let result: EssonneSeedResult;
let teamId: string;
let seedMs: number;

beforeAll(async () => {
  const started = Date.now();
  result = await seedEssonne(db, { password: DEMO_PASSWORD });
  seedMs = Date.now() - started;
  teamId = result.teamId;
  console.log(`Essonne scenario seeded in ${seedMs} ms`);
}, 300_000);

const n = (value: bigint | number | null) => Number(value ?? 0);

async function tableCounts() {
  const [teams, users, cases, outreach, procedure, landlords, agreements] = await Promise.all([
    db.team.count(),
    db.user.count(),
    db.case.count(),
    db.outreachEvent.count(),
    db.procedureEvent.count(),
    db.landlord.count(),
    db.funderAgreement.count(),
  ]);
  return { teams, users, cases, outreach, procedure, landlords, agreements };
}

describe("the team and its accounts", () => {
  it("creates the team with its sectors, organisations and the three accounts", async () => {
    expect(result.skipped).toBe(false);
    expect(result.period).toEqual({ from: "2025-01-01", to: "2026-06-30" });
    const team = await db.team.findUniqueOrThrow({
      where: { id: teamId },
      include: { sectors: true, organisations: { include: { organisation: true } }, memberships: { include: { user: true } } },
    });
    expect(team.name).toBe(ESSONNE_TEAM_NAME);
    expect(team.sectors.map((s) => s.name).sort()).toEqual(["Centre", "Nord", "Sud"]);
    expect(team.organisations.map((o) => o.organisation.kind).sort()).toEqual(["ADIL", "ASSOCIATION"]);
    const members = team.memberships.map((m) => [m.user.email, m.user.role]).sort();
    expect(members).toEqual([
      ["bilan.essonne@demo.maintien.fr", "COORDINATOR"],
      ["juriste.bilan@demo.maintien.fr", "JURIST"],
      ["travail.social.bilan@demo.maintien.fr", "SOCIAL_WORKER"],
    ]);
    expect(ESSONNE_ACCOUNTS.map((a) => a.email).sort()).toEqual(members.map((m) => m[0]));
    const coordinator = team.memberships.find((m) => m.user.role === "COORDINATOR")!.user;
    expect(await verifyPassword(coordinator.passwordHash, "maintien-demo")).toBe(true);
  });

  it("records the experiment's funder agreement over the 18 months", async () => {
    const agreement = await db.funderAgreement.findFirstOrThrow({ where: { teamId }, include: { rates: true } });
    expect(agreement.periodStart).toEqual(calendarDate(2025, 1, 1));
    expect(agreement.periodEnd).toEqual(calendarDate(2026, 6, 30));
    expect(Object.fromEntries(agreement.rates.map((r) => [r.act, r.amountCents]))).toEqual({
      FLASH_DIAGNOSTIC: 15_000,
      IN_DEPTH_DIAGNOSTIC: 37_000,
      SUPPORT_WEEK: 5_500,
    });
  });
});

describe("the report's figures, counted from the data", () => {
  it("has 425 eligible cases, all opened within the 18 months and before today", async () => {
    const period = essonnePeriod(NOW);
    expect(await db.case.count({ where: { teamId } })).toBe(425);
    expect(await db.case.count({ where: { teamId, eligible: true, openedOn: { gte: period.from, lt: TODAY } } })).toBe(425);
    expect(await db.household.count({ where: { teamId } })).toBe(425);
  });

  it("has 133 in progress: 29 at the first letter, 73 at the reminder, 31 supported, none elsewhere", async () => {
    const rows = await db.case.groupBy({ by: ["state"], where: { teamId }, _count: { _all: true } });
    const byState = Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
    expect(byState).toEqual({ FIRST_LETTER_SENT: 29, REMINDER_SENT: 73, SUPPORTED: 31, CLOSED: 292 });
    expect(await db.case.count({ where: { teamId, state: { not: "CLOSED" } } })).toBe(133);
  });

  it("has 108 households supported: 31 in progress and 77 closed", async () => {
    expect(await db.case.count({ where: { teamId, supported: true } })).toBe(108);
    expect(await db.case.count({ where: { teamId, supported: true, state: "CLOSED" } })).toBe(77);
    expect(await db.case.count({ where: { teamId, supported: true, state: { not: "CLOSED" } } })).toBe(31);
    // Every supported household has its first contact, a support period and a contact event.
    expect(await db.case.count({ where: { teamId, supported: true, firstContactOn: null } })).toBe(0);
    expect(await db.case.count({ where: { teamId, supported: true, supportPeriods: { none: {} } } })).toBe(0);
    expect(await db.case.count({ where: { teamId, supported: true, outreachEvents: { none: { kind: "HOUSEHOLD_CONTACT" } } } })).toBe(0);
  });

  it("closes 292 cases with the detailed reasons of the report (summing to 292)", async () => {
    const rows = await db.case.groupBy({ by: ["closureReason"], where: { teamId, state: "CLOSED" }, _count: { _all: true } });
    const reasons: Record<string, number> = Object.fromEntries(rows.map((r) => [r.closureReason, r._count._all]));
    expect(reasons).toEqual({
      ALREADY_FOLLOWED: 1,
      SUPPORT_COMPLETED: 1,
      REFERRED_TO_MDS: 8,
      DEBT_PAID_OFF: 10,
      DECLINED_TO_CONTINUE: 55,
      LEFT_DWELLING: 15,
      NOT_AT_ADDRESS: 49,
      NO_CONTACT: 153,
    });
    expect(reasons).toEqual(ESSONNE_FIGURES.closureReasons);
    expect(Object.values(reasons).reduce((a, b) => a + b, 0)).toBe(292);
    expect(await db.case.count({ where: { teamId, state: { not: "CLOSED" }, OR: [{ closureReason: { not: null } }, { closedOn: { not: null } }] } })).toBe(0);
  });

  it("keeps the reasons consistent with contact: support reasons supported, two supported households left, no contact never supported", async () => {
    const count = (where: object) => db.case.count({ where: { teamId, state: "CLOSED", ...where } });
    const took = ["ALREADY_FOLLOWED", "SUPPORT_COMPLETED", "REFERRED_TO_MDS", "DEBT_PAID_OFF", "DECLINED_TO_CONTINUE"] as const;
    expect(await count({ closureReason: { in: [...took] }, supported: false })).toBe(0);
    expect(await count({ closureReason: { in: [...took] } })).toBe(75);
    expect(await count({ closureReason: { in: ["LEFT_DWELLING", "NOT_AT_ADDRESS"] }, supported: true })).toBe(2);
    expect(await count({ closureReason: "NO_CONTACT", supported: true })).toBe(0);
    // The report's shares, to one decimal: 77 / 292, (15 + 49) / 292, 153 / 292.
    const share = (k: number) => Math.round((k * 1000) / 292) / 10;
    expect([share(77), share(15 + 49), share(153)]).toEqual([26.4, 21.9, 52.4]);
  });

  it("has 14 joint home visits among the cases in progress and 15 among the closed ones (one per case)", async () => {
    const rows = await db.$queryRaw<Array<{ closed: boolean; cases: bigint; visits: bigint }>>`
      SELECT c.state = 'CLOSED' AS closed, COUNT(DISTINCT c.id) AS cases, COUNT(*) AS visits
      FROM "OutreachEvent" e JOIN "Case" c ON c.id = e."caseId"
      WHERE c."teamId" = ${teamId} AND e.kind = 'VISIT' AND e."jointVisit"
      GROUP BY 1 ORDER BY 1`;
    expect(rows.map((r) => [r.closed, n(r.cases), n(r.visits)])).toEqual([
      [false, 14, 14],
      [true, 15, 15],
    ]);
    expect(await db.diagnostic.count({ where: { jointVisit: true, case: { teamId } } })).toBe(0);
  });

  it("has about 10 % of the landlords who took contact (42 of 401 written to)", async () => {
    const [row] = await db.$queryRaw<Array<{ concerned: bigint; contacted: bigint; answered: bigint; cases_answered: bigint }>>`
      SELECT COUNT(DISTINCT l."landlordId") AS concerned,
             COUNT(DISTINCT l."landlordId") FILTER (WHERE EXISTS (
               SELECT 1 FROM "OutreachEvent" e WHERE e."caseId" = c.id AND e.kind = 'LETTER_LANDLORD')) AS contacted,
             COUNT(DISTINCT l."landlordId") FILTER (WHERE EXISTS (
               SELECT 1 FROM "OutreachEvent" e WHERE e."caseId" = c.id AND e.kind = 'LANDLORD_CONTACT')) AS answered,
             COUNT(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "OutreachEvent" e WHERE e."caseId" = c.id AND e.kind = 'LANDLORD_CONTACT')) AS cases_answered
      FROM "Case" c JOIN "Lease" l ON l.id = c."leaseId"
      WHERE c."teamId" = ${teamId}`;
    expect(n(row!.concerned)).toBe(401);
    expect(n(row!.contacted)).toBe(401);
    expect(n(row!.answered)).toBe(42);
    expect(n(row!.cases_answered)).toBe(42);
    const share = n(row!.answered) / n(row!.contacted);
    expect(share).toBeGreaterThanOrEqual(0.095);
    expect(share).toBeLessThanOrEqual(0.105);
    // Agencies and companies manage several of the households.
    const shared = await db.landlord.count({ where: { teamId, leases: { some: {} }, kind: { in: ["AGENCY", "LEGAL_PERSON"] } } });
    expect(shared).toBe(10);
    expect(await db.landlord.count({ where: { teamId, kind: "SOCIAL" } })).toBe(0);
  });

  it("has 16 households present at the hearing, 8 of them with the ADIL jurist", async () => {
    const [row] = await db.$queryRaw<Array<{ held: bigint; present: bigint; with_jurist: bigint; present_unsupported: bigint; scheduled_marked: bigint }>>`
      SELECT COUNT(DISTINCT p."caseId") FILTER (WHERE p.date <= ${TODAY}::date) AS held,
             COUNT(DISTINCT p."caseId") FILTER (WHERE p.date <= ${TODAY}::date AND p."householdPresent") AS present,
             COUNT(DISTINCT p."caseId") FILTER (WHERE p.date <= ${TODAY}::date AND p."householdPresent" AND p."juristPresent") AS with_jurist,
             COUNT(DISTINCT p."caseId") FILTER (WHERE p."householdPresent" AND NOT c.supported) AS present_unsupported,
             COUNT(*) FILTER (WHERE p.date > ${TODAY}::date AND (p."householdPresent" IS NOT NULL OR p."juristPresent" IS NOT NULL)) AS scheduled_marked
      FROM "ProcedureEvent" p JOIN "Case" c ON c.id = p."caseId"
      WHERE c."teamId" = ${teamId} AND p.stage = 'HEARING'`;
    expect(n(row!.present)).toBe(16);
    expect(n(row!.with_jurist)).toBe(8);
    expect(n(row!.held)).toBeGreaterThan(300);
    expect(n(row!.present_unsupported)).toBe(0);
    expect(n(row!.scheduled_marked)).toBe(0);
    // One hearing per case at most; the jurist present only with the household.
    expect(await db.procedureEvent.count({ where: { stage: "HEARING", juristPresent: true, householdPresent: { not: true }, case: { teamId } } })).toBe(0);
    const perCase = await db.procedureEvent.groupBy({ by: ["caseId"], where: { stage: "HEARING", case: { teamId } }, _count: { _all: true } });
    expect(perCase.every((r) => r._count._all === 1)).toBe(true);
  });

  it("agrees with one hand-written SQL statement over the whole caseload", async () => {
    const [row] = await db.$queryRaw<Array<Record<string, bigint>>>`
      SELECT COUNT(*) AS cases,
             COUNT(*) FILTER (WHERE state <> 'CLOSED') AS in_progress,
             COUNT(*) FILTER (WHERE state = 'CLOSED') AS closed,
             COUNT(*) FILTER (WHERE supported) AS supported,
             COUNT(*) FILTER (WHERE supported AND state = 'CLOSED') AS closed_supported,
             COUNT(*) FILTER (WHERE state = 'FIRST_LETTER_SENT' OR state = 'IDENTIFIED') AS first_letter,
             COUNT(*) FILTER (WHERE state IN ('VISIT_1_FAILED', 'VISIT_2_FAILED')) AS visits,
             COUNT(*) FILTER (WHERE state = 'REMINDER_SENT') AS reminder,
             COUNT(*) FILTER (WHERE state = 'SUPPORTED') AS supported_in_progress
      FROM "Case" WHERE "teamId" = ${teamId}`;
    expect(Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, n(v)]))).toEqual({
      cases: 425,
      in_progress: 133,
      closed: 292,
      supported: 108,
      closed_supported: 77,
      first_letter: 29,
      visits: 0,
      reminder: 73,
      supported_in_progress: 31,
    });
  });
});

describe("every case's history", () => {
  it("passes the history checks (outreach sequence, legal delays of the procedure)", async () => {
    const cases = await db.case.findMany({
      where: { teamId },
      include: { outreachEvents: true, procedureEvents: true, lease: { include: { landlord: true } } },
    });
    const problems = cases.flatMap((c) =>
      [
        ...outreachProblems(c, c.outreachEvents, NOW),
        ...procedureProblems(c, c.procedureEvents, { today: TODAY, leaseSignedOn: c.lease?.signedOn, landlordKind: c.lease?.landlord.kind }),
      ].map((p) => `case ${c.number} (${c.state}, ${c.closureReason}, ${c.stage}): ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("is accepted event by event by the workflow's transition table, guards included, and ends in the case's state", async () => {
    const cases = await db.case.findMany({
      where: { teamId },
      select: {
        number: true,
        state: true,
        supported: true,
        closureReason: true,
        tenantLetterSentOn: true,
        reminderDueOn: true,
        provedGone: true,
        outreachEvents: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] },
      },
    });
    const refusals: string[] = [];
    for (const c of cases) {
      let s: CaseSnapshot = { ...INITIAL_SNAPSHOT };
      for (const [i, row] of c.outreachEvents.entries()) {
        const r = transition(s, eventFromRecord(row, i), { now: NOW, actorRole: "COORDINATOR" });
        if (!r.ok) {
          refusals.push(`case ${c.number}: ${row.kind} refused from ${s.state}: ${r.message}`);
          break;
        }
        if (r.to !== row.toState || r.from !== row.fromState) refusals.push(`case ${c.number}: ${row.kind} stored ${row.fromState}→${row.toState}, table says ${r.from}→${r.to}`);
        s = r.snapshot;
      }
      if (s.state !== c.state) refusals.push(`case ${c.number}: history ends at ${s.state}, case is ${c.state}`);
      if (s.supported !== c.supported || (s.closureReason ?? null) !== c.closureReason || s.provedGone !== c.provedGone) {
        refusals.push(`case ${c.number}: denormalised facts differ from the history`);
      }
    }
    expect(refusals).toEqual([]);
  });

  it("has an author on every event and no event after the report's date", async () => {
    expect(await db.outreachEvent.count({ where: { case: { teamId }, createdById: null } })).toBe(0);
    expect(await db.outreachEvent.count({ where: { case: { teamId }, occurredAt: { gt: NOW } } })).toBe(0);
    expect(await db.case.count({ where: { teamId, assignedWorkerId: null } })).toBe(0);
  });
});

describe("idempotence and determinism", () => {
  it("writes nothing the second time", async () => {
    const before = await tableCounts();
    const again = await seedEssonne(db, { password: DEMO_PASSWORD });
    expect(again).toMatchObject({ skipped: true, teamId, cases: 425 });
    expect(await tableCounts()).toEqual(before);
  });

  it("is what `npm run seed -- --scenario essonne` does on a seeded database; unknown scenarios are refused", async () => {
    const before = await tableCounts();
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "prisma/seed.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_POOL_MAX: "1", DEMO: "" },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, out: `${error.stdout}${error.stderr}` }),
      );
    expect(await run(["--scenario", "essonne", "--force"])).toMatchObject({ code: 0, out: expect.stringContaining("existe déjà") });
    expect(await run(["--scenario", "demo,bilan", "--force"])).toMatchObject({ code: 2, out: expect.stringContaining("Scénario inconnu « bilan »") });
    expect(await tableCounts()).toEqual(before);
  }, 180_000);

  it("plans the same caseload for the same date, and the same figures for another date", () => {
    const team = { id: "team", sectors: ["Nord", "Centre", "Sud"].map((name, i) => ({ id: `s${i}`, teamId: "team", name })) };
    const users = { coordinatorId: "c", juristId: "j", workerId: "w" };
    const strip = (value: unknown) => JSON.stringify(value).replace(/"c[0-9a-z]{24}"/g, '"<id>"');
    expect(strip(planEssonne(team, users, NOW))).toEqual(strip(planEssonne(team, users, NOW)));

    const later = new Date("2026-11-26T10:00:00Z");
    const plan = planEssonne(team, users, later);
    const states: Record<string, number> = {};
    for (const p of plan.cases) states[p.case.state] = (states[p.case.state] ?? 0) + 1;
    expect(states).toEqual({ FIRST_LETTER_SENT: 29, REMINDER_SENT: 73, SUPPORTED: 31, CLOSED: 292 });
    expect(plan.cases.filter((p) => p.case.supported)).toHaveLength(108);
    const { from } = essonnePeriod(later);
    expect(from).toEqual(calendarDate(2025, 6, 1));
    expect(plan.cases.every((p) => (p.case.openedOn as Date) >= from && (p.case.openedOn as Date) < parisDayOf(later))).toBe(true);
  });
});

// Issue 17 (decision 045): on the embedded database (one connection) a page
// costs about as many statements as it sends. The hot reads of every request
// and of the field pages are held to their count here, on a caseload with
// every relation filled, so a change that brings back one statement per
// relation (relationJoins off, an include in a loop) is caught.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/domain/roles";
import { logCaseAccess } from "@/lib/server/access-log";
import { createPgAdapter } from "@/lib/server/pg-adapter";
import { getCase } from "@/lib/server/queries/get-case";
import { getCaseWorkflow } from "@/lib/server/queries/get-case-workflow";
import { listCases } from "@/lib/server/queries/list-cases";
import { listDueWork } from "@/lib/server/queries/list-due-work";
import { listProcedureDeadlines } from "@/lib/server/queries/list-procedure-deadlines";
import { listReferralsWithoutNews } from "@/lib/server/queries/referrals";
import { loadSessionUser } from "@/lib/server/session-claims";
import { openSession } from "@/lib/server/session-store";
import { db } from "@/lib/server/db";
import { addDays, parisDayOf } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createRng } from "../factories/random";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";

const NOW = new Date("2026-11-26T09:00:00Z");
const TODAY = parisDayOf(NOW);

describe("statements per hot read", () => {
  // A second client on one connection, counting the statements it sends.
  const logged = new PrismaClient({ adapter: createPgAdapter(process.env.DATABASE_URL!, 1), log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  logged.$on("query", () => void (statements += 1));
  const count = async (read: () => Promise<unknown>) => {
    statements = 0;
    await read();
    return statements;
  };
  afterAll(() => logged.$disconnect());

  let worker: Actor;
  let sessionId: string;
  let caseId: string;

  beforeAll(async () => {
    const team = await createTeam(db, { name: "Équipe mobile Essonne" });
    const w = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
    const jurist = await createUser(db, { role: "JURIST", teamId: team.id });
    worker = { id: w.id, role: w.role, teamIds: [team.id] };
    const common = { teamId: team.id, now: NOW, assignedWorkerId: w.id, assignedJuristId: jurist.id };
    const states = ["IDENTIFIED", "FIRST_LETTER_SENT", "VISIT_1_FAILED", "VISIT_2_FAILED", "REMINDER_SENT", "SUPPORTED"] as const;
    for (const [i, state] of states.entries()) {
      const c = await caseAtState(db, { ...common, state, stage: i % 2 ? "HEARING" : "ASSIGNATION", openedOn: addDays(TODAY, -30 - 10 * i), rng: createRng(300 + i) });
      caseId ??= c.id;
    }
    sessionId = await openSession(db, w.id, NOW);
  });

  it("the session's user with its teams: one statement", async () => {
    let user: unknown;
    expect(await count(async () => (user = (await loadSessionUser(logged, { userId: worker.id, sessionId, sessionVersion: 0 })).user))).toBe(1);
    expect(user).toMatchObject({ id: worker.id, teamIds: worker.teamIds });
  });

  it("« À faire »: one statement for the seven sections and their counts, one for the deadlines, one for the referrals", async () => {
    let due: Awaited<ReturnType<typeof listDueWork>> = null;
    const teamId = worker.teamIds[0]!;
    const n = await count(async () => (due = await listDueWork(logged, worker, { teamId, scope: "team", now: NOW, limit: 1 })));
    expect(due!.sections.some((s) => s.total > s.items.length)).toBe(true);
    expect(n).toBe(1);
    // The deadlines: the check for cases computed with older rules, then one statement.
    await listProcedureDeadlines(logged, worker, { teamId, scope: "team", now: NOW, horizonDays: 60 });
    let deadlines: Awaited<ReturnType<typeof listProcedureDeadlines>> = null;
    expect(await count(async () => (deadlines = await listProcedureDeadlines(logged, worker, { teamId, scope: "team", now: NOW, horizonDays: 60 })))).toBeLessThanOrEqual(2);
    expect(deadlines!.total).toBeGreaterThan(0);
    expect(await count(() => listReferralsWithoutNews(logged, worker, { teamId, scope: "team", now: NOW }))).toBe(1);
  });

  it("the case page's reads and its access log", async () => {
    expect(await count(async () => expect(await getCase(logged, worker, caseId)).not.toBeNull())).toBeLessThanOrEqual(2);
    expect(await count(async () => expect(await getCaseWorkflow(logged, worker, caseId, NOW)).not.toBeNull())).toBeLessThanOrEqual(3);
    expect(await count(() => logCaseAccess(logged, worker, caseId, NOW))).toBe(1);
  });

  it("a caseload page", async () => {
    // The first list computes the factory cases' deadlines (written without them); the next ones find nothing to do.
    await listCases(logged, worker, { teamId: worker.teamIds[0]!, now: NOW });
    expect(await count(() => listCases(logged, worker, { teamId: worker.teamIds[0]!, now: NOW }))).toBeLessThanOrEqual(3);
  });
});

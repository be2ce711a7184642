import { beforeEach, describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { logCaseAccess, logCaseAccesses } from "@/lib/server/access-log";
import { writeAudit } from "@/lib/server/audit";
import { getCase } from "@/lib/server/queries/get-case";
import { AUDIT_COUNT_CAP, AUDIT_PAGE_SIZE, auditFilterOptions, listAuditEntries, listCaseAccesses, type AuditFilters } from "@/lib/server/queries/list-audit";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-06-10T09:00:00Z");
const MIN = 60_000;

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62" });
  const make = async (role: Role, teamId = team.id): Promise<Actor & { name: string }> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role as Role, teamIds: [teamId], name: u.name };
  };
  const mine = await caseAtState(db, { teamId: team.id, state: "SUPPORTED", openedOn: calendarDate(2026, 3, 2), now: NOW, household: { tenant: { firstName: "Gaëlle", lastName: "Lefèvre" } } });
  const theirs = await caseAtState(db, { teamId: other.id, state: "SUPPORTED", openedOn: calendarDate(2026, 3, 2), now: NOW });
  return {
    team,
    mine,
    theirs,
    worker: await make("SOCIAL_WORKER"),
    jurist: await make("JURIST"),
    coordinator: await make("COORDINATOR"),
    admin: await make("ADMIN"),
    funder: await make("FUNDER_VIEWER"),
    otherCoordinator: await make("COORDINATOR", other.id),
    otherWorker: await make("SOCIAL_WORKER", other.id),
  };
}

const filters = (f: Partial<AuditFilters> = {}): AuditFilters => ({ view: "modifications", page: 1, ...f });

describe("access log and audit page", () => {
  beforeEach(resetDatabase);

  it("records who read a case and when, once per person, case and minute", async () => {
    const { mine, worker, jurist } = await setup();
    // What the case page does: read (authorised), then log.
    const data = await getCase(db, worker, mine.id);
    expect(data).not.toBeNull();
    await logCaseAccess(db, worker, mine.id, NOW);
    await logCaseAccess(db, worker, mine.id, new Date(NOW.getTime() + 30_000)); // a re-render after a form: same minute
    await logCaseAccess(db, jurist, mine.id, new Date(NOW.getTime() + 30_000));
    await logCaseAccess(db, worker, mine.id, new Date(NOW.getTime() + 2 * MIN));
    const rows = await db.accessLog.findMany({ where: { caseId: mine.id }, orderBy: [{ at: "asc" }, { userId: "asc" }] });
    expect(rows.map((r) => [r.userId, r.at.toISOString()])).toEqual(
      [
        [worker.id, NOW.toISOString()],
        [jurist.id, new Date(NOW.getTime() + 30_000).toISOString()],
        [worker.id, new Date(NOW.getTime() + 2 * MIN).toISOString()],
      ],
    );
  });

  it("logs every case of a batch of letters at once, skipping those read within the minute", async () => {
    const { team, mine, worker } = await setup();
    const second = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 5, 2), now: NOW });
    await logCaseAccess(db, worker, mine.id, NOW);
    await logCaseAccesses(db, worker, [mine.id, second.id, second.id], new Date(NOW.getTime() + 10_000));
    const rows = await db.accessLog.findMany({ where: { userId: worker.id }, select: { caseId: true } });
    expect(rows.map((r) => r.caseId).sort()).toEqual([mine.id, second.id].sort());
  });

  it("shows a case's readers to its team's coordinator and to admins, never to another team, a funder or a field worker", async () => {
    const { mine, theirs, worker, coordinator, admin, funder, otherCoordinator, otherWorker, jurist } = await setup();
    await logCaseAccess(db, worker, mine.id, NOW);
    await logCaseAccess(db, otherWorker, theirs.id, NOW);
    const view = filters({ view: "consultations" });

    const forCoordinator = await listCaseAccesses(db, coordinator, view);
    expect(forCoordinator.rows.map((r) => [r.userName, r.caseNumber])).toEqual([[worker.name, mine.number]]);
    expect((await listCaseAccesses(db, coordinator, { ...view, caseNumber: mine.number })).rows.map((r) => r.userName)).toEqual([worker.name]);
    // Another team's case number finds nothing, like an unknown one.
    expect((await listCaseAccesses(db, coordinator, { ...view, caseNumber: theirs.number })).total).toBe(0);
    expect((await listCaseAccesses(db, otherCoordinator, { ...view, caseNumber: mine.number })).total).toBe(0);
    expect((await listCaseAccesses(db, admin, view)).total).toBe(2);
    for (const actor of [funder, worker, jurist]) {
      expect(await listCaseAccesses(db, actor, view)).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
      expect(await listAuditEntries(db, actor, filters())).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
      expect(await auditFilterOptions(db, actor)).toEqual({ users: [], actions: [] });
    }
  });

  it("filters the history by person, case number, action and Paris calendar days, and paginates", async () => {
    const { mine, theirs, worker, jurist, coordinator, admin, otherCoordinator } = await setup();
    const write = (userId: string, caseId: string | null, action: string, at: Date) =>
      db.$transaction(async (tx) => {
        await writeAudit(tx, { userId, action, entity: "Case", entityId: caseId ?? "team", caseId, before: { note: "a" }, after: { note: "b" } });
        await tx.auditLog.updateMany({ where: { userId, action, at: { gt: new Date(Date.now() - 60_000) } }, data: { at } });
      });
    // 22:30 UTC on 9 June is 00:30 on 10 June in Paris.
    await write(worker.id, mine.id, "outreach.visit", new Date("2026-06-09T22:30:00Z"));
    await write(jurist.id, mine.id, "hearing.ledger_line.create", new Date("2026-06-09T21:30:00Z"));
    await write(coordinator.id, null, "team.letterhead", new Date("2026-06-09T12:00:00Z"));
    await write(otherCoordinator.id, theirs.id, "case.create", new Date("2026-06-09T12:00:00Z"));

    // The case-creation rows written by the factory are not audited; only ours count.
    const all = await listAuditEntries(db, coordinator, filters());
    expect(all.rows.map((r) => r.action)).toEqual(["outreach.visit", "hearing.ledger_line.create"]);
    expect(all.rows[0]).toMatchObject({ actionLabel: "Aller-vers : Visite à domicile", caseNumber: mine.number, userName: worker.name, before: { note: "a" }, after: { note: "b" } });

    expect((await listAuditEntries(db, coordinator, filters({ userId: jurist.id }))).rows.map((r) => r.action)).toEqual(["hearing.ledger_line.create"]);
    expect((await listAuditEntries(db, coordinator, filters({ action: "outreach.visit" }))).total).toBe(1);
    const june10 = new Date("2026-06-10T00:00:00Z");
    expect((await listAuditEntries(db, coordinator, filters({ from: june10, to: june10 }))).rows.map((r) => r.action)).toEqual(["outreach.visit"]);
    expect((await listAuditEntries(db, coordinator, filters({ to: new Date("2026-06-09T00:00:00Z") }))).rows.map((r) => r.action)).toEqual(["hearing.ledger_line.create"]);
    expect((await listAuditEntries(db, admin, filters())).total).toBe(4);
    expect((await listAuditEntries(db, admin, filters({ caseNumber: theirs.number }))).rows.map((r) => r.action)).toEqual(["case.create"]);

    const options = await auditFilterOptions(db, coordinator);
    expect(options.actions.map((a) => a.code).sort()).toEqual(["hearing.ledger_line.create", "outreach.visit"]);
    expect(options.users.map((u) => u.id)).not.toContain(otherCoordinator.id);

    for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++) await logCaseAccess(db, worker, mine.id, new Date(NOW.getTime() + i * 2 * MIN));
    const page2 = await listCaseAccesses(db, coordinator, filters({ view: "consultations", page: 2 }));
    expect(page2).toMatchObject({ total: AUDIT_PAGE_SIZE + 3, page: 2, pageCount: 2 });
    expect(page2.rows).toHaveLength(3);
    // A page beyond the last shows the last.
    expect((await listCaseAccesses(db, coordinator, filters({ view: "consultations", page: 9 }))).page).toBe(2);
  });

  it("counts a long journal up to the cap, newest first, and pages it within the cap (issue 17)", async () => {
    const { mine, theirs, worker, coordinator } = await setup();
    const row = (caseId: string, i: number) => ({ userId: worker.id, action: "outreach.visit", entity: "Case", entityId: caseId, caseId, at: new Date(NOW.getTime() + i * MIN) });
    await db.auditLog.createMany({ data: Array.from({ length: AUDIT_COUNT_CAP + 10 }, (_, i) => row(mine.id, i)) });
    await db.auditLog.createMany({ data: Array.from({ length: 20 }, (_, i) => row(theirs.id, i + 5000)) });

    const first = await listAuditEntries(db, coordinator, filters());
    expect(first).toMatchObject({ total: AUDIT_COUNT_CAP, capped: true, page: 1, pageCount: AUDIT_COUNT_CAP / AUDIT_PAGE_SIZE });
    // Newest first, and never another team's rows (theirs are the newest of all).
    expect(first.rows[0]!.at.toISOString()).toBe(new Date(NOW.getTime() + (AUDIT_COUNT_CAP + 9) * MIN).toISOString());
    expect(first.rows.every((r) => r.caseId === mine.id)).toBe(true);
    const last = await listAuditEntries(db, coordinator, filters({ page: 999 }));
    expect(last.page).toBe(AUDIT_COUNT_CAP / AUDIT_PAGE_SIZE);
    expect(last.rows.at(-1)!.at.toISOString()).toBe(new Date(NOW.getTime() + 10 * MIN).toISOString());
    // A filter narrows it under the cap: exact again.
    const june10 = new Date("2026-06-10T00:00:00Z");
    expect(await listAuditEntries(db, coordinator, filters({ from: june10, to: june10 }))).toMatchObject({ total: 780, page: 1 });
    expect((await auditFilterOptions(db, coordinator)).actions.map((a) => a.code)).toEqual(["outreach.visit"]);
  });
});

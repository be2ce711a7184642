import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { getCaseWorkflow } from "@/lib/server/queries/get-case-workflow";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { outreachEventSchema, type OutreachEventInput } from "@/lib/validation/outreach";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T18:00:00Z"); // 19:00 in Paris

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  const worker = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  const colleague = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  const stranger = await createUser(db, { role: "SOCIAL_WORKER", teamId: other.id });
  const funder = await createUser(db, { role: "FUNDER_VIEWER", teamId: team.id });
  const actor = (u: { id: string; role: Actor["role"] }, teamId: string): Actor => ({ id: u.id, role: u.role, teamIds: [teamId] });
  return {
    team,
    worker: actor(worker, team.id),
    colleague: actor(colleague, team.id),
    stranger: actor(stranger, other.id),
    funder: actor(funder, team.id),
  };
}

function input(caseId: string, version: number, fields: Record<string, unknown>): OutreachEventInput {
  return outreachEventSchema.parse({ caseId, version: String(version), day: "2026-11-26", time: "19:00", ...fields });
}

async function stateOf(caseId: string) {
  return db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { state: true, version: true, reminderDueOn: true, tenantLetterSentOn: true, supported: true, firstContactOn: true, closedOn: true, closureReason: true, _count: { select: { outreachEvents: true } } },
  });
}

describe("recordOutreachEvent", () => {
  beforeEach(resetDatabase);

  it("takes a new case through letter → visit → visit → reminder → closure, with the reminder due 15 days after visit 2", async () => {
    const { team, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
    let version = c.version;
    const step = async (fields: Record<string, unknown>, now = NOW) => {
      const r = await recordOutreachEvent(db, worker, input(c.id, version, fields), now);
      version = r.version;
      return r;
    };

    await step({ kind: "LETTER_TENANT", day: "2026-10-01", time: "10:00" });
    await step({ kind: "LETTER_LANDLORD", day: "2026-10-01", time: "10:05" });
    await step({ kind: "VISIT", outcome: "ABSENT", noticeLeft: "on", day: "2026-10-08", time: "19:30" });
    // 25 October 2026 is the end of summer time in Paris: the 15 days are calendar days all the same.
    const visit2 = await step({ kind: "VISIT", outcome: "ABSENT", noticeLeft: "on", day: "2026-10-20", time: "07:15" });
    expect(visit2.state).toBe("VISIT_2_FAILED");
    expect((await stateOf(c.id)).reminderDueOn?.toISOString().slice(0, 10)).toBe("2026-11-04");

    await expect(step({ kind: "REMINDER", day: "2026-11-03", time: "09:00" })).rejects.toThrow(/4 novembre 2026/);
    await step({ kind: "REMINDER", day: "2026-11-04", time: "09:00" });
    await step({ kind: "CLOSURE", reason: "NO_CONTACT", day: "2026-11-26", time: "08:00" });

    const after = await stateOf(c.id);
    expect(after).toMatchObject({ state: "CLOSED", closureReason: "NO_CONTACT", reminderDueOn: null, supported: false });
    expect(after.closedOn?.toISOString().slice(0, 10)).toBe("2026-11-26");
    expect(after._count.outreachEvents).toBe(6);
    expect(after.version).toBe(c.version + 6);

    const workflow = await getCaseWorkflow(db, worker, c.id, NOW);
    expect(workflow!.timeline.map((t) => t.kind)).toEqual(["CLOSURE", "REMINDER", "VISIT", "VISIT", "LETTER_LANDLORD", "LETTER_TENANT"]);
    expect(workflow!.availability.filter((a) => a.available).map((a) => a.kind)).toEqual(["REOPENING"]);

    const audit = await db.auditLog.findMany({ where: { caseId: c.id }, orderBy: { at: "asc" }, select: { action: true, userId: true } });
    expect(audit.map((a) => a.action)).toEqual([
      "outreach.letter_tenant",
      "outreach.letter_landlord",
      "outreach.visit",
      "outreach.visit",
      "outreach.reminder",
      "outreach.closure",
    ]);
    expect(audit.every((a) => a.userId === worker.id)).toBe(true);
  });

  it("moves a household that takes contact to support, and no longer offers outreach steps", async () => {
    const { team, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW });
    await recordOutreachEvent(db, worker, input(c.id, c.version, { kind: "HOUSEHOLD_CONTACT", channel: "PHONE" }), NOW);
    const after = await stateOf(c.id);
    expect(after).toMatchObject({ state: "SUPPORTED", supported: true });
    expect(after.firstContactOn?.toISOString().slice(0, 10)).toBe("2026-11-26");
    const offered = (await getCaseWorkflow(db, worker, c.id, NOW))!.availability.filter((a) => a.available).map((a) => a.kind);
    expect(offered).not.toContain("REMINDER");
    expect(offered).not.toContain("LETTER_TENANT");
  });

  it("refuses a forbidden step forced by a crafted request, with the French reason, and writes nothing", async () => {
    const { team, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW });
    const before = await stateOf(c.id);
    const auditBefore = await db.auditLog.count();

    const attempts: Record<string, unknown>[] = [
      { kind: "REMINDER" }, // only after two failed visits
      { kind: "CLOSURE", reason: "NO_CONTACT" }, // only once the reminder is sent
      { kind: "CLOSURE", reason: "SUPPORT_COMPLETED" }, // only for a supported household
      { kind: "REOPENING", reason: "erreur" }, // not closed
      { kind: "VISIT", outcome: "ABSENT", day: "2026-11-27", time: "10:00" }, // in the future
    ];
    for (const fields of attempts) {
      const error = await recordOutreachEvent(db, worker, input(c.id, c.version, fields), NOW).catch((e: unknown) => e);
      expect(error, JSON.stringify(fields)).toBeInstanceOf(ExpectedError);
      expect((error as ExpectedError).message).toMatch(/[a-zé]/);
    }
    expect(await stateOf(c.id)).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("refuses roles that may not record and users of another team, as not found", async () => {
    const { team, stranger, funder } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 10, 1), now: NOW });
    await expect(recordOutreachEvent(db, stranger, input(c.id, c.version, { kind: "LETTER_TENANT" }), NOW)).rejects.toThrow(/introuvable/);
    await expect(recordOutreachEvent(db, funder, input(c.id, c.version, { kind: "LETTER_TENANT" }), NOW)).rejects.toThrow(/introuvable/);
    expect(await getCaseWorkflow(db, stranger, c.id, NOW)).toBeNull();
    expect((await stateOf(c.id))._count.outreachEvents).toBe(0);
  });

  it("never loses an update when two people record on the same case at once", async () => {
    const { team, worker, colleague } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW });
    const eventsBefore = (await stateOf(c.id))._count.outreachEvents;
    // Both saw the same version of the case and record different things at the same moment.
    const results = await Promise.allSettled([
      recordOutreachEvent(db, worker, input(c.id, c.version, { kind: "VISIT", outcome: "ABSENT", noticeLeft: "on" }), NOW),
      recordOutreachEvent(db, colleague, input(c.id, c.version, { kind: "HOUSEHOLD_CONTACT", channel: "PHONE" }), NOW),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(ExpectedError);
    expect((refused[0]!.reason as ExpectedError).code).toBe("CONFLICT");
    const after = await stateOf(c.id);
    expect(after._count.outreachEvents).toBe(eventsBefore + 1);
    expect(after.version).toBe(c.version + 1);
  });

  it("refuses a stale version even when the step itself would be allowed", async () => {
    const { team, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW });
    await recordOutreachEvent(db, worker, input(c.id, c.version, { kind: "SMS" }), NOW);
    const error = await recordOutreachEvent(db, worker, input(c.id, c.version, { kind: "EMAIL" }), NOW).catch((e: unknown) => e);
    expect((error as ExpectedError).code).toBe("CONFLICT");
    expect((error as ExpectedError).message).toMatch(/modifié par quelqu'un d'autre/);
  });

  it("reopens a closed case with a reason, back to the state it was closed from", async () => {
    const { team, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "CLOSED", closureReason: "SUPPORT_COMPLETED", openedOn: calendarDate(2026, 6, 1), now: NOW });
    // A reopening without a reason never reaches the service: the form's schema refuses it.
    expect(outreachEventSchema.safeParse({ caseId: c.id, version: "0", day: "2026-11-26", time: "19:00", kind: "REOPENING", reason: " " }).success).toBe(false);
    const r = await recordOutreachEvent(db, worker, input(c.id, c.version, { kind: "REOPENING", reason: "Nouvelle assignation reçue" }), NOW);
    expect(r.state).toBe("SUPPORTED");
    expect(await stateOf(c.id)).toMatchObject({ state: "SUPPORTED", closedOn: null, closureReason: null, supported: true });
  });
});

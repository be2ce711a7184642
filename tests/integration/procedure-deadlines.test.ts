import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { PROCEDURE_DEADLINES_VERSION, nextDeadline, procedureDeadlines } from "@/lib/domain/procedure/deadline-list";
import { procedureFacts } from "@/lib/domain/procedure/facts";
import { db } from "@/lib/server/db";
import { listCases } from "@/lib/server/queries/list-cases";
import { listProcedureDeadlines } from "@/lib/server/queries/list-procedure-deadlines";
import { ensureDeadlinesCurrent, rollNextDeadlinesForward, trustOutdatedDeadlinesCheck } from "@/lib/server/services/refresh-deadlines";
import { recordProcedureEvent } from "@/lib/server/services/record-procedure-event";
import { procedureEventSchema } from "@/lib/validation/procedure";
import { parisToday } from "@/lib/utils/dates";
import { calendarDate, toIsoDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T09:00:00Z");
const TODAY = parisToday(NOW);

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  const actor = async (role: Actor["role"], teamId: string): Promise<Actor> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role, teamIds: [teamId] };
  };
  return { team, other, jurist: await actor("JURIST", team.id), stranger: await actor("JURIST", other.id) };
}

async function record(actor: Actor, caseId: string, fields: Record<string, string>) {
  const { version } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  return recordProcedureEvent(db, actor, procedureEventSchema.parse({ caseId, version: String(version), ...fields }), NOW);
}

async function stored(caseId: string) {
  const c = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { nextDeadlineOn: true, nextDeadlineKind: true, deadlinesVersion: true, deadlines: { orderBy: [{ on: "asc" }, { kind: "asc" }] } },
  });
  return {
    next: c.nextDeadlineOn ? [c.nextDeadlineKind, toIsoDate(c.nextDeadlineOn)] : null,
    version: c.deadlinesVersion,
    all: c.deadlines.map((d) => [d.kind, toIsoDate(d.on)]),
  };
}

describe("procedure deadlines kept for the lists", () => {
  beforeEach(resetDatabase);

  it("recording acts stores every dated deadline and the next one, as the domain computes them", async () => {
    const { team, jurist } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW });
    await record(jurist, c.id, { stage: "ASSIGNATION", date: "2026-11-02", reference: "RG 26/0042" });
    await record(jurist, c.id, { stage: "HEARING", date: "2027-01-15" });
    expect(await stored(c.id)).toEqual({
      next: ["PREFET_NOTIFICATION_LATEST", "2026-12-04"],
      version: PROCEDURE_DEADLINES_VERSION,
      all: [
        ["PREFET_NOTIFICATION_LATEST", "2026-12-04"],
        ["HEARING", "2027-01-15"],
      ],
    });

    // The DSF referral and the interview offer are recorded acts (issue 4): the offer's deadline appears, then goes.
    await record(jurist, c.id, { stage: "DSF_REFERRAL", date: "2026-11-20" });
    expect((await stored(c.id)).next).toEqual(["PREFET_NOTIFICATION_LATEST", "2026-12-04"]);
    expect((await stored(c.id)).all).toContainEqual(["DSF_INTERVIEW_OFFER_LATEST", "2026-12-11"]);
    await record(jurist, c.id, { stage: "PREFET_NOTIFICATION", date: "2026-11-24" });
    expect((await stored(c.id)).next).toEqual(["DSF_INTERVIEW_OFFER_LATEST", "2026-12-11"]);
    await record(jurist, c.id, { stage: "DSF_INTERVIEW_OFFER", date: "2026-11-25" });
    expect(await stored(c.id)).toMatchObject({
      next: ["DSF_TRANSMISSION_LATEST", "2027-01-08"],
      all: [
        ["DSF_TRANSMISSION_LATEST", "2027-01-08"],
        ["HEARING", "2027-01-15"],
      ],
    });

    // The stored rows are exactly the domain's, recomputed from what is on file.
    const full = await db.case.findUniqueOrThrow({
      where: { id: c.id },
      select: { debtCents: true, procedureEvents: true, lease: { select: { signedOn: true, rentCents: true, landlord: { select: { kind: true } } } } },
    });
    const expected = procedureDeadlines(
      procedureFacts({
        events: full.procedureEvents,
        leaseSignedOn: full.lease?.signedOn ?? null,
        landlordKind: full.lease?.landlord.kind ?? null,
        monthlyRentCents: full.lease?.rentCents ?? null,
        debtCents: full.debtCents,
        householdMet: false,
      }),
    );
    expect((await stored(c.id)).all).toEqual(expected.map((d) => [d.kind, toIsoDate(d.on)]));
    expect(nextDeadline(expected, TODAY)?.kind).toBe("DSF_TRANSMISSION_LATEST");
  });

  it("the DSF interview offer cannot be recorded before the referral", async () => {
    const { team, jurist } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW });
    await record(jurist, c.id, { stage: "ASSIGNATION", date: "2026-11-02" });
    await expect(record(jurist, c.id, { stage: "DSF_INTERVIEW_OFFER", date: "2026-11-20" })).rejects.toMatchObject({
      fieldErrors: { stage: [expect.stringContaining("Saisine pour le diagnostic social et financier")] },
    });
  });

  it("cases written without deadlines (seed, factories, older rules) are computed before a list reads them", async () => {
    const { team, jurist } = await setup();
    const c = await caseAtState(db, {
      teamId: team.id,
      state: "VISIT_1_FAILED",
      openedOn: calendarDate(2026, 9, 1),
      stage: "ASSIGNATION",
      hearingOn: calendarDate(2026, 12, 10),
      now: NOW,
    });
    expect((await stored(c.id)).version).toBe(0);
    const list = await listCases(db, jurist, { teamId: team.id, sort: "echeance", now: NOW });
    expect(list.rows.map((r) => r.id)).toEqual([c.id]);
    expect((await stored(c.id)).version).toBe(PROCEDURE_DEADLINES_VERSION);
    expect(list.rows[0]?.nextDeadlineKind).toBe("HEARING");
    expect(toIsoDate(list.rows[0]!.nextDeadlineOn!)).toBe("2026-12-10");
  });

  it("the caseload sorts by next deadline (none last) and filters by a window of days", async () => {
    const { team, jurist } = await setup();
    const at = (hearing: Date | null, opened = calendarDate(2026, 9, 1)) =>
      caseAtState(db, {
        teamId: team.id,
        state: "FIRST_LETTER_SENT",
        openedOn: opened,
        ...(hearing ? { stage: "ASSIGNATION" as const, hearingOn: hearing } : {}),
        now: NOW,
      });
    const later = await at(calendarDate(2027, 2, 20));
    const none = await at(null);
    const soon = await at(calendarDate(2026, 12, 3));
    const mid = await at(calendarDate(2027, 1, 5));
    await ensureDeadlinesCurrent(db, TODAY);

    const sorted = await listCases(db, jurist, { teamId: team.id, sort: "echeance", now: NOW });
    // Each case's next deadline is its hearing or, before it, the préfet's notification 42 days ahead when due.
    const nexts = sorted.rows.map((r) => (r.nextDeadlineOn ? toIsoDate(r.nextDeadlineOn) : null));
    expect(nexts).toEqual([...nexts.filter((x) => x !== null).sort(), null]);
    expect(sorted.rows.at(-1)?.id).toBe(none.id);

    const within15 = await listCases(db, jurist, { teamId: team.id, deadlineWithinDays: 15, sort: "echeance", now: NOW });
    expect(within15.rows.map((r) => r.id)).toEqual([soon.id]);
    const within60 = await listCases(db, jurist, { teamId: team.id, deadlineWithinDays: 60, sort: "echeance", now: NOW });
    expect(new Set(within60.rows.map((r) => r.id))).toEqual(new Set([soon.id, mid.id, ...(within60.rows.some((r) => r.id === later.id) ? [later.id] : [])]));
    expect(within60.rows.every((r) => r.nextDeadlineOn && toIsoDate(r.nextDeadlineOn) <= "2027-01-25")).toBe(true);
  });

  it("once a deadline has passed, the next one takes its place (daily roll-forward), then none", async () => {
    const { team, jurist } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW });
    await record(jurist, c.id, { stage: "ASSIGNATION", date: "2026-11-02" });
    await record(jurist, c.id, { stage: "HEARING", date: "2027-01-15" });
    expect((await stored(c.id)).next).toEqual(["PREFET_NOTIFICATION_LATEST", "2026-12-04"]);
    const versionBefore = (await db.case.findUniqueOrThrow({ where: { id: c.id } })).version;

    expect(await rollNextDeadlinesForward(db, calendarDate(2026, 12, 4))).toBe(0);
    expect(await rollNextDeadlinesForward(db, calendarDate(2026, 12, 5))).toBe(1);
    expect((await stored(c.id)).next).toEqual(["HEARING", "2027-01-15"]);
    await rollNextDeadlinesForward(db, calendarDate(2027, 1, 16));
    expect((await stored(c.id)).next).toBeNull();
    // Derived data: the user's optimistic-concurrency version is untouched.
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(versionBefore);
  });

  it("'À faire' lists the deadlines of the window, soonest first, for the team or the actor, never closed cases nor another team's", async () => {
    const { team, other, jurist, stranger } = await setup();
    const mine = await caseAtState(db, {
      teamId: team.id,
      state: "VISIT_1_FAILED",
      openedOn: calendarDate(2026, 9, 1),
      stage: "ASSIGNATION",
      hearingOn: calendarDate(2026, 12, 10),
      assignedJuristId: jurist.id,
      now: NOW,
    });
    const teams = await caseAtState(db, {
      teamId: team.id,
      state: "FIRST_LETTER_SENT",
      openedOn: calendarDate(2026, 9, 1),
      stage: "ASSIGNATION",
      hearingOn: calendarDate(2026, 12, 1),
      now: NOW,
    });
    await caseAtState(db, {
      teamId: team.id,
      state: "CLOSED",
      closureReason: "NO_CONTACT",
      openedOn: calendarDate(2026, 6, 1),
      stage: "ASSIGNATION",
      hearingOn: calendarDate(2026, 12, 2),
      now: NOW,
    });
    await caseAtState(db, { teamId: other.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 9, 1), stage: "ASSIGNATION", hearingOn: calendarDate(2026, 12, 2), now: NOW });

    const team30 = await listProcedureDeadlines(db, jurist, { teamId: team.id, scope: "team", now: NOW, horizonDays: 30 });
    expect(team30!.items.filter((i) => i.kind === "HEARING").map((i) => [i.caseId, toIsoDate(i.on), i.daysLeft])).toEqual([
      [teams.id, "2026-12-01", 5],
      [mine.id, "2026-12-10", 14],
    ]);
    expect(team30!.items.map((i) => i.on.getTime())).toEqual(team30!.items.map((i) => i.on.getTime()).sort((a, b) => a - b));
    expect(team30!.items.find((i) => i.kind === "HEARING")?.legalBasis).toBe("");
    for (const item of team30!.items.filter((i) => i.kind !== "HEARING")) expect(item.legalBasis).toMatch(/art\./);

    const me30 = await listProcedureDeadlines(db, jurist, { teamId: team.id, scope: "me", now: NOW, horizonDays: 30 });
    expect(new Set(me30!.items.map((i) => i.caseId))).toEqual(new Set([mine.id]));
    const team7 = await listProcedureDeadlines(db, jurist, { teamId: team.id, scope: "team", now: NOW, horizonDays: 7 });
    expect(team7!.items.every((i) => i.daysLeft <= 7)).toBe(true);
    expect(team7!.items.map((i) => i.caseId)).not.toContain(mine.id);

    expect(await listProcedureDeadlines(db, stranger, { teamId: team.id, scope: "team", now: NOW, horizonDays: 30 })).toBeNull();

    // The first ones only ("Voir les N" asks for more): the count is still every deadline of the window.
    const first = await listProcedureDeadlines(db, jurist, { teamId: team.id, scope: "team", now: NOW, horizonDays: 30, limit: 1 });
    expect(first!.items).toHaveLength(1);
    expect(first!.total).toBe(team30!.total);
    expect(first!.items[0]).toEqual(team30!.items[0]);
  });

  it("in the app server, a check that found nothing is trusted for a while; then the next list computes the cases written meanwhile", async () => {
    const { team } = await setup();
    const state = globalThis as { maintienOutdatedCheck?: unknown };
    try {
      trustOutdatedDeadlinesCheck(60_000);
      await ensureDeadlinesCurrent(db, TODAY);
      // Written by a bulk writer outside the services (no deadlines) within the trusted minute: not looked for yet.
      const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW, stage: "ASSIGNATION", hearingOn: calendarDate(2027, 1, 5) });
      await ensureDeadlinesCurrent(db, TODAY);
      expect((await stored(c.id)).version).toBeLessThan(PROCEDURE_DEADLINES_VERSION);
      // Once the trust has expired (here: none), the next check computes it.
      trustOutdatedDeadlinesCheck(0);
      await ensureDeadlinesCurrent(db, TODAY);
      expect((await stored(c.id)).version).toBe(PROCEDURE_DEADLINES_VERSION);
    } finally {
      delete state.maintienOutdatedCheck;
    }
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { DUE_SECTIONS, dueEntries, type DueSection } from "@/lib/domain/outreach/urgency";
import type { Actor, Role } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { DUE_WORK_EXPANDED_LIMIT, DUE_WORK_PAGE_LIMIT, DUE_WORK_SECTION_LIMIT, listDueWork, type DueWork, type DueWorkScope } from "@/lib/server/queries/list-due-work";
import { parisToday } from "@/lib/utils/dates";
import { addDays, parisDayOf, toIsoDate } from "../factories/calendar";
import { caseAtState, insertCasePlans, planCaseAtState, type CaseAtStateOptions } from "../factories/case-at-state";
import { createRng } from "../factories/random";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

// Thursday 26 November 2026, 10:00 in Paris.
const NOW = new Date("2026-11-26T09:00:00Z");
const TODAY = parisDayOf(NOW);
const LONG_AGO = addDays(TODAY, -120);

const actor = (u: { id: string; role: Role }, teamIds: string[]): Actor => ({ id: u.id, role: u.role, teamIds });

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62" });
  const users = {
    worker: await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id, name: "Ana Worker" }),
    worker2: await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id, name: "Bruno Worker" }),
    jurist: await createUser(db, { role: "JURIST", teamId: team.id, name: "Chloé Jurist" }),
    coordinator: await createUser(db, { role: "COORDINATOR", teamId: team.id }),
    admin: await createUser(db, { role: "ADMIN", teamId: team.id }),
    funder: await createUser(db, { role: "FUNDER_VIEWER", teamId: team.id }),
    stranger: await createUser(db, { role: "COORDINATOR", teamId: other.id }),
  };
  const actors = Object.fromEntries(
    Object.entries(users).map(([key, u]) => [key, actor(u, [key === "stranger" ? other.id : team.id])]),
  ) as Record<keyof typeof users, Actor>;
  let seed = 1;
  /** A case of the team, named after its tenant, followed by Ana unless said otherwise. */
  const make = (lastName: string, opts: Partial<CaseAtStateOptions> & Pick<CaseAtStateOptions, "state">) =>
    caseAtState(db, {
      teamId: team.id,
      openedOn: LONG_AGO,
      now: NOW,
      assignedWorkerId: users.worker.id,
      household: { tenant: { firstName: "Test", lastName } },
      rng: createRng(seed++),
      ...opts,
    });
  return { team, other, users, actors, make };
}

const view = (work: DueWork | null, section: DueSection) => {
  const found = work?.sections.find((s) => s.section === section);
  if (!found) throw new Error(`no section ${section}`);
  return found;
};
const names = (work: DueWork | null, section: DueSection) => view(work, section).items.map((i) => i.tenantName.split(" ")[0]);

/** Every (section, case) pair of a result, for set comparisons. */
const pairs = (work: DueWork | null) => work!.sections.flatMap((s) => s.items.map((i) => `${s.section}:${i.caseId}`)).sort();

describe("listDueWork", () => {
  beforeEach(resetDatabase);

  it("puts each case in the section its state calls for, as the domain's dueEntries says", async () => {
    const { team, other, users, actors, make } = await setup();
    const identified = await make("IDENTIFIE", { state: "IDENTIFIED", openedOn: addDays(TODAY, -3) });
    const letterSent = await make("COURRIER", { state: "FIRST_LETTER_SENT" });
    const visit1 = await make("VISITEUN", { state: "VISIT_1_FAILED" });
    const visit2 = await make("VISITEDEUX", { state: "VISIT_2_FAILED" });
    // Second visit yesterday at the latest: the reminder is not due yet.
    const visit2Recent = await make("RECENT", { state: "VISIT_2_FAILED", openedOn: addDays(TODAY, -6) });
    const reminded = await make("RELANCE", { state: "REMINDER_SENT" });
    const supported = await make("ACCOMPAGNE", { state: "SUPPORTED" });
    const closed = await make("CLOTURE", { state: "CLOSED", closureReason: "NO_CONTACT", stage: "ASSIGNATION", hearingOn: addDays(TODAY, 5) });
    const closedGone = await make("PARTI", { state: "CLOSED", closureReason: "LEFT_DWELLING" });

    // A first visit that found the household gone, not closed yet: closure, no second visit.
    const gone = await make("DEMENAGE", { state: "VISIT_1_FAILED" });
    await db.outreachEvent.updateMany({ where: { caseId: gone.id, kind: "VISIT" }, data: { visitOutcome: "MOVED_OUT", noticeLeft: false } });
    await db.case.update({ where: { id: gone.id }, data: { provedGone: true } });
    // Support, but the landlord's letter never went out: still to send.
    const noLandlordLetter = await make("BAILLEUR", { state: "SUPPORTED" });
    await db.outreachEvent.deleteMany({ where: { caseId: noLandlordLetter.id, kind: "LETTER_LANDLORD" } });
    await db.case.update({ where: { id: noLandlordLetter.id }, data: { landlordLetterSentOn: null } });
    // The same, closed: nothing to do any more.
    const closedNoLetter = await make("FERME", { state: "CLOSED", closureReason: "NO_CONTACT" });
    await db.outreachEvent.deleteMany({ where: { caseId: closedNoLetter.id, kind: "LETTER_LANDLORD" } });
    await db.case.update({ where: { id: closedNoLetter.id }, data: { landlordLetterSentOn: null } });

    // Another team's cases, one at every state: never listed.
    for (const state of ["IDENTIFIED", "FIRST_LETTER_SENT", "VISIT_1_FAILED", "VISIT_2_FAILED", "REMINDER_SENT"] as const) {
      await caseAtState(db, { teamId: other.id, state, openedOn: LONG_AGO, now: NOW, assignedWorkerId: users.stranger.id, stage: "ASSIGNATION", hearingOn: addDays(TODAY, 3) });
    }

    const work = await listDueWork(db, actors.coordinator, { teamId: team.id, scope: "team", now: NOW });
    expect(work!.sections.map((s) => s.section)).toEqual([...DUE_SECTIONS]);
    expect(work!.today.toISOString()).toBe(TODAY.toISOString());

    const ids = (section: DueSection) => view(work, section).items.map((i) => i.caseId).sort();
    expect(ids("LETTER")).toEqual([identified.id, noLandlordLetter.id].sort());
    expect(ids("VISIT")).toEqual([letterSent.id, visit1.id].sort());
    expect(ids("REMINDER_DUE")).toEqual([visit2.id]);
    expect(ids("REMINDER_UPCOMING")).toEqual([visit2Recent.id]);
    expect(ids("CLOSURE")).toEqual([gone.id, reminded.id].sort());
    expect(ids("HEARING_SOON")).toEqual([]);
    expect(ids("HEARING_LATER")).toEqual([]);
    for (const s of work!.sections) expect(s.total).toBe(s.items.length);

    // What is due, in the domain's words.
    const item = (section: DueSection, id: string) => view(work, section).items.find((i) => i.caseId === id)!;
    expect(item("LETTER", identified.id).steps).toEqual(["LETTER_TENANT", "LETTER_LANDLORD"]);
    expect(item("LETTER", noLandlordLetter.id).steps).toEqual(["LETTER_LANDLORD"]);
    expect(item("VISIT", letterSent.id).steps).toEqual(["FIRST_VISIT"]);
    expect(item("VISIT", visit1.id).steps).toEqual(["SECOND_VISIT"]);
    expect(item("CLOSURE", gone.id).steps).toEqual(["CLOSURE_GONE"]);
    expect(item("CLOSURE", reminded.id).steps).toEqual(["CLOSURE_NO_CONTACT"]);
    expect(item("VISIT", letterSent.id)).toMatchObject({ number: letterSent.number, city: letterSent.household.city, workerName: "Ana Worker", juristName: null });
    expect(item("VISIT", letterSent.id).tenantName).toBe("COURRIER Test");

    // The day each step fell due comes from the history.
    const dayOf = (c: typeof visit1, match: (e: (typeof visit1.outreachEvents)[number]) => boolean) =>
      toIsoDate(parisToday(c.outreachEvents.filter(match).at(-1)!.occurredAt));
    const iso = (d: Date | null) => (d ? toIsoDate(d) : null);
    expect(iso(item("LETTER", identified.id).dueOn)).toBe(toIsoDate(identified.openedOn));
    expect(iso(item("VISIT", letterSent.id).dueOn)).toBe(dayOf(letterSent, (e) => e.kind === "LETTER_TENANT"));
    expect(iso(item("VISIT", visit1.id).dueOn)).toBe(dayOf(visit1, (e) => e.kind === "VISIT"));
    expect(iso(item("CLOSURE", reminded.id).dueOn)).toBe(dayOf(reminded, (e) => e.kind === "REMINDER"));
    expect(iso(item("CLOSURE", gone.id).dueOn)).toBe(dayOf(gone, (e) => e.kind === "VISIT"));

    // Never listed: support with both letters sent, closed cases (even with a close
    // hearing or a missing letter), another team's cases.
    const listed = new Set(work!.sections.flatMap((s) => s.items.map((i) => i.caseId)));
    for (const c of [supported, closed, closedGone, closedNoLetter]) expect(listed.has(c.id)).toBe(false);
    const theirs = await db.case.findMany({ where: { teamId: other.id }, select: { id: true } });
    for (const c of theirs) expect(listed.has(c.id)).toBe(false);

    // The database agrees with the domain on every case of the team.
    const rows = await db.case.findMany({
      where: { teamId: team.id },
      select: { id: true, state: true, tenantLetterSentOn: true, landlordLetterSentOn: true, reminderDueOn: true, provedGone: true, supported: true, hearingOn: true },
    });
    const expected = rows.flatMap((r) => dueEntries(r, NOW).map((e) => `${e.section}:${r.id}`)).sort();
    expect(pairs(work)).toEqual(expected);

    // Another team's coordinator sees only their own team's work, never ours.
    expect(await listDueWork(db, actors.stranger, { teamId: team.id, scope: "team", now: NOW })).toBeNull();
    const theirWork = await listDueWork(db, actors.stranger, { teamId: other.id, scope: "team", now: NOW });
    const theirListed = new Set(theirWork!.sections.flatMap((s) => s.items.map((i) => i.caseId)));
    expect(theirListed.size).toBe(5);
    for (const id of listed) expect(theirListed.has(id)).toBe(false);
  });

  it("lists the reminder exactly 15 days after the second failed visit: upcoming the day before, due on the day", async () => {
    const { team, actors, make } = await setup();
    const c = await make("BENARD", { state: "VISIT_2_FAILED", openedOn: addDays(TODAY, -40) });
    const secondVisit = c.outreachEvents.filter((e) => e.kind === "VISIT").at(-1)!;
    const expectedDue = addDays(parisDayOf(secondVisit.occurredAt), 15);
    expect(c.reminderDueOn?.toISOString()).toBe(expectedDue.toISOString());

    const at = (day: Date) => new Date(day.getTime() + 9 * 3_600_000); // 10:00 or 11:00 in Paris
    const before = await listDueWork(db, actors.worker, { teamId: team.id, scope: "me", now: at(addDays(expectedDue, -1)) });
    expect(view(before, "REMINDER_DUE").items).toEqual([]);
    expect(view(before, "REMINDER_UPCOMING").items.map((i) => i.dueOn?.toISOString())).toEqual([expectedDue.toISOString()]);

    const onTheDay = await listDueWork(db, actors.worker, { teamId: team.id, scope: "me", now: at(expectedDue) });
    expect(view(onTheDay, "REMINDER_UPCOMING").items).toEqual([]);
    const due = view(onTheDay, "REMINDER_DUE").items;
    expect(due.map((i) => [i.caseId, i.steps, i.dueOn?.toISOString()])).toEqual([[c.id, ["REMINDER"], expectedDue.toISOString()]]);
    // Still "due since" the same day a week later.
    const later = await listDueWork(db, actors.worker, { teamId: team.id, scope: "me", now: at(addDays(expectedDue, 7)) });
    expect(view(later, "REMINDER_DUE").items[0]?.dueOn?.toISOString()).toBe(expectedDue.toISOString());
  });

  it("orders by urgency: hearings soonest first, oldest due reminder first, longest waiting first", async () => {
    const { team, actors, make } = await setup();
    const hearing = (lastName: string, days: number, state: CaseAtStateOptions["state"] = "FIRST_LETTER_SENT") =>
      make(lastName, { state, stage: "ASSIGNATION", hearingOn: addDays(TODAY, days) });
    await hearing("QUINZE", 15);
    await hearing("AUJOURDHUI", 0);
    await hearing("SEIZE", 16);
    await hearing("DIX", 10, "VISIT_1_FAILED");
    await hearing("QUARANTECINQ", 45);
    await hearing("QUARANTESIX", 46);
    await hearing("TRENTE", 30, "IDENTIFIED");
    await make("SOUTIEN", { state: "SUPPORTED", stage: "ASSIGNATION", hearingOn: addDays(TODAY, 4) });
    await make("HIER", { state: "FIRST_LETTER_SENT", stage: "HEARING" }); // hearing held already

    await make("RELANCEJEUNE", { state: "VISIT_2_FAILED", openedOn: addDays(TODAY, -40) });
    await make("RELANCEVIEILLE", { state: "VISIT_2_FAILED", openedOn: addDays(TODAY, -90) });

    const work = await listDueWork(db, actors.coordinator, { teamId: team.id, scope: "team", now: NOW });
    expect(names(work, "HEARING_SOON")).toEqual(["AUJOURDHUI", "DIX", "QUINZE"]);
    expect(view(work, "HEARING_SOON").items.map((i) => i.daysToHearing)).toEqual([0, 10, 15]);
    expect(view(work, "HEARING_SOON").items.map((i) => i.steps)).toEqual([["FIRST_VISIT"], ["SECOND_VISIT"], ["FIRST_VISIT"]]);
    expect(names(work, "HEARING_LATER")).toEqual(["SEIZE", "TRENTE", "QUARANTECINQ"]);
    expect(names(work, "REMINDER_DUE")).toEqual(["RELANCEVIEILLE", "RELANCEJEUNE"]);

    // Visits: the one waiting longest first (by the day it fell due), whatever the case number.
    const visits = view(work, "VISIT").items;
    const dues = visits.map((i) => i.dueOn!.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(visits).toHaveLength(7);
  });

  it("'Moi' keeps the cases the user follows as worker or jurist; 'Équipe' keeps all the team's", async () => {
    const { team, users, actors, make } = await setup();
    const mine = await make("MIENNE", { state: "FIRST_LETTER_SENT" });
    const asJurist = await make("JURISTE", { state: "FIRST_LETTER_SENT", assignedWorkerId: users.worker2.id, assignedJuristId: users.jurist.id });
    const bruno = await make("BRUNO", { state: "FIRST_LETTER_SENT", assignedWorkerId: users.worker2.id });
    const nobody = await make("PERSONNE", { state: "IDENTIFIED", assignedWorkerId: null, createdById: users.coordinator.id });

    const ids = (w: DueWork | null) => w!.sections.flatMap((s) => s.items.map((i) => i.caseId)).sort();
    const get = (a: Actor, scope: DueWorkScope) => listDueWork(db, a, { teamId: team.id, scope, now: NOW });

    expect(ids(await get(actors.worker, "me"))).toEqual([mine.id]);
    expect(ids(await get(actors.worker2, "me"))).toEqual([asJurist.id, bruno.id].sort());
    expect(ids(await get(actors.jurist, "me"))).toEqual([asJurist.id]);
    expect(ids(await get(actors.coordinator, "me"))).toEqual([]);
    const all = [mine.id, asJurist.id, bruno.id, nobody.id].sort();
    expect(ids(await get(actors.coordinator, "team"))).toEqual(all);
    expect(ids(await get(actors.worker, "team"))).toEqual(all);

    const item = (await get(actors.jurist, "me"))!.sections.find((s) => s.section === "VISIT")!.items[0]!;
    expect(item).toMatchObject({ workerName: "Bruno Worker", juristName: "Chloé Jurist" });
  });

  it("refuses admins, funders and other teams: null, like a page that does not exist", async () => {
    const { team, actors, make } = await setup();
    await make("IDENTIFIE", { state: "IDENTIFIED" });
    for (const a of [actors.admin, actors.funder, actors.stranger]) {
      expect(await listDueWork(db, a, { teamId: team.id, scope: "team", now: NOW })).toBeNull();
    }
    const noTeam: Actor = { ...actors.worker, teamIds: [] };
    expect(await listDueWork(db, noTeam, { teamId: team.id, scope: "me", now: NOW })).toBeNull();
  });

  it("lists at most the limit per section but counts them all; the page's short list and one section in full", async () => {
    const { team, users } = await setup();
    const count = DUE_WORK_SECTION_LIMIT + 3;
    const plans = Array.from({ length: count }, (_, i) =>
      planCaseAtState({ teamId: team.id, state: "IDENTIFIED", openedOn: addDays(TODAY, -1 - (i % 20)), now: NOW, assignedWorkerId: users.worker.id, rng: createRng(100 + i) }),
    );
    await insertCasePlans(db, plans);
    const work = await listDueWork(db, actor(users.worker, [team.id]), { teamId: team.id, scope: "me", now: NOW });
    const letters = view(work, "LETTER");
    expect(letters.total).toBe(count);
    expect(letters.items).toHaveLength(DUE_WORK_SECTION_LIMIT);
    // The oldest first: the three left out are among the most recent.
    expect(letters.items[0]!.dueOn?.toISOString()).toBe(addDays(TODAY, -20).toISOString());
    expect(letters.items.at(-1)!.dueOn!.getTime()).toBeLessThanOrEqual(addDays(TODAY, -1).getTime());

    // The page's short list: the same first items, the same count.
    const short = await listDueWork(db, actor(users.worker, [team.id]), { teamId: team.id, scope: "me", now: NOW, limit: DUE_WORK_PAGE_LIMIT });
    expect(view(short, "LETTER").total).toBe(count);
    expect(view(short, "LETTER").items).toEqual(letters.items.slice(0, DUE_WORK_PAGE_LIMIT));
    // "Voir les N": that section in full (up to the expanded limit), the others short.
    const full = await listDueWork(db, actor(users.worker, [team.id]), { teamId: team.id, scope: "me", now: NOW, limit: DUE_WORK_PAGE_LIMIT, expand: "LETTER" });
    expect(view(full, "LETTER").items).toHaveLength(Math.min(count, DUE_WORK_EXPANDED_LIMIT));
    expect(view(full, "LETTER").items.slice(0, DUE_WORK_SECTION_LIMIT)).toEqual(letters.items);
    expect(pairs(full)).toEqual(
      (await db.case.findMany({ where: { teamId: team.id }, select: { id: true } })).map((c) => `LETTER:${c.id}`).sort(),
    );
  });
});

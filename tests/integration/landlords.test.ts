// The landlord page (issue 3, item 6): a landlord shared by several households
// of a team, the letters sent to them, whether they got in touch; search and
// the team boundary.
import { createPgAdapter } from "@/lib/server/pg-adapter";
import { beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor, Role } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { getLandlord } from "@/lib/server/queries/get-landlord";
import { searchLandlordChoices } from "@/lib/server/queries/landlord-choices";
import { listLandlords, LANDLORDS_PAGE_SIZE } from "@/lib/server/queries/list-landlords";
import { LANDLORD_CHOICES_LIMIT } from "@/lib/validation/landlord-choices";
import { addDays, parisDayOf } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createLandlord } from "../factories/landlord";
import { createRng } from "../factories/random";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T09:00:00Z");
const TODAY = parisDayOf(NOW);

const actor = (u: { id: string; role: Role }, teamIds: string[]): Actor => ({ id: u.id, role: u.role, teamIds });

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62" });
  const worker = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  const stranger = await createUser(db, { role: "SOCIAL_WORKER", teamId: other.id });
  return { team, other, worker: actor(worker, [team.id]), stranger: actor(stranger, [other.id]) };
}

/** A landlord with three households: no letter yet, letter sent, letter sent and the landlord called back. */
async function sharedLandlord(teamId: string, workerId: string) {
  const landlord = await createLandlord(db, { teamId, kind: "AGENCY", name: "Régie Saint-Éloi", rng: createRng(7) });
  const common = { teamId, landlordId: landlord.id, now: NOW, assignedWorkerId: workerId, stage: "ASSIGNATION" as const };
  const identified = await caseAtState(db, { ...common, state: "IDENTIFIED", openedOn: addDays(TODAY, -5), rng: createRng(1) });
  const lettered = await caseAtState(db, { ...common, state: "FIRST_LETTER_SENT", openedOn: addDays(TODAY, -20), rng: createRng(2) });
  const called = await caseAtState(db, { ...common, state: "VISIT_1_FAILED", openedOn: addDays(TODAY, -60), landlordContact: true, rng: createRng(3) });
  // Another landlord's household of the same team must not be counted.
  await caseAtState(db, { ...common, landlordId: undefined, landlordKind: "PRIVATE_PERSON", state: "FIRST_LETTER_SENT", openedOn: addDays(TODAY, -30), rng: createRng(4) });
  return { landlord, identified, lettered, called };
}

describe("getLandlord", () => {
  beforeEach(resetDatabase);

  it("counts the letters sent and the landlord's contacts over the households it shares", async () => {
    const { team, worker } = await setup();
    const { landlord, identified, lettered, called } = await sharedLandlord(team.id, worker.id);
    const contact = called.outreachEvents.find((e) => e.kind === "LANDLORD_CONTACT")!;
    expect(contact).toBeDefined();

    const data = await getLandlord(db, worker, landlord.id);
    expect(data).not.toBeNull();
    expect(data).toMatchObject({ name: "Régie Saint-Éloi", kind: "AGENCY", phone: landlord.phone, email: landlord.email, city: landlord.city });
    expect(data!.summary).toEqual({
      caseCount: 3,
      householdCount: 3,
      lettersSent: 2,
      contactCount: 1,
      lastContactOn: parisDayOf(contact.occurredAt),
      // Issue 15: the latest landlord letter, shown apart from the answer.
      lastLetterOn: expect.any(Date),
    });

    const rows = new Map(data!.cases.rows.map((r) => [r.id, r]));
    expect([...rows.keys()].sort()).toEqual([identified.id, lettered.id, called.id].sort());
    expect(rows.get(identified.id)!.landlordLetterSentOn).toBeNull();
    expect(rows.get(lettered.id)!.landlordLetterSentOn).toEqual(lettered.landlordLetterSentOn);
    expect(rows.get(called.id)!.landlordLetterSentOn).not.toBeNull();
    expect(rows.get(identified.id)!.contacts).toEqual([]);
    expect(rows.get(lettered.id)!.contacts).toEqual([]);
    expect(rows.get(called.id)!.contacts).toEqual([{ id: contact.id, on: parisDayOf(contact.occurredAt), channel: contact.channel, note: contact.note }]);

    const tenant = called.household.occupants.find((o) => o.role === "TENANT")!;
    expect(rows.get(called.id)).toMatchObject({ state: "VISIT_1_FAILED", number: called.number, tenantName: `${tenant.lastName.toUpperCase()} ${tenant.firstName}` });
    expect(rows.get(called.id)!.hearingOn).toEqual(called.hearingOn);
  });

  it("says so when no letter was sent and the landlord never called", async () => {
    const { team, worker } = await setup();
    const landlord = await createLandlord(db, { teamId: team.id, kind: "PRIVATE_PERSON" });
    const c = await caseAtState(db, { teamId: team.id, landlordId: landlord.id, state: "IDENTIFIED", openedOn: addDays(TODAY, -2), now: NOW });
    const data = await getLandlord(db, worker, landlord.id);
    expect(data!.summary).toEqual({ caseCount: 1, householdCount: 1, lettersSent: 0, contactCount: 0, lastContactOn: null, lastLetterOn: null });
    expect(data!.cases.rows.map((r) => r.id)).toEqual([c.id]);
  });

  it("is not found for another team, a funder viewer, a missing id, and for an admin as the case rule says", async () => {
    const { team, worker, stranger } = await setup();
    const { landlord } = await sharedLandlord(team.id, worker.id);
    expect(await getLandlord(db, stranger, landlord.id)).toBeNull();
    expect(await getLandlord(db, worker, "does-not-exist")).toBeNull();
    expect(await getLandlord(db, worker, "x".repeat(200))).toBeNull();
    const funder: Actor = { id: "f", role: "FUNDER_VIEWER", teamIds: [team.id] };
    expect(await getLandlord(db, funder, landlord.id)).toBeNull();
    const admin: Actor = { id: "a", role: "ADMIN", teamIds: [team.id] };
    expect((await getLandlord(db, admin, landlord.id)) !== null).toBe(canViewCases(admin, team.id));
  });

  it("paginates the landlord's cases but counts them all", async () => {
    const { team, worker } = await setup();
    const landlord = await createLandlord(db, { teamId: team.id, kind: "SOCIAL" });
    for (let i = 0; i < 27; i++) {
      await caseAtState(db, { teamId: team.id, landlordId: landlord.id, state: "FIRST_LETTER_SENT", openedOn: addDays(TODAY, -10 - i), now: NOW, rng: createRng(100 + i) });
    }
    const first = await getLandlord(db, worker, landlord.id);
    expect(first!.summary).toMatchObject({ caseCount: 27, lettersSent: 27 });
    expect(first!.cases).toMatchObject({ page: 1, pageCount: 2 });
    expect(first!.cases.rows).toHaveLength(25);
    const second = await getLandlord(db, worker, landlord.id, { page: 2 });
    expect(second!.cases.rows).toHaveLength(2);
    const ids = new Set([...first!.cases.rows, ...second!.cases.rows].map((r) => r.id));
    expect(ids.size).toBe(27);
  });
});

describe("no N+1", () => {
  beforeEach(resetDatabase);

  it("reads a landlord page and a list page in as many queries for 2 households as for 8", async () => {
    const { team, worker } = await setup();
    const small = await createLandlord(db, { teamId: team.id, kind: "AGENCY", name: "Agence A" });
    const big = await createLandlord(db, { teamId: team.id, kind: "AGENCY", name: "Agence B" });
    for (const [i, landlordId] of [small.id, small.id, ...Array<string>(8).fill(big.id)].entries()) {
      await caseAtState(db, { teamId: team.id, landlordId, state: "VISIT_1_FAILED", landlordContact: true, openedOn: addDays(TODAY, -40), now: NOW, rng: createRng(200 + i) });
    }
    // A second client on one connection, logging every statement it sends.
    const logged = new PrismaClient({ adapter: createPgAdapter(process.env.DATABASE_URL!, 1), log: [{ emit: "event", level: "query" }] });
    let statements = 0;
    logged.$on("query", () => void (statements += 1));
    const count = async (read: () => Promise<unknown>) => {
      statements = 0;
      await read();
      return statements;
    };
    try {
      const forSmall = await count(() => getLandlord(logged, worker, small.id));
      const forBig = await count(() => getLandlord(logged, worker, big.id));
      expect(forBig).toBe(forSmall);
      expect(forSmall).toBeGreaterThan(0);
      expect(forSmall).toBeLessThanOrEqual(10);
      const onePerPage = await count(() => listLandlords(logged, worker, { teamId: team.id, q: "agence a" }));
      const twoPerPage = await count(() => listLandlords(logged, worker, { teamId: team.id }));
      expect(twoPerPage).toBe(onePerPage);
    } finally {
      await logged.$disconnect();
    }
  });
});

describe("listLandlords", () => {
  beforeEach(resetDatabase);

  it("finds a landlord accent- and case-insensitively, in the team only", async () => {
    const { team, other, worker } = await setup();
    const sg = await createLandlord(db, { teamId: team.id, kind: "LEGAL_PERSON", name: "Société Générale Immobilier" });
    await createLandlord(db, { teamId: team.id, kind: "AGENCY", name: "Agence du Val d'Orge" });
    await createLandlord(db, { teamId: other.id, kind: "LEGAL_PERSON", name: "Société Générale Immobilier" });

    const found = await listLandlords(db, worker, { teamId: team.id, q: "societe generale" });
    expect(found.total).toBe(1);
    expect(found.rows.map((r) => [r.id, r.name])).toEqual([[sg.id, "Société Générale Immobilier"]]);
    expect((await listLandlords(db, worker, { teamId: team.id, q: "GÉNÉRALE  immo" })).total).toBe(1);
    expect((await listLandlords(db, worker, { teamId: team.id, q: "generale orge" })).total).toBe(0);
    expect((await listLandlords(db, worker, { teamId: team.id })).total).toBe(2);
  });

  it("offers the new household form at most 20 landlords: the first ones, a search, the one chosen kept (issue 17)", async () => {
    const { team, other, worker, stranger } = await setup();
    const many = await Promise.all(
      Array.from({ length: LANDLORD_CHOICES_LIMIT + 5 }, (_, i) => createLandlord(db, { teamId: team.id, kind: "PRIVATE_PERSON", name: `Bailleur ${String(i).padStart(2, "0")}` })),
    );
    const eloi = await createLandlord(db, { teamId: team.id, kind: "AGENCY", name: "Régie Saint-Éloi" });
    await createLandlord(db, { teamId: other.id, kind: "AGENCY", name: "Régie Saint-Éloi" });

    const first = await searchLandlordChoices(db, worker, team.id, "");
    expect(first.landlords).toHaveLength(LANDLORD_CHOICES_LIMIT);
    expect(first.more).toBe(true);
    expect(first.landlords[0]!.name).toBe("Bailleur 00");
    expect(await searchLandlordChoices(db, worker, team.id, "  SAINT éloi ")).toEqual({ query: "SAINT éloi", landlords: [{ id: eloi.id, name: "Régie Saint-Éloi", city: eloi.city ?? null }], more: false });
    // The landlord already chosen comes back apart, to stay offered whatever the search finds.
    const kept = await searchLandlordChoices(db, worker, team.id, "saint eloi", many[24]!.id);
    expect(kept.landlords.map((l) => l.id)).toEqual([eloi.id]);
    expect(kept.chosen?.id).toBe(many[24]!.id);
    // Another team's landlord is never offered, even as the one "chosen".
    const theirs = await db.landlord.findFirstOrThrow({ where: { teamId: other.id }, select: { id: true } });
    const refused = await searchLandlordChoices(db, worker, team.id, "saint eloi", theirs.id);
    expect([refused.landlords.map((l) => l.id), refused.chosen]).toEqual([[eloi.id], null]);
    expect((await searchLandlordChoices(db, stranger, team.id, "")).landlords).toEqual([]);
  });

  it("counts each landlord's households and says whether it took contact", async () => {
    const { team, worker } = await setup();
    const { landlord } = await sharedLandlord(team.id, worker.id);
    const list = await listLandlords(db, worker, { teamId: team.id });
    expect(list.total).toBe(2);
    const shared = list.rows.find((r) => r.id === landlord.id)!;
    expect(shared).toMatchObject({ name: "Régie Saint-Éloi", kind: "AGENCY", householdCount: 3, tookContact: true, lastLetterOn: expect.any(Date), lastAnswerOn: expect.any(Date) });
    const lone = list.rows.find((r) => r.id !== landlord.id)!;
    expect(lone).toMatchObject({ householdCount: 1, tookContact: false, lastAnswerOn: null });
  });

  it("sorts by name accent-insensitively and paginates", async () => {
    const { team, worker } = await setup();
    const names = Array.from({ length: LANDLORDS_PAGE_SIZE + 2 }, (_, i) => `Bailleur ${String(i).padStart(2, "0")}`);
    for (const name of [...names, "Éric Zola", "Étienne Abel"]) await createLandlord(db, { teamId: team.id, kind: "PRIVATE_PERSON", name });
    const first = await listLandlords(db, worker, { teamId: team.id });
    expect(first).toMatchObject({ total: LANDLORDS_PAGE_SIZE + 4, page: 1, pageCount: 2 });
    expect(first.rows[0]!.name).toBe("Bailleur 00");
    const second = await listLandlords(db, worker, { teamId: team.id, page: 2 });
    expect(second.rows.map((r) => r.name)).toEqual(["Bailleur 25", "Bailleur 26", "Éric Zola", "Étienne Abel"]);
    expect((await listLandlords(db, worker, { teamId: team.id, page: 99 })).page).toBe(2);
  });

  it("lists nothing to another team or a funder viewer", async () => {
    const { team, worker, stranger } = await setup();
    await sharedLandlord(team.id, worker.id);
    expect((await listLandlords(db, stranger, { teamId: team.id })).total).toBe(0);
    const funder: Actor = { id: "f", role: "FUNDER_VIEWER", teamIds: [team.id] };
    expect((await listLandlords(db, funder, { teamId: team.id })).rows).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { getCase } from "@/lib/server/queries/get-case";
import { listCases } from "@/lib/server/queries/list-cases";
import { createHousehold } from "@/lib/server/services/create-household";
import { newHouseholdSchema, type NewHouseholdInput } from "@/lib/validation/household";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T09:00:00Z");

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne", sectors: ["Nord", "Sud"] });
  const other = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62" });
  const worker = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id, name: "Ana Worker" });
  const stranger = await createUser(db, { role: "SOCIAL_WORKER", teamId: other.id });
  const actor = (u: { id: string; role: Role }, teamIds: string[]): Actor => ({ id: u.id, role: u.role, teamIds });
  return { team, other, worker: actor(worker, [team.id]), stranger: actor(stranger, [other.id]) };
}

function form(teamId: string, overrides: Record<string, unknown> = {}): NewHouseholdInput {
  return newHouseholdSchema.parse({
    teamId,
    tenant: { firstName: "Élodie", lastName: "Lefèvre" },
    coTenant: { firstName: "Noël", lastName: "Lefèvre" },
    others: [{ firstName: "Léa", lastName: "", isChild: "on" }],
    addressLine: "8 allée des Tilleuls",
    postcode: "91000",
    city: "Évry-Courcouronnes",
    landlordMode: "new",
    landlord: { kind: "AGENCY", name: "Agence du Centre", city: "Évry" },
    leaseSignedOn: "2021-04-01",
    rent: "650,50",
    charges: "80",
    stage: "ASSIGNATION",
    stageDate: "2026-10-01",
    hearingOn: "2026-12-15",
    debt: "3 250",
    source: "PREFECTURE_LIST",
    ...overrides,
  });
}

describe("createHousehold", () => {
  beforeEach(resetDatabase);

  it("writes household, occupants, landlord, lease, case, procedure events and audit rows together", async () => {
    const { team, worker } = await setup();
    const { caseId } = await createHousehold(db, worker, form(team.id, { sectorId: team.sectors[0]!.id, assignedWorkerId: worker.id }), NOW);

    const detail = await getCase(db, worker, caseId);
    expect(detail).not.toBeNull();
    expect(detail!.state).toBe("IDENTIFIED");
    expect(detail!.stage).toBe("ASSIGNATION");
    expect(detail!.openedOn.toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(detail!.hearingOn?.toISOString()).toBe("2026-12-15T00:00:00.000Z");
    expect(detail!.debtCents).toBe(325000);
    expect(detail!.lease).toMatchObject({ rentCents: 65050, chargesCents: 8000 });
    expect(detail!.landlord).toMatchObject({ name: "Agence du Centre", kind: "AGENCY" });
    expect(detail!.household.occupants.map((o) => [o.role, o.firstName, o.lastName, o.isChild])).toEqual([
      ["TENANT", "Élodie", "Lefèvre", false],
      ["CO_TENANT", "Noël", "Lefèvre", false],
      ["OTHER", "Léa", "Lefèvre", true],
    ]);
    expect(detail!.procedure.map((p) => p.stage)).toEqual(["ASSIGNATION", "HEARING"]);
    expect(detail!.sectorName).toBe("Nord");
    expect(detail!.assignedWorkerName).toBe("Ana Worker");

    const audit = await db.auditLog.findMany({ where: { userId: worker.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["landlord.create", "case.create"]);
    expect(audit[1]!.caseId).toBe(caseId);
  });

  it("reuses an existing landlord of the team, shared across households", async () => {
    const { team, worker } = await setup();
    const first = await createHousehold(db, worker, form(team.id), NOW);
    const landlordId = (await db.case.findUniqueOrThrow({ where: { id: first.caseId }, select: { lease: { select: { landlordId: true } } } })).lease!.landlordId;
    await createHousehold(db, worker, form(team.id, { tenant: { firstName: "Jérôme", lastName: "Müller" }, landlordMode: "existing", landlordId }), NOW);
    expect(await db.landlord.count()).toBe(1);
    expect(await db.lease.count({ where: { landlordId } })).toBe(2);
  });

  it("refuses, writing nothing, a landlord, sector or worker of another team", async () => {
    const { team, other, worker, stranger } = await setup();
    const theirs = await createHousehold(db, stranger, form(other.id), NOW);
    const theirLandlord = (await db.case.findUniqueOrThrow({ where: { id: theirs.caseId }, select: { lease: { select: { landlordId: true } } } })).lease!.landlordId;
    const before = await db.household.count();

    await expect(createHousehold(db, worker, form(team.id, { landlordMode: "existing", landlordId: theirLandlord }), NOW)).rejects.toBeInstanceOf(ExpectedError);
    await expect(createHousehold(db, worker, form(team.id, { assignedWorkerId: stranger.id }), NOW)).rejects.toThrow(/ne fait pas partie/);
    await expect(createHousehold(db, worker, form(other.id), NOW)).rejects.toThrow(/introuvable/);

    expect(await db.household.count()).toBe(before);
    expect(await db.landlord.count()).toBe(1);
  });

  it("rolls back everything when a write in the transaction fails", async () => {
    const { team, worker } = await setup();
    // A value refused only at the last insert (the case): household, landlord and lease
    // were already written inside the transaction and must disappear with it.
    const input = form(team.id);
    const broken = { ...input, source: "NOT_A_SOURCE" } as unknown as NewHouseholdInput;
    await expect(createHousehold(db, worker, broken, NOW)).rejects.toThrow();
    expect(await db.household.count()).toBe(0);
    expect(await db.landlord.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("refuses a commandement dated in the future with a message on the field", async () => {
    const { team, worker } = await setup();
    const error = await createHousehold(db, worker, form(team.id, { stageDate: "2026-11-27", hearingOn: "" }), NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectedError);
    expect((error as ExpectedError).fieldErrors?.stageDate?.[0]).toMatch(/futur/);
    expect(await db.case.count()).toBe(0);
  });

  it("hides the case from another team: not found, like a case that does not exist", async () => {
    const { team, worker, stranger } = await setup();
    const { caseId } = await createHousehold(db, worker, form(team.id), NOW);
    expect(await getCase(db, stranger, caseId)).toBeNull();
    expect(await getCase(db, worker, "does-not-exist")).toBeNull();
    const funder: Actor = { id: "f", role: "FUNDER_VIEWER", teamIds: [team.id] };
    expect(await getCase(db, funder, caseId)).toBeNull();
    expect((await listCases(db, funder, { teamId: team.id })).total).toBe(0);
  });
});

describe("listCases", () => {
  beforeEach(resetDatabase);

  it("finds households accent- and case-insensitively, by several words or by case number", async () => {
    const { team, worker } = await setup();
    const a = await createHousehold(db, worker, form(team.id), NOW);
    await createHousehold(db, worker, form(team.id, { tenant: { firstName: "Jérôme", lastName: "Müller" }, coTenant: undefined, city: "Massy", postcode: "91300" }), NOW);

    const byName = await listCases(db, worker, { teamId: team.id, q: "elodie" });
    expect(byName.rows.map((r) => r.id)).toEqual([a.caseId]);
    expect((await listCases(db, worker, { teamId: team.id, q: "MULLER jerome" })).total).toBe(1);
    expect((await listCases(db, worker, { teamId: team.id, q: "tilleuls" })).total).toBe(2);
    expect((await listCases(db, worker, { teamId: team.id, q: "evry tilleuls" })).total).toBe(1);
    const number = (await db.case.findUniqueOrThrow({ where: { id: a.caseId }, select: { number: true } })).number;
    expect((await listCases(db, worker, { teamId: team.id, q: String(number) })).rows[0]?.id).toBe(a.caseId);
    expect((await listCases(db, worker, { teamId: team.id, q: "personne-inconnue" })).total).toBe(0);
  });

  it("filters by state, sector and assignee, sorts by name accent-insensitively, and paginates", async () => {
    const { team, worker } = await setup();
    const names = ["Zola", "Étienne", "Durand", "Élie", "Bernard"];
    for (const [i, lastName] of names.entries()) {
      await createHousehold(
        db,
        worker,
        form(team.id, { tenant: { firstName: "Test", lastName }, coTenant: undefined, sectorId: team.sectors[i % 2]!.id, assignedWorkerId: i < 2 ? worker.id : undefined }),
        NOW,
      );
    }
    const sorted = await listCases(db, worker, { teamId: team.id, sort: "nom" });
    expect(sorted.rows.map((r) => r.tenantName.split(" ")[0])).toEqual(["BERNARD", "DURAND", "ÉLIE", "ÉTIENNE", "ZOLA"]);
    expect((await listCases(db, worker, { teamId: team.id, sectorId: team.sectors[0]!.id })).total).toBe(3);
    expect((await listCases(db, worker, { teamId: team.id, assignee: "me" })).total).toBe(2);
    expect((await listCases(db, worker, { teamId: team.id, assignee: "none" })).total).toBe(3);
    expect((await listCases(db, worker, { teamId: team.id, state: "CLOSED" })).total).toBe(0);
    const page2 = await listCases(db, worker, { teamId: team.id, page: 2 });
    expect(page2.page).toBe(1); // 5 cases fit on one page: an out-of-range page falls back
  });
});

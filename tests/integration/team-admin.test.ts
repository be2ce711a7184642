// Issue 15: an administrator manages their team: details, partner
// organisations, sectors with their postcodes, members and roles. Every
// change is audited; another team's admin is told "not found".
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { getTeamAdmin } from "@/lib/server/queries/get-team-admin";
import { addPartnerOrganisation } from "@/lib/server/services/add-partner-organisation";
import { addTeamMember } from "@/lib/server/services/add-team-member";
import { createHousehold } from "@/lib/server/services/create-household";
import { deleteSector } from "@/lib/server/services/delete-sector";
import { removeTeamMember } from "@/lib/server/services/remove-team-member";
import { saveSector } from "@/lib/server/services/save-sector";
import { saveTeamDetails } from "@/lib/server/services/save-team-details";
import { setMemberRole } from "@/lib/server/services/set-member-role";
import { unlinkPartnerOrganisation } from "@/lib/server/services/unlink-partner-organisation";
import { newHouseholdSchema } from "@/lib/validation/household";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T10:00:00Z");

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62" });
  const actor = async (role: Actor["role"], teamIds: string[]): Promise<Actor> => {
    const u = await createUser(db, { role, teamId: teamIds[0]! });
    for (const t of teamIds.slice(1)) await db.teamMembership.create({ data: { userId: u.id, teamId: t } });
    return { id: u.id, role, teamIds };
  };
  return {
    team,
    other,
    admin: await actor("ADMIN", [team.id, other.id]),
    otherAdmin: await actor("ADMIN", [other.id]),
    coordinator: await actor("COORDINATOR", [team.id]),
    worker: await actor("SOCIAL_WORKER", [team.id]),
  };
}

describe("team administration", () => {
  beforeEach(resetDatabase);

  it("edits the team, its partners and its sectors, audited; others are told 'not found'", async () => {
    const { team, admin, otherAdmin, coordinator } = await setup();
    await saveTeamDetails(db, admin, { teamId: team.id, name: "EMPE 91", departement: "91", territory: "Essonne" });
    const { organisationId } = await addPartnerOrganisation(db, admin, { teamId: team.id, name: "CCAS d'Évry", kind: "CCAS" });
    expect((await refusal(addPartnerOrganisation(db, admin, { teamId: team.id, name: "ccas d'évry", kind: "CCAS" }))).fieldErrors?.name).toBeDefined();
    const { sectorId: north } = await saveSector(db, admin, { teamId: team.id, name: "Nord", areas: "91200, 91300" });
    const { sectorId: south } = await saveSector(db, admin, { teamId: team.id, name: "Sud", areas: "91000, Ris-Orangis" });
    const overlap = await refusal(saveSector(db, admin, { teamId: team.id, sectorId: south, name: "Sud", areas: "91000, 91300" }));
    expect(overlap.fieldErrors?.areas?.[0]).toMatch(/91300 \(Nord et Sud\)/);
    await saveSector(db, admin, { teamId: team.id, sectorId: north, name: "Nord", areas: "91200, 91300, 91400" });

    const view = await getTeamAdmin(db, admin, team.id);
    expect(view).toMatchObject({ name: "EMPE 91", territory: "Essonne", organisations: [{ id: organisationId, name: "CCAS d'Évry", kind: "CCAS" }] });
    expect(view!.sectors.map((s) => [s.name, s.areas])).toEqual([["Nord", "91200, 91300, 91400"], ["Sud", "91000, ris orangis"]]);

    // A household at 91400 goes to Nord since the change.
    const household = newHouseholdSchema.parse({
      teamId: team.id, tenant: { firstName: "A", lastName: "B" }, addressLine: "1 rue", postcode: "91400", city: "Orsay",
      landlordMode: "new", landlord: { kind: "AGENCY", name: "Agence" }, rent: "500", stage: "ASSIGNATION", stageDate: "2026-10-01", source: "PREFECTURE_LIST",
    });
    const worker = { id: (await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id })).id, role: "SOCIAL_WORKER" as const, teamIds: [team.id] };
    const { caseId } = await createHousehold(db, worker, household, NOW);
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).sectorId).toBe(north);
    // A sector with cases cannot be deleted; an empty one can.
    expect((await refusal(deleteSector(db, admin, { teamId: team.id, sectorId: north }))).message).toMatch(/compte 1 dossier/);
    await deleteSector(db, admin, { teamId: team.id, sectorId: south });
    await unlinkPartnerOrganisation(db, admin, { teamId: team.id, organisationId });

    for (const stranger of [otherAdmin, coordinator]) {
      expect((await refusal(saveSector(db, stranger, { teamId: team.id, name: "Est", areas: "" }))).code).toBe("NOT_FOUND");
      expect(await getTeamAdmin(db, stranger, team.id)).toBeNull();
    }
    const actions = (await db.auditLog.findMany({ where: { userId: admin.id }, orderBy: { at: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["team.update", "team.organisation.add", "sector.create", "sector.create", "sector.update", "sector.delete", "team.organisation.remove"]);
  });

  it("changes roles, adds an account of another of the admin's teams, removes a member; never the admin themselves", async () => {
    const { team, other, admin, worker } = await setup();
    await setMemberRole(db, admin, { teamId: team.id, userId: worker.id, role: "COORDINATOR" });
    const after = await db.user.findUniqueOrThrow({ where: { id: worker.id } });
    expect(after).toMatchObject({ role: "COORDINATOR", sessionVersion: 1 });
    expect((await refusal(setMemberRole(db, admin, { teamId: team.id, userId: admin.id, role: "SOCIAL_WORKER" }))).message).toMatch(/propre rôle/);

    const colleague = await createUser(db, { role: "JURIST", teamId: other.id });
    await addTeamMember(db, admin, { teamId: team.id, email: colleague.email });
    expect(await db.teamMembership.count({ where: { userId: colleague.id } })).toBe(2);
    expect((await refusal(addTeamMember(db, admin, { teamId: team.id, email: colleague.email }))).message).toMatch(/déjà partie/);
    expect((await refusal(addTeamMember(db, admin, { teamId: team.id, email: "inconnu@exemple.fr" }))).code).toBe("NOT_FOUND");

    await removeTeamMember(db, admin, { teamId: team.id, userId: colleague.id });
    expect(await db.teamMembership.findMany({ where: { userId: colleague.id }, select: { teamId: true } })).toEqual([{ teamId: other.id }]);
    expect((await refusal(removeTeamMember(db, admin, { teamId: team.id, userId: admin.id }))).message).toMatch(/vous-même/);
    const actions = (await db.auditLog.findMany({ where: { userId: admin.id }, select: { action: true } })).map((a) => a.action).sort();
    expect(actions).toEqual(["team.member.add", "team.member.remove", "user.role"]);
  });
});

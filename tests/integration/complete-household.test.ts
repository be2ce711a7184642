// Issue 16 §4: the quick household is completed later from the case page.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { completeHousehold } from "@/lib/server/services/complete-household";
import { completeHouseholdSchema } from "@/lib/validation/complete-household";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T10:00:00Z");

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  const worker = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  const stranger = await createUser(db, { role: "SOCIAL_WORKER", teamId: other.id });
  const sector = await db.sector.create({ data: { teamId: team.id, name: "Nord" }, select: { id: true } });
  const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
  const actor = (u: { id: string; role: Actor["role"] }, teamId: string): Actor => ({ id: u.id, role: u.role, teamIds: [teamId] });
  return { team, sector, c, worker: actor(worker, team.id), stranger: actor(stranger, other.id) };
}

const input = (caseId: string, version: number, fields: Record<string, unknown>) =>
  completeHouseholdSchema.parse({ caseId, version: String(version), rent: "700", ...fields });

describe("completeHousehold", () => {
  beforeEach(resetDatabase);

  it("writes the first name, contact, lease, debt and sector with one audit row that names no personal value", async () => {
    const { c, worker, sector } = await setup();
    await completeHousehold(db, worker, input(c.id, c.version, { tenantFirstName: "Inès", phone: "06 12 34 56 78", leaseSignedOn: "2024-01-15", charges: "45,50", debt: "1 200", sectorId: sector.id }), NOW);
    const after = await db.case.findUniqueOrThrow({
      where: { id: c.id },
      select: {
        version: true,
        debtCents: true,
        sectorId: true,
        lease: { select: { rentCents: true, chargesCents: true, signedOn: true } },
        household: { select: { phone: true, occupants: { where: { role: "TENANT" }, select: { firstName: true } } } },
      },
    });
    expect(after).toMatchObject({ version: c.version + 1, debtCents: 120000, sectorId: sector.id, lease: { rentCents: 70000, chargesCents: 4550 }, household: { phone: "0612345678", occupants: [{ firstName: "Inès" }] } });
    expect(after.lease?.signedOn?.toISOString().slice(0, 10)).toBe("2024-01-15");
    const audit = await db.auditLog.findMany({ where: { caseId: c.id, action: "household.complete" }, select: { after: true } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain("0612345678");
    expect(JSON.stringify(audit[0]!.after)).not.toContain("Inès");
    expect((audit[0]!.after as { changed: string[] }).changed).toEqual(expect.arrayContaining(["firstName", "phone"]));
  });

  it("refuses another team's case as not found, a stale version as a conflict, a future lease date and an unknown sector, writing nothing", async () => {
    const { c, worker, stranger } = await setup();
    await expect(completeHousehold(db, stranger, input(c.id, c.version, {}), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completeHousehold(db, worker, input(c.id, c.version + 1, {}), NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(completeHousehold(db, worker, input(c.id, c.version, { leaseSignedOn: "2026-11-27" }), NOW)).rejects.toMatchObject({ fieldErrors: { leaseSignedOn: [expect.stringMatching(/futur/)] } });
    await expect(completeHousehold(db, worker, input(c.id, c.version, { sectorId: "cnotasector000000000000" }), NOW)).rejects.toMatchObject({ fieldErrors: { sectorId: ["Secteur inconnu."] } });
    const after = await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } });
    expect(after.version).toBe(c.version);
    expect(await db.auditLog.count({ where: { caseId: c.id, action: "household.complete" } })).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { canManageAgreements, canRecordSupport, canViewBilling, canViewCases } from "@/lib/domain/permissions";
import { ROLES, type Actor, type Role } from "@/lib/domain/roles";

const actor = (role: Role, teamIds: string[] = ["t1"]): Actor => ({ id: "u", role, teamIds });

describe("support and billing permissions", () => {
  it("social workers and jurists of the team record support; coordinators and admins only read it; funders see nothing", () => {
    const recorders = ROLES.filter((r) => canRecordSupport(actor(r), "t1"));
    expect(recorders).toEqual(["SOCIAL_WORKER", "JURIST"]);
    expect(canViewCases(actor("COORDINATOR"), "t1")).toBe(true);
    expect(canViewCases(actor("FUNDER_VIEWER"), "t1")).toBe(false);
    expect(canRecordSupport(actor("SOCIAL_WORKER"), "t2")).toBe(false);
  });

  it("coordinators and admins of the team see billing and manage agreements; nobody else, no other team", () => {
    expect(ROLES.filter((r) => canViewBilling(actor(r), "t1"))).toEqual(["COORDINATOR", "ADMIN"]);
    expect(ROLES.filter((r) => canManageAgreements(actor(r), "t1"))).toEqual(["COORDINATOR", "ADMIN"]);
    expect(canViewBilling(actor("COORDINATOR"), "t2")).toBe(false);
    expect(canManageAgreements(actor("ADMIN", []), "t1")).toBe(false);
  });
});

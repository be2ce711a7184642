import { describe, expect, it } from "vitest";
import { canAdminister, canCreateHousehold, canUseCaseload, canViewCases, canViewIndicators } from "./permissions";
import type { Actor, Role } from "./roles";

const actor = (role: Role, teamIds: string[] = ["t1"]): Actor => ({ id: "u", role, teamIds });

describe("permissions", () => {
  it("lets casework roles see their own team's cases only", () => {
    for (const role of ["SOCIAL_WORKER", "JURIST", "COORDINATOR", "ADMIN"] as const) {
      expect(canViewCases(actor(role), "t1")).toBe(true);
      expect(canViewCases(actor(role), "t2")).toBe(false);
    }
  });

  it("never shows personal data to a funder viewer, even of their own team", () => {
    expect(canViewCases(actor("FUNDER_VIEWER"), "t1")).toBe(false);
    expect(canUseCaseload(actor("FUNDER_VIEWER"))).toBe(false);
    expect(canCreateHousehold(actor("FUNDER_VIEWER"), "t1")).toBe(false);
    expect(canViewIndicators(actor("FUNDER_VIEWER"))).toBe(true);
  });

  it("lets field roles create households in their team only", () => {
    expect(canCreateHousehold(actor("SOCIAL_WORKER"), "t1")).toBe(true);
    expect(canCreateHousehold(actor("JURIST"), "t1")).toBe(true);
    expect(canCreateHousehold(actor("COORDINATOR"), "t1")).toBe(true);
    expect(canCreateHousehold(actor("SOCIAL_WORKER"), "t2")).toBe(false);
    expect(canCreateHousehold(actor("ADMIN"), "t1")).toBe(false);
  });

  it("refuses everything to someone without a team", () => {
    expect(canUseCaseload(actor("SOCIAL_WORKER", []))).toBe(false);
    expect(canViewIndicators(actor("COORDINATOR", []))).toBe(false);
  });

  it("keeps administration to admins", () => {
    expect(canAdminister(actor("ADMIN"))).toBe(true);
    expect(canAdminister(actor("COORDINATOR"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { canImport } from "@/lib/domain/permissions";
import type { Actor, Role } from "@/lib/domain/roles";

const actor = (role: Role, teamIds: string[] = ["t1"]): Actor => ({ id: "u", role, teamIds });

describe("canImport", () => {
  it("lets the team's social workers, jurists and coordinators import, in their team only", () => {
    for (const role of ["SOCIAL_WORKER", "JURIST", "COORDINATOR"] as const) {
      expect(canImport(actor(role), "t1")).toBe(true);
      expect(canImport(actor(role), "t2")).toBe(false);
    }
  });

  it("never lets an admin or a funder viewer import", () => {
    expect(canImport(actor("ADMIN"), "t1")).toBe(false);
    expect(canImport(actor("FUNDER_VIEWER"), "t1")).toBe(false);
    expect(canImport(actor("COORDINATOR", []), "t1")).toBe(false);
  });
});

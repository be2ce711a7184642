import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/domain/roles";
import { canEditHearingFile } from "./permissions";

const actor = (role: Role, teamIds = ["t1"]): Actor => ({ id: "u", role, teamIds });

describe("canEditHearingFile", () => {
  it("lets the team's social workers, jurists and coordinators edit", () => {
    for (const role of ["SOCIAL_WORKER", "JURIST", "COORDINATOR"] as const) expect(canEditHearingFile(actor(role), "t1")).toBe(true);
  });
  it("refuses admins, funders and other teams", () => {
    expect(canEditHearingFile(actor("ADMIN"), "t1")).toBe(false);
    expect(canEditHearingFile(actor("FUNDER_VIEWER"), "t1")).toBe(false);
    expect(canEditHearingFile(actor("JURIST", ["t2"]), "t1")).toBe(false);
  });
});

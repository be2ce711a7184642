import { describe, expect, it } from "vitest";
import { can, PERMISSION_ACTIONS, PERMISSIONS, scopeOf } from "./permission-table";
import { ROLES, type Actor, type Role } from "./roles";

const actor = (role: Role, teamIds: string[] = ["A"]): Actor => ({ id: `u-${role}`, role, teamIds });

describe("the permission table", () => {
  it("never lets the funder viewer near a person: only the aggregate indicators", () => {
    const allowed = PERMISSION_ACTIONS.filter((a) => scopeOf("FUNDER_VIEWER", a) !== null);
    expect(allowed).toEqual(["indicators.read"]);
  });

  it("keeps admins to accounts and settings: no casework", () => {
    for (const action of ["duework.read", "household.create", "outreach.record", "procedure.record", "hearingFile.edit", "support.record", "import.run", "letters.record", "attachments.manage"] as const) {
      expect(can(actor("ADMIN"), action, "A"), action).toBe(false);
    }
    expect(can(actor("ADMIN"), "users.manage", "A")).toBe(true);
  });

  it("team scope: the target must belong to one of the actor's teams", () => {
    for (const role of ROLES) {
      for (const action of PERMISSION_ACTIONS) {
        const scope = scopeOf(role, action);
        if (scope === "team" || scope === "any-team") {
          expect(can(actor(role), action, "A"), `${role} ${action} on own team`).toBe(true);
          expect(can(actor(role), action, "B"), `${role} ${action} on another team`).toBe(false);
          expect(can(actor(role, []), action), `${role} ${action} without a team`).toBe(false);
        }
        if (scope === null) expect(can(actor(role), action, "A"), `${role} ${action}`).toBe(false);
      }
    }
  });

  it("global scope: an admin reads every team's audit log; a coordinator only their team's", () => {
    expect(can(actor("ADMIN"), "audit.read", "B")).toBe(true);
    expect(can(actor("COORDINATOR"), "audit.read", "B")).toBe(false);
    expect(can(actor("COORDINATOR"), "audit.read", "A")).toBe(true);
  });

  it("every row names only known roles", () => {
    for (const row of Object.values(PERMISSIONS)) for (const role of Object.keys(row)) expect(ROLES).toContain(role);
  });
});

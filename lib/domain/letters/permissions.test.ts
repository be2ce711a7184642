import { describe, expect, it } from "vitest";
import { canEditLetterTemplates, canPrepareLetters, canRecordLetters } from "@/lib/domain/permissions";
import { ROLES, type Actor, type Role } from "@/lib/domain/roles";

const actor = (role: Role, teamIds = ["t1"]): Actor => ({ id: "u", role, teamIds });

describe("letters permissions", () => {
  it("lets the team's caseworkers print, the outreach roles confirm, coordinators and admins edit; never a funder nor another team", () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, [canPrepareLetters(actor(r), "t1"), canRecordLetters(actor(r), "t1"), canEditLetterTemplates(actor(r), "t1")]]));
    expect(table).toEqual({
      SOCIAL_WORKER: [true, true, false],
      JURIST: [true, true, false],
      COORDINATOR: [true, true, true],
      ADMIN: [true, false, true],
      FUNDER_VIEWER: [false, false, false],
    });
    for (const r of ROLES) {
      expect(canPrepareLetters(actor(r, ["t2"]), "t1")).toBe(false);
      expect(canRecordLetters(actor(r, ["t2"]), "t1")).toBe(false);
      expect(canEditLetterTemplates(actor(r, ["t2"]), "t1")).toBe(false);
    }
  });
});

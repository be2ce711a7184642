import { describe, expect, it } from "vitest";
import { auditScopeIsGlobal, canManageUser, canManageUsers, canViewAuditLog, canViewTeamMembers } from "../permissions";
import type { Actor, Role } from "../roles";

const actor = (role: Role, teamIds: string[] = ["t1"]): Actor => ({ id: "u", role, teamIds });

describe("account and audit permissions", () => {
  it("lets only admins manage accounts, of their teams or without a team", () => {
    expect(canManageUsers(actor("ADMIN"))).toBe(true);
    expect(canManageUser(actor("ADMIN"), ["t1"])).toBe(true);
    expect(canManageUser(actor("ADMIN"), ["t2", "t1"])).toBe(true);
    expect(canManageUser(actor("ADMIN"), [])).toBe(true);
    expect(canManageUser(actor("ADMIN"), ["t2"])).toBe(false);
    for (const role of ["SOCIAL_WORKER", "JURIST", "COORDINATOR", "FUNDER_VIEWER"] as const) {
      expect(canManageUsers(actor(role))).toBe(false);
      expect(canManageUser(actor(role), ["t1"])).toBe(false);
    }
  });

  it("lets coordinators see their team's members, read-only", () => {
    expect(canViewTeamMembers(actor("COORDINATOR"), "t1")).toBe(true);
    expect(canViewTeamMembers(actor("COORDINATOR"), "t2")).toBe(false);
    expect(canViewTeamMembers(actor("SOCIAL_WORKER"), "t1")).toBe(false);
    expect(canViewTeamMembers(actor("FUNDER_VIEWER"), "t1")).toBe(false);
  });

  it("opens the audit page to coordinators (their team) and admins (everything), never to funders", () => {
    expect(canViewAuditLog(actor("COORDINATOR"))).toBe(true);
    expect(canViewAuditLog(actor("COORDINATOR", []))).toBe(false);
    expect(canViewAuditLog(actor("ADMIN", []))).toBe(true);
    expect(canViewAuditLog(actor("FUNDER_VIEWER"))).toBe(false);
    expect(canViewAuditLog(actor("SOCIAL_WORKER"))).toBe(false);
    expect(canViewAuditLog(actor("JURIST"))).toBe(false);
    expect(auditScopeIsGlobal(actor("ADMIN"))).toBe(true);
    expect(auditScopeIsGlobal(actor("COORDINATOR"))).toBe(false);
  });
});

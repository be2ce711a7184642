import { describe, expect, it } from "vitest";
import { auditActionLabel } from "../labels";

describe("audit action labels", () => {
  it("names known actions, workflow steps by their label, and falls back to the code", () => {
    expect(auditActionLabel("user.deactivate")).toBe("Compte désactivé");
    expect(auditActionLabel("procedure.assignation")).toMatch(/^Procédure : /);
    expect(auditActionLabel("outreach.nope")).toBe("outreach.nope");
    expect(auditActionLabel("something")).toBe("something");
  });
});

// First-admin bootstrap: validation, team creation, and refusal once an admin exists.
import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/password";
import { bootstrapAdmin, BootstrapRefusal } from "@/scripts/bootstrap-admin";

const PASSWORD = "correct-horse-battery";

describe("bootstrapAdmin", () => {
  it("validates the email and the password length", async () => {
    await expect(bootstrapAdmin(db, { email: "not-an-email", name: "A", password: PASSWORD, teamName: "T", departement: "91" })).rejects.toThrow(/e-mail/);
    await expect(bootstrapAdmin(db, { email: "a@example.fr", name: "A", password: "short", teamName: "T", departement: "91" })).rejects.toThrow(/12 caractères/);
    await expect(bootstrapAdmin(db, { email: "a@example.fr", name: "A", password: PASSWORD, teamName: "T", departement: "999" })).rejects.toThrow(/département/);
  });

  it("needs a team name and a département when no team exists", async () => {
    await expect(bootstrapAdmin(db, { email: "a@example.fr", name: "A", password: PASSWORD })).rejects.toBeInstanceOf(BootstrapRefusal);
    await expect(bootstrapAdmin(db, { email: "a@example.fr", name: "A", password: PASSWORD, teamName: "Équipe" })).rejects.toThrow(/--departement/);
    expect(await db.user.count()).toBe(0);
  });

  it("creates the admin and the team, then refuses a second admin", async () => {
    const result = await bootstrapAdmin(db, {
      email: " Admin@Example.FR ",
      name: "Agnès Leroy",
      password: PASSWORD,
      teamName: "Équipe mobile Essonne",
      departement: "91",
    });
    expect(result).toMatchObject({ email: "admin@example.fr", team: { name: "Équipe mobile Essonne", created: true } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "admin@example.fr" }, include: { memberships: true } });
    expect(user.role).toBe("ADMIN");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect(user.memberships.map((m) => m.teamId)).toEqual([result.team!.id]);

    await expect(bootstrapAdmin(db, { email: "other@example.fr", name: "B", password: PASSWORD })).rejects.toThrow(/existe déjà/);
    expect(await db.user.count()).toBe(1);
  });
});

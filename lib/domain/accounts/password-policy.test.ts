import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-policy";

const who = { email: "camille.durand@asso.fr", name: "Camille Durand" };

describe("password policy", () => {
  it("accepts a long passphrase without composition rules", () => {
    expect(passwordProblems("des pommes vertes au marché", who)).toEqual([]);
    expect(passwordProblems("x7#kQ2!mLp9z", who)).toEqual([]);
  });

  it("refuses fewer than 12 characters, counting accented letters once", () => {
    expect(passwordProblems("court", who)).toEqual(["Le mot de passe doit contenir au moins 12 caractères (il en a 5)."]);
    // 11 characters, 13 UTF-16 units with decomposed accents: still too short.
    expect(passwordProblems("e\u0301te\u0301 a\u0300 lyon", who)[0]).toMatch(/au moins 12 caractères/);
    expect(passwordProblems("abcdefghijk", who)[0]).toMatch(/il en a 11/);
    expect(passwordProblems("abcdefghijkl", who)).toEqual([]);
  });

  it("refuses more than 256 characters", () => {
    expect(passwordProblems("a b".repeat(100), who)[0]).toMatch(/au plus 256/);
  });

  it("refuses the person's name or e-mail, whatever the case and accents", () => {
    expect(passwordProblems("DURAND-2026-mobile", who)).toContain("Le mot de passe ne doit contenir ni votre nom ni votre adresse e-mail.");
    expect(passwordProblems("mon prénom camille !!", who)).toContain("Le mot de passe ne doit contenir ni votre nom ni votre adresse e-mail.");
    expect(passwordProblems("xxcamilledurandxx", who)).toContain("Le mot de passe ne doit contenir ni votre nom ni votre adresse e-mail.");
    const accented = { email: "h.leveque@adil.fr", name: "Hélène Lévêque" };
    expect(passwordProblems("helene est la meilleure", accented)).toHaveLength(1);
    // Short words of a name do not refuse half the dictionary.
    expect(passwordProblems("le bon jour de lo", { email: "lo@x.fr", name: "Lo Le" })).toEqual([]);
  });

  it("refuses repeated characters and notorious passwords", () => {
    expect(passwordProblems("aaaaaaaaaaaaaa", who)[0]).toMatch(/répéter/);
    expect(passwordProblems("abababababab", who)[0]).toMatch(/répéter/);
    expect(passwordProblems("Azertyuiop12", who)).toContain("Ce mot de passe figure parmi les plus utilisés : choisissez-en un autre.");
  });
});

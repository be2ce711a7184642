import { describe, expect, it } from "vitest";
import { canKeepOfflineCopy } from "@/lib/domain/offline";
import { copiedAtText, pendingMessage, savedOnPhoneMessage, signOutLossQuestion, typedValues } from "./wording";

describe("offline wording (issue 18)", () => {
  it("says how many entries wait", () => {
    expect(savedOnPhoneMessage(3)).toBe("Enregistrée sur le téléphone : sera envoyée au retour du réseau (3 en attente).");
    expect(pendingMessage(1)).toContain("(1 en attente)");
    expect(pendingMessage(2)).toBe("2 saisies enregistrées sur le téléphone : elles seront envoyées au retour du réseau (2 en attente).");
  });

  it("asks before a sign-out deletes what the server has not recorded", () => {
    expect(signOutLossQuestion(1)).toMatch(/^1 saisie faite hors ligne n'est pas encore enregistrée .* elle sera effacée de ce téléphone\./);
    expect(signOutLossQuestion(3)).toMatch(/^3 saisies faites hors ligne ne sont pas encore enregistrées .* elles seront effacées/);
    expect(signOutLossQuestion(3)).toContain("Annuler : rester connecté·e");
  });

  it("dates the copy in Paris time", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(copiedAtText(new Date("2026-12-31T23:30:00Z"))).toBe("données du vendredi 1 janvier 2027 à 00:30");
  });

  it("gives back what was typed, in words", () => {
    expect(typedValues({ kind: "VISIT", day: "2026-12-06", time: "18:30", outcome: "ABSENT", noticeLeft: "on", note: "Boîte pleine" })).toEqual([
      "Visite à domicile",
      "le 06/12/2026 à 18:30",
      "Résultat : Absent",
      "Avis de passage déposé",
      "Remarque : Boîte pleine",
    ]);
    expect(typedValues({ kind: "HOUSEHOLD_CONTACT", day: "2026-12-06", channel: "PHONE" })).toEqual(["Contact avec le ménage", "le 06/12/2026", "Contact par : Téléphone"]);
  });

  it("copies pages for the social worker only", () => {
    expect(canKeepOfflineCopy({ role: "SOCIAL_WORKER" })).toBe(true);
    for (const role of ["JURIST", "COORDINATOR", "ADMIN", "FUNDER_VIEWER"] as const) expect(canKeepOfflineCopy({ role })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { utcDay } from "@/lib/domain/procedure/calendar";
import { composeReferralLetter, NO_CONSENT_NOTICE } from "./letter";
import { suggestPartners, communeKey, parseCommunes } from "./partners";
import { availableFollowUps, effectiveShared, followUp, referralWithoutNews } from "./referral";

describe("referrals (issue 20)", () => {
  it("shares nothing without consent, whatever was ticked", () => {
    expect(effectiveShared("NONE", ["IDENTITY", "CONTACT", "DEBT"])).toEqual([]);
    expect(effectiveShared("ORAL", ["DEBT", "IDENTITY"])).toEqual(["IDENTITY", "DEBT"]);
  });

  it("follow-up table: RDV pris needs a date; final states refuse", () => {
    const r = { status: "SENT" as const, referredOn: utcDay(2026, 0, 10) };
    expect(followUp(r, "APPOINTMENT", {})).toMatchObject({ ok: false, field: "appointmentOn" });
    expect(followUp(r, "APPOINTMENT", { appointmentOn: utcDay(2026, 0, 20) })).toEqual({ ok: true, to: "APPOINTMENT", appointmentOn: utcDay(2026, 0, 20) });
    expect(followUp({ ...r, status: "RECEIVED" }, "NO_FOLLOW_UP", {})).toMatchObject({ ok: false });
    expect(availableFollowUps("NO_FOLLOW_UP")).toEqual([]);
  });

  it("no news from the 15th day (Paris day of now)", () => {
    const r = { status: "SENT" as const, referredOn: utcDay(2026, 0, 1) };
    expect(referralWithoutNews(r, new Date("2026-01-15T22:59:00Z"))).toBe(false);
    expect(referralWithoutNews(r, new Date("2026-01-15T23:00:00Z"))).toBe(true); // 16/01 00:00 in Paris
    expect(referralWithoutNews({ ...r, status: "APPOINTMENT" }, new Date("2026-03-01T12:00:00Z"))).toBe(false);
  });

  it("suggests partners covering the commune and answering the needs", () => {
    const p = (id: string, kind: "CCAS" | "ADIL" | "CAF", communes: string[]) => ({ id, kind, name: id, communeKeys: communes.map(communeKey), active: true });
    const list = [p("CCAS Évry", "CCAS", ["Évry-Courcouronnes"]), p("CCAS Massy", "CCAS", ["Massy"]), p("ADIL 91", "ADIL", []), p("CAF", "CAF", [])];
    const s = suggestPartners(list, { city: "EVRY-COURCOURONNES" }, ["SOCIAL_WORKER", "LEGAL_ADVICE"]);
    expect(s.map((x) => x.partner.id)).toEqual(["CCAS Évry", "ADIL 91"]);
    expect(parseCommunes("Évry ; Corbeil-Essonnes, évry")).toEqual(["Évry", "Corbeil-Essonnes"]);
  });

  it("the letter without consent carries no personal data", () => {
    const letter = composeReferralLetter(
      {
        referral: { id: "cref0000000000abcdef", referredOn: utcDay(2026, 0, 10), reason: "Dette et enfant malade", shared: ["IDENTITY", "CONTACT", "DEBT", "REASON", "PROCEDURE"], consent: "NONE", consentOn: null, consentCollectedBy: null },
        partner: { kind: "CCAS", name: "CCAS d'Évry", addressLine: "1 place", postcode: "91000", city: "Évry", contactName: null },
        household: {
          caseId: "c1",
          number: 42,
          tenants: [{ firstName: "Gaëlle", lastName: "Lefèvre" }],
          address: { line: "12 rue des Lilas", extra: null, postcode: "91000", city: "Évry" },
          email: "g@ex.fr",
          phone: "0600000000",
          hearingOn: utcDay(2026, 2, 1),
          courtName: "Tribunal d'Évry",
          debtCents: 345000,
          stageLabel: "Assignation",
        },
        head: { teamName: "Équipe", name: null, address: null, phone: "01 60", email: null, signature: null },
        author: "Claire Garraud",
      },
      utcDay(2026, 0, 10),
    );
    const text = [...letter.recipient, letter.subject, ...letter.body, letter.reference].join("\n");
    expect(text).toContain(NO_CONSENT_NOTICE);
    for (const personal of ["Lefèvre", "LEFÈVRE", "Gaëlle", "Lilas", "0600000000", "g@ex.fr", "3 450", "Dette et enfant", "mars 2026", "42"]) expect(text).not.toContain(personal);
  });
});

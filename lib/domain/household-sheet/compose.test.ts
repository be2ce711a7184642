import { describe, expect, it } from "vitest";
import { utcDay } from "@/lib/domain/procedure/calendar";
import { composeHouseholdSheet, sheetAsText, SMS_MAX_LENGTH } from "./compose";
import { sheetDates } from "./sheet-dates";
import { DEFAULT_SHEET_BLOCKS } from "./template";

const team = { name: "Équipe mobile Essonne", phone: "01 60 00 00 00" };
const adil = { name: "ADIL 91", phone: "01 60 77 21 22" };

function sheet(facts: Parameters<typeof sheetDates>[0], today: Date, courtName: string | null = null) {
  return composeHouseholdSheet({ dates: sheetDates(facts, today), blocks: DEFAULT_SHEET_BLOCKS, team, adil, courtName, templateVersion: 0 }, today);
}

describe("household sheet (issue 20)", () => {
  it("commandement: the court is possible the day after the 6 weeks, at the earliest (CPC 642)", () => {
    // Commandement 17/02/2025 + 42 days = 31/03/2025 (the delay expires at 24:00): assignation possible from 01/04/2025.
    const s = sheet({ commandementOn: utcDay(2025, 1, 17), leaseSignedOn: utcDay(2024, 0, 1) }, utcDay(2025, 2, 1));
    const text = sheetAsText(s);
    expect(text).toContain("commandement de payer le 17/02/2025");
    expect(text).toContain("le propriétaire peut vous assigner au tribunal à partir du 01/04/2025 au plus tôt");
    expect(text).toContain("Payez le loyer");
    expect(text).toContain("FSL");
    expect(text).toContain("0805 299 049");
    expect(text).toContain("ADIL 91");
    expect(s.sms).toContain("à partir du 01/04/2025 au plus tôt");
  });

  it("commandement with an older lease: the contractual 2 months when the lease predates 29/07/2023", () => {
    const s = sheet({ commandementOn: utcDay(2025, 1, 17), leaseSignedOn: utcDay(2020, 0, 1) }, utcDay(2025, 2, 1));
    // 17/02/2025 + 2 months = 17/04/2025 expires; possible from 18/04/2025.
    expect(sheetAsText(s)).toContain("à partir du 18/04/2025 au plus tôt");
  });

  it("assignation with a hearing date: the hearing, the right to be present and assisted, the DSF", () => {
    const s = sheet(
      { commandementOn: utcDay(2025, 8, 1), assignationOn: utcDay(2025, 11, 1), hearingOn: utcDay(2026, 2, 12) },
      utcDay(2026, 0, 20),
      "Tribunal de proximité d'Évry",
    );
    const text = sheetAsText(s);
    expect(text).toContain("audience du tribunal le 12 mars 2026 (12/03/2026) (Tribunal de proximité d'Évry)");
    expect(text).toContain("avez le droit d'être présent et assisté");
    expect(text).toContain("diagnostic social et financier");
    expect(text).toContain("Personne ne peut vous expulser avant le jugement.");
    expect(s.sms).toContain("Audience le 12/03/2026");
  });

  it("CQL in the winter truce: expulsion possible from 1 April at the earliest", () => {
    const s = sheet(
      { hearingOn: utcDay(2025, 8, 10), judgmentOn: utcDay(2025, 9, 1), cqlOn: utcDay(2025, 11, 1), cqlReferredToPrefetOn: utcDay(2025, 11, 1) },
      utcDay(2025, 11, 15),
    );
    const text = sheetAsText(s);
    expect(text).toContain("commandement de quitter les lieux le 01/12/2025");
    expect(text).toContain("C'est la trêve hivernale jusqu'au 31/03/2026");
    expect(text).toContain("L'expulsion est possible à partir du 01/04/2026 au plus tôt.");
    expect(text).toContain("juge de l'exécution");
    expect(s.sms).toContain("à partir du 01/04/2026 au plus tôt");
  });

  it("CQL outside the truce: the day after the 2 months", () => {
    const s = sheet({ cqlOn: utcDay(2026, 3, 10), cqlReferredToPrefetOn: utcDay(2026, 3, 10) }, utcDay(2026, 3, 20));
    // 10/04/2026 + 2 months = 10/06/2026 expires; possible from 11/06/2026.
    expect(sheetAsText(s)).toContain("L'expulsion est possible à partir du 11/06/2026 au plus tôt.");
  });

  it("explains each word once, and the SMS fits in 160 characters at every stage", () => {
    const today = utcDay(2025, 11, 15);
    const stages = [
      {},
      { commandementOn: utcDay(2025, 10, 1) },
      { commandementOn: utcDay(2025, 8, 1), assignationOn: utcDay(2025, 10, 1) },
      { assignationOn: utcDay(2025, 10, 1), hearingOn: utcDay(2026, 0, 10) },
      { hearingOn: utcDay(2025, 11, 1) },
      { hearingOn: utcDay(2025, 9, 1), judgmentOn: utcDay(2025, 10, 1) },
      { cqlOn: utcDay(2025, 9, 1) },
      { cqlOn: utcDay(2025, 5, 1), forcePubliqueRequestOn: utcDay(2025, 9, 1) },
      { cqlOn: utcDay(2025, 5, 1), evictionOn: utcDay(2025, 9, 1) },
    ];
    for (const facts of stages) {
      const s = sheet(facts, today);
      expect(s.sms.length, s.sms).toBeLessThanOrEqual(SMS_MAX_LENGTH);
      const text = sheetAsText(s);
      const words = s.sections.find((x) => x.heading.startsWith("Les mots"))?.paragraphs ?? [];
      expect(new Set(words).size).toBe(words.length);
      expect(text).not.toMatch(/undefined|null|NaN/);
    }
  });

  it("the default texts use short sentences (at most 30 words)", () => {
    for (const [key, text] of Object.entries(DEFAULT_SHEET_BLOCKS)) {
      for (const sentence of text.split(/[.!?:]\s/)) expect(sentence.split(/\s+/).length, `${key}: ${sentence}`).toBeLessThanOrEqual(30);
    }
  });
});

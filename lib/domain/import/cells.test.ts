import { describe, expect, it } from "vitest";
import { cellText, parseAlreadyFollowed, parseAmount, parseDay, parseEmail, parseLandlordKind, parsePhone, parsePostcode, parseStage } from "./cells";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const value = <T>(p: { ok: true; value: T } | { ok: false; message: string }) => {
  if (!p.ok) throw new Error(`refused: ${p.message}`);
  return p.value;
};
const message = (p: { ok: boolean; message?: string }) => (p.ok ? null : p.message);

describe("parseDay", () => {
  it("reads French dates, two-digit years and ISO dates as calendar days", () => {
    expect(value(parseDay("15/03/2026", "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay("5/3/2026", "Date"))).toEqual(day("2026-03-05"));
    expect(value(parseDay("15-03-2026", "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay("15.03.26", "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay("2026-03-15", "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay("2026-03-15T00:00:00Z", "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay("15/03/2026 14:30", "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay(" ", "Date"))).toBeNull();
    expect(value(parseDay(null, "Date"))).toBeNull();
  });

  it("reads Excel serial numbers and Date cells from XLSX", () => {
    expect(value(parseDay(46096, "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay(46096.75, "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay(new Date("2026-03-15T00:00:00Z"), "Date"))).toEqual(day("2026-03-15"));
    expect(value(parseDay(new Date("2026-03-15T13:45:00Z"), "Date"))).toEqual(day("2026-03-15"));
  });

  it("refuses impossible days, other formats and years out of range, in French", () => {
    expect(message(parseDay("31/02/2026", "Date de l'acte"))).toBe("Date de l'acte : « 31/02/2026 » n'est pas une date du calendrier.");
    expect(message(parseDay("2026-02-30", "Date"))).toMatch(/n'est pas une date du calendrier/);
    expect(message(parseDay("demain", "Date de l'acte"))).toBe("Date de l'acte : « demain » n'est pas une date (format attendu JJ/MM/AAAA, ex. 15/03/2026).");
    expect(message(parseDay("03/15/2026", "Date"))).toMatch(/pas une date du calendrier/);
    expect(message(parseDay("15/03/1890", "Date"))).toMatch(/entre 1950 et 2100/);
    expect(message(parseDay(new Date("invalid"), "Date"))).toMatch(/date invalide/);
  });
});

describe("parseAmount", () => {
  it("reads French and dotted amounts into integer cents", () => {
    expect(value(parseAmount("1 234,56", "Dette"))).toBe(123456);
    expect(value(parseAmount("1\u202f234,56\u00a0€", "Dette"))).toBe(123456);
    expect(value(parseAmount("1\u00a0234,56 €", "Dette"))).toBe(123456);
    expect(value(parseAmount("1234.56", "Dette"))).toBe(123456);
    expect(value(parseAmount("1.234,5", "Dette"))).toBe(123450);
    expect(value(parseAmount("650", "Loyer"))).toBe(65000);
    expect(value(parseAmount("650 EUR", "Loyer"))).toBe(65000);
    expect(value(parseAmount("650 euros", "Loyer"))).toBe(65000);
    expect(value(parseAmount(1234.56, "Dette"))).toBe(123456);
    expect(value(parseAmount(0.1 + 0.2, "Dette"))).toBe(30);
    expect(value(parseAmount("", "Dette"))).toBeNull();
  });

  it("refuses text, negative and absurd amounts", () => {
    expect(message(parseAmount("abc", "Dette locative"))).toBe("Dette locative : « abc » n'est pas un montant (ex. 1 234,56).");
    expect(message(parseAmount("12,345", "Dette"))).toMatch(/n'est pas un montant/);
    expect(message(parseAmount("-50", "Dette"))).toMatch(/négatif/);
    expect(message(parseAmount(-50, "Dette"))).toMatch(/invalide/);
    expect(message(parseAmount("99999999999", "Dette"))).toMatch(/trop élevé/);
  });
});

describe("contact details", () => {
  it("normalises French phone numbers, and restores the 0 an XLSX number lost", () => {
    expect(value(parsePhone("06.12.34.56.78", "Tél"))).toBe("06 12 34 56 78");
    expect(value(parsePhone("+33 6 12 34 56 78", "Tél"))).toBe("06 12 34 56 78");
    expect(value(parsePhone(612345678, "Tél"))).toBe("06 12 34 56 78");
    expect(message(parsePhone("12345", "Téléphone"))).toBe("Téléphone : « 12345 » n'est pas un numéro de téléphone français (ex. 06 12 34 56 78).");
  });

  it("checks e-mail addresses and lower-cases them", () => {
    expect(value(parseEmail("Jean.Dupont@Exemple.FR", "Courriel"))).toBe("jean.dupont@exemple.fr");
    expect(value(parseEmail("mailto:a@b.fr", "Courriel"))).toBe("a@b.fr");
    expect(message(parseEmail("jean.dupont@", "Courriel"))).toMatch(/n'est pas une adresse e-mail/);
  });

  it("checks postcodes, restoring a leading zero", () => {
    expect(value(parsePostcode("91 000", "CP"))).toBe("91000");
    expect(value(parsePostcode(1000, "CP"))).toBe("01000");
    expect(value(parsePostcode("1000", "CP"))).toBe("01000");
    expect(message(parsePostcode("9100A", "Code postal"))).toBe("Code postal : « 9100A » n'est pas un code postal (5 chiffres, ex. 91000).");
  });

  it("cellText folds no-break spaces and formats dates the French way", () => {
    expect(cellText("  a\u00a0\u202fb  ")).toBe("a b");
    expect(cellText(new Date("2026-03-05T00:00:00Z"))).toBe("05/03/2026");
    expect(cellText(12)).toBe("12");
  });
});

describe("words", () => {
  it("maps the words of préfecture lists to landlord kinds", () => {
    const kind = (t: string) => value(parseLandlordKind(t, "Type"));
    expect(kind("Particulier")).toBe("PRIVATE_PERSON");
    expect(kind("personne physique")).toBe("PRIVATE_PERSON");
    expect(kind("Bailleur privé")).toBe("PRIVATE_PERSON");
    expect(kind("Agence immobilière")).toBe("AGENCY");
    expect(kind("Administrateur de biens")).toBe("AGENCY");
    expect(kind("SCI familiale")).toBe("FAMILY_SCI");
    expect(kind("SCI")).toBe("LEGAL_PERSON");
    expect(kind("Personne morale")).toBe("LEGAL_PERSON");
    expect(kind("SOCIÉTÉ")).toBe("LEGAL_PERSON");
    expect(kind("Bailleur social")).toBe("SOCIAL");
    expect(kind("OPH")).toBe("SOCIAL");
    expect(kind("HLM")).toBe("SOCIAL");
    expect(value(parseLandlordKind("", "Type"))).toBeNull();
    expect(message(parseLandlordKind("inconnu", "Type de bailleur"))).toBe(
      "Type de bailleur : « inconnu » n'est pas un type de bailleur connu (particulier, agence, personne morale, SCI familiale ou bailleur social).",
    );
  });

  it("maps stage words, and refuses later stages", () => {
    const stage = (t: string) => value(parseStage(t, "Étape"));
    expect(stage("Commandement de payer")).toBe("COMMANDEMENT_DE_PAYER");
    expect(stage("CDP")).toBe("COMMANDEMENT_DE_PAYER");
    expect(stage("commandement visant la clause résolutoire")).toBe("COMMANDEMENT_DE_PAYER");
    expect(stage("Assignation")).toBe("ASSIGNATION");
    expect(stage("ASSIGNATION EN RÉSILIATION DE BAIL")).toBe("ASSIGNATION");
    expect(message(parseStage("Commandement de quitter les lieux", "Étape"))).toMatch(/plus avancée/);
    expect(message(parseStage("visite", "Étape"))).toMatch(/n'est pas une étape connue/);
  });

  it("reads 'déjà suivi' as yes / no, keeping a measure's name as the note", () => {
    expect(value(parseAlreadyFollowed("non"))).toEqual({ followed: false, note: null });
    expect(value(parseAlreadyFollowed("Oui"))).toEqual({ followed: true, note: null });
    expect(value(parseAlreadyFollowed("x"))).toEqual({ followed: true, note: null });
    expect(value(parseAlreadyFollowed("ASLL en cours"))).toEqual({ followed: true, note: "ASLL en cours" });
    expect(value(parseAlreadyFollowed(""))).toBeNull();
  });
});

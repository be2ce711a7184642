import { describe, expect, it } from "vitest";

import { composeLetter, letterAsText, letterUnavailable, mergeValuesFor, tenantNames, type LetterCase, type Letterhead } from "./compose";
import { letterDue, notDueReason, type LetterDueFacts } from "./due";
import { LETTER_KINDS, LETTER_KIND_SLUGS, letterKindFromSlug } from "./kinds";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = day("2026-06-10");

const head: Letterhead = {
  teamName: "Équipe mobile Essonne",
  name: "Équipe mobile de prévention des expulsions",
  address: "1 place de l'Hôtel de ville\n91000 Évry-Courcouronnes",
  phone: "01 60 00 00 00",
  email: "prevention@exemple.fr",
  signature: "Hélène Rousseau\nCoordinatrice",
};

const household: LetterCase = {
  caseId: "c1",
  number: 42,
  tenants: [
    { firstName: "Gaëlle", lastName: "Lefèvre" },
    { firstName: "Marc", lastName: "Lefèvre" },
  ],
  address: { line: "12 rue des Lilas", extra: "Bâtiment B", postcode: "91000", city: "Évry-Courcouronnes" },
  email: "gaelle@example.fr",
  phone: null,
  hearingOn: day("2026-09-15"),
  courtName: "Tribunal de proximité d'Évry",
  procedureRef: "26/01234",
  debtCents: 325_000,
  landlord: { name: "SCI Les Tilleuls", addressLine: "4 avenue de la Gare", postcode: "91100", city: "Corbeil-Essonnes" },
  referentName: "Jérôme Lefèvre",
};

describe("composeLetter", () => {
  it("writes the first letter to the household with the team's letterhead, the hearing and the ways to reach the team", () => {
    const letter = composeLetter("TENANT_FIRST_LETTER", null, household, head, TODAY);
    expect(letter.letterhead).toEqual([
      "Équipe mobile de prévention des expulsions",
      "1 place de l'Hôtel de ville",
      "91000 Évry-Courcouronnes",
      "Tél. : 01 60 00 00 00",
      "E-mail : prevention@exemple.fr",
    ]);
    expect(letter.recipient).toEqual(["Gaëlle LEFÈVRE", "Marc LEFÈVRE", "12 rue des Lilas", "Bâtiment B", "91000 Évry-Courcouronnes"]);
    expect(letter.dateLine).toBe("Le 10 juin 2026");
    const body = letter.body.join("\n");
    expect(body).toContain("Nous sommes Équipe mobile de prévention des expulsions");
    expect(body).toContain("votre logement situé 12 rue des Lilas, Bâtiment B, 91000 Évry-Courcouronnes");
    expect(body).toContain("Votre audience au tribunal est prévue le 15 septembre 2026.");
    expect(body).toContain("gratuite et confidentielle");
    expect(body).toContain("indépendants de votre bailleur et du tribunal");
    expect(body).toContain("- par téléphone : 01 60 00 00 00");
    expect(body).toContain("- votre interlocuteur : Jérôme Lefèvre");
    expect(letter.signature).toEqual(["Hélène Rousseau", "Coordinatrice"]);
    expect(letter.reference).toBe("Dossier n° 42");
  });

  it("leaves out the hearing when it is unknown or past, and the ways to reach the team that are not set", () => {
    const past = composeLetter("TENANT_FIRST_LETTER", null, { ...household, hearingOn: day("2026-06-09"), referentName: null }, { ...head, phone: null, signature: null }, TODAY);
    const body = past.body.join("\n");
    expect(body).not.toMatch(/audience au tribunal est prévue/);
    expect(body).not.toMatch(/téléphone|interlocuteur/);
    expect(body).toContain("- par e-mail : prevention@exemple.fr");
    expect(past.signature).toEqual(["Équipe mobile de prévention des expulsions"]);
    expect(past.letterhead).not.toContain("Tél. : ");
  });

  it("addresses the landlord letter to the landlord and asks them to get in touch", () => {
    const letter = composeLetter("LANDLORD_LETTER", null, household, head, TODAY);
    expect(letter.recipient).toEqual(["SCI Les Tilleuls", "4 avenue de la Gare", "91100 Corbeil-Essonnes"]);
    expect(letter.subject).toBe("Impayés de loyer de Gaëlle LEFÈVRE et Marc LEFÈVRE : rechercher une solution");
    expect(letter.body.join("\n")).toContain("Nous vous proposons de prendre contact avec nous");
    expect(letter.body.join("\n")).toContain("Référence de la procédure : 26/01234");
    expect(letterUnavailable("LANDLORD_LETTER", { landlord: null })).toBe("Aucun bailleur n'est renseigné pour ce dossier.");
    expect(letterUnavailable("TENANT_FIRST_LETTER", { landlord: null })).toBeNull();
  });

  it("keeps the door notice short, with blanks to fill in by hand", () => {
    const letter = composeLetter("DOOR_NOTICE", null, household, head, TODAY);
    expect(letter.body.length).toBeLessThan(12);
    expect(letter.body.join("\n")).toContain("le ____ / ____ à ____ h ____");
  });

  it("uses the team's saved template", () => {
    const letter = composeLetter("REMINDER", { subject: "Relance n° {{numero_dossier}}", body: "Bonjour {{nom_locataire}}." }, household, head, TODAY);
    expect(letter.subject).toBe("Relance n° 42");
    expect(letter.body).toEqual(["Bonjour Gaëlle LEFÈVRE et Marc LEFÈVRE."]);
  });

  it("falls back to the team's name when no letterhead is set", () => {
    const bare: Letterhead = { teamName: "Équipe mobile Essonne", name: null, address: null, phone: null, email: null, signature: null };
    const letter = composeLetter("TENANT_FIRST_LETTER", null, household, bare, TODAY);
    expect(letter.letterhead).toEqual(["Équipe mobile Essonne"]);
    expect(letter.signature).toEqual(["Équipe mobile Essonne"]);
  });

  it("writes the letter as text for an e-mail, the letterhead's contacts at the end", () => {
    const text = letterAsText(composeLetter("TENANT_FIRST_LETTER", null, household, head, TODAY));
    expect(text.startsWith("Madame, Monsieur,")).toBe(true);
    expect(text).toContain("Hélène Rousseau\nCoordinatrice");
    expect(text).toContain("Tél. : 01 60 00 00 00");
    expect(text.endsWith("Référence : Dossier n° 42")).toBe(true);
  });
});

describe("merge values", () => {
  it("names the tenants, upper-case surnames, joined in French", () => {
    expect(tenantNames([{ firstName: "Inès", lastName: "Benali" }])).toBe("Inès BENALI");
    expect(tenantNames([{ firstName: "A", lastName: "B" }, { firstName: "C", lastName: "D" }, { firstName: "E", lastName: "F" }])).toBe("A B, C D et E F");
    expect(tenantNames([])).toBe("");
  });

  it("formats the debt in euros and leaves a zero debt out", () => {
    expect(mergeValuesFor(household, head, TODAY).montant_dette).toMatch(/^3\s250,00\s€$/);
    expect(mergeValuesFor({ ...household, debtCents: 0 }, head, TODAY).montant_dette).toBeNull();
    expect(mergeValuesFor(household, head, TODAY).adresse_equipe).toBe("1 place de l'Hôtel de ville, 91000 Évry-Courcouronnes");
  });
});

describe("letterDue", () => {
  const base: LetterDueFacts = { state: "IDENTIFIED", tenantLetterSentOn: null, landlordLetterSentOn: null, reminderDueOn: null, hasLandlord: true };

  it("asks for a first letter while no letter is on file and no contact was made", () => {
    expect(letterDue("TENANT_FIRST_LETTER", base, TODAY)).toBe(true);
    expect(letterDue("TENANT_FIRST_LETTER", { ...base, state: "VISIT_1_FAILED" }, TODAY)).toBe(true);
    expect(letterDue("TENANT_FIRST_LETTER", { ...base, state: "FIRST_LETTER_SENT", tenantLetterSentOn: TODAY }, TODAY)).toBe(false);
    expect(letterDue("TENANT_FIRST_LETTER", { ...base, state: "SUPPORTED" }, TODAY)).toBe(false);
    expect(letterDue("TENANT_FIRST_LETTER", { ...base, state: "CLOSED" }, TODAY)).toBe(false);
  });

  it("asks for a landlord letter on open cases with a landlord", () => {
    expect(letterDue("LANDLORD_LETTER", { ...base, state: "SUPPORTED" }, TODAY)).toBe(true);
    expect(letterDue("LANDLORD_LETTER", { ...base, hasLandlord: false }, TODAY)).toBe(false);
    expect(letterDue("LANDLORD_LETTER", { ...base, landlordLetterSentOn: TODAY }, TODAY)).toBe(false);
    expect(letterDue("LANDLORD_LETTER", { ...base, state: "CLOSED" }, TODAY)).toBe(false);
  });

  it("asks for the reminder from its day on, and notices where a visit is to make", () => {
    expect(letterDue("REMINDER", { ...base, state: "VISIT_2_FAILED", reminderDueOn: TODAY }, TODAY)).toBe(true);
    expect(letterDue("REMINDER", { ...base, state: "VISIT_2_FAILED", reminderDueOn: day("2026-06-11") }, TODAY)).toBe(false);
    expect(letterDue("DOOR_NOTICE", { ...base, state: "FIRST_LETTER_SENT" }, TODAY)).toBe(true);
    expect(letterDue("DOOR_NOTICE", base, TODAY)).toBe(false);
  });

  it("says in French why a letter is no longer due", () => {
    const f = (d: Date) => d.toISOString().slice(0, 10);
    expect(notDueReason("TENANT_FIRST_LETTER", { ...base, tenantLetterSentOn: TODAY }, f)).toBe("Le premier courrier au locataire est déjà enregistré (2026-06-10).");
    expect(notDueReason("REMINDER", { ...base, state: "REMINDER_SENT" }, f)).toBe("La relance a déjà été envoyée.");
    expect(notDueReason("LANDLORD_LETTER", { ...base, state: "CLOSED" }, f)).toBe("Le dossier est clôturé.");
  });
});

describe("kinds", () => {
  it("maps every kind to a French URL segment and back", () => {
    for (const kind of LETTER_KINDS) expect(letterKindFromSlug(LETTER_KIND_SLUGS[kind])).toBe(kind);
    expect(letterKindFromSlug("autre")).toBeNull();
    expect(letterKindFromSlug(undefined)).toBeNull();
  });
});

describe("{{prochain_delai}}: a delay to come, with both its dates (issue 13, CPC 641-642)", () => {
  it("says when the delay expires and from when the act is possible, and nothing once passed", () => {
    const next = { kind: "ASSIGNATION_POSSIBLE" as const, expiresOn: day("2026-07-20"), on: day("2026-07-21") };
    expect(mergeValuesFor({ ...household, nextDeadline: next }, head, TODAY).prochain_delai).toBe(
      "Le délai expire le 20 juillet 2026 ; assignation possible à partir du 21 juillet 2026",
    );
    expect(mergeValuesFor({ ...household, nextDeadline: { ...next, on: day("2026-06-01"), expiresOn: day("2026-05-31") } }, head, TODAY).prochain_delai).toBeNull();
    expect(mergeValuesFor({ ...household, nextDeadline: null }, head, TODAY).prochain_delai).toBeNull();
  });
});

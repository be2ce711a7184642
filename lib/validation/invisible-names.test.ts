// Issue 14 §7: bidirectional-override and zero-width characters are removed
// from every name and address people type — household (household.test.ts),
// landlord, partner organisation, partner, team, sector, user, first-run
// setup and the letterhead — through the shared zod fields.
import { describe, expect, it } from "vitest";
import { inviteUserSchema } from "./accounts";
import { letterheadSchema } from "./letters";
import { partnerSchema } from "./referrals";
import { setupTeamSchema } from "./setup";
import { partnerOrganisationSchema, sectorSchema, teamDetailsSchema } from "./teams";

/** "Dupont" wrapped in every kind of invisible character the rule removes. */
const hostile = (text: string) => `\u202E\u2066${text.slice(0, 2)}\u200B${text.slice(2)}\u200D\uFEFF\u2069\u0000`;

describe("names and addresses lose their invisible characters (issue 14 §7)", () => {
  it("team, partner organisation and sector names", () => {
    expect(teamDetailsSchema.parse({ teamId: "t1", name: hostile("Équipe Évry"), departement: "91" }).name).toBe("Équipe Évry");
    expect(partnerOrganisationSchema.parse({ teamId: "t1", name: hostile("ADIL 91"), kind: "ADIL" }).name).toBe("ADIL 91");
    expect(sectorSchema.parse({ teamId: "t1", name: hostile("Nord"), areas: "91000" }).name).toBe("Nord");
  });

  it("a user's name (invitation) and the first-run setup's names and address", () => {
    expect(inviteUserSchema.parse({ name: hostile("Claire Durand"), email: "c@exemple.fr", role: "SOCIAL_WORKER", teamId: "t1" }).name).toBe("Claire Durand");
    const setup = setupTeamSchema.parse({
      setupCode: "ABCD-EFGH-JKLM",
      teamName: hostile("Équipe mobile"),
      departement: "91",
      adilName: hostile("ADIL de l'Essonne"),
      associationName: hostile("Association Maintien"),
      contactPhone: "01 60 78 12 34",
      contactEmail: "equipe@exemple.fr",
      contactAddress: hostile("1 rue de la Paix, 91000 Évry"),
      adminName: hostile("Claire Durand"),
      adminEmail: "claire@exemple.fr",
      password: "un mot de passe assez long",
      confirmation: "un mot de passe assez long",
    });
    expect([setup.teamName, setup.adilName, setup.associationName, setup.contactAddress, setup.adminName]).toEqual([
      "Équipe mobile",
      "ADIL de l'Essonne",
      "Association Maintien",
      "1 rue de la Paix, 91000 Évry",
      "Claire Durand",
    ]);
  });

  it("a partner's name, address, city and contact", () => {
    const p = partnerSchema.parse({
      teamId: "t1",
      kind: partnerSchema.shape.kind.options[0],
      name: hostile("CCAS d'Évry"),
      addressLine: hostile("2 place des Droits"),
      city: hostile("Évry"),
      contactName: hostile("M. Martin"),
    });
    expect([p.name, p.addressLine, p.city, p.contactName]).toEqual(["CCAS d'Évry", "2 place des Droits", "Évry", "M. Martin"]);
  });

  it("the letterhead's name, multi-line address and signature", () => {
    const l = letterheadSchema.parse({
      teamId: "t1",
      token: "tok",
      name: hostile("Équipe mobile"),
      address: `${hostile("1 rue de la Paix")}\n${hostile("91000 Évry")}`,
      signature: hostile("Claire Durand"),
    });
    expect([l.name, l.address, l.signature]).toEqual(["Équipe mobile", "1 rue de la Paix\n91000 Évry", "Claire Durand"]);
  });
});

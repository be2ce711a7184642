import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/domain/accounts/password-policy";
import { emailField } from "./accounts";
import { optionalText, requiredText } from "./fields";

/**
 * The first run for real use (issue 15): the team, its partner organisations,
 * its sectors with the postcodes or communes they cover, the team's contact
 * details for the letters, and the first administrator.
 */

export const MAX_SETUP_SECTORS = 6;

export const departementField = z
  .string({ error: "Le département est obligatoire." })
  .trim()
  .toUpperCase()
  .regex(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, "Code de département invalide (ex. 91, 2A, 974).");

/** A French phone number as typed, kept readable ("01 60 00 00 00") but checked. */
export const teamPhoneField = z
  .string({ error: "Le téléphone de l'équipe est obligatoire." })
  .trim()
  .min(1, "Le téléphone de l'équipe est obligatoire : il figure sur chaque courrier.")
  .max(30, "Le numéro est trop long.")
  .refine((v) => /^(?:\+33|0033|0)[1-9]\d{8}$/.test(v.replace(/[\s.\-()]/g, "")), "Numéro de téléphone invalide (ex. 01 60 00 00 00).");

const sectorRow = z.object({
  name: optionalText("Le nom du secteur", 100),
  areas: optionalText("Les codes postaux et communes", 2000),
});

export const setupTeamSchema = z
  .object({
    setupCode: z.string({ error: "Saisissez le code d'installation." }).trim().min(1, "Saisissez le code d'installation.").max(100),
    teamName: requiredText("Le nom de l'équipe", 160),
    departement: departementField,
    adilName: requiredText("Le nom de l'ADIL", 160),
    associationName: requiredText("Le nom de l'association", 160),
    contactPhone: teamPhoneField,
    contactEmail: emailField,
    contactAddress: requiredText("L'adresse de l'équipe", 500),
    sectors: z.array(sectorRow.optional()).max(MAX_SETUP_SECTORS, "Trop de secteurs sur un seul formulaire.").optional(),
    adminName: requiredText("Votre nom", 160),
    adminEmail: emailField,
    password: z.string({ error: "Choisissez un mot de passe." }).min(1, "Choisissez un mot de passe.").max(PASSWORD_MAX_LENGTH * 4),
    confirmation: z.string({ error: "Saisissez de nouveau le mot de passe." }).min(1, "Saisissez de nouveau le mot de passe.").max(PASSWORD_MAX_LENGTH * 4),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmation) ctx.addIssue({ code: "custom", path: ["confirmation"], message: "Les deux saisies du mot de passe diffèrent." });
    (v.sectors ?? []).forEach((s, i) => {
      if (s && !s.name && s.areas) ctx.addIssue({ code: "custom", path: ["sectors", i, "name"], message: "Donnez un nom à ce secteur." });
    });
  });

export type SetupTeamInput = z.output<typeof setupTeamSchema>;

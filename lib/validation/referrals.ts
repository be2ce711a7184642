import { z } from "zod";
import { FOLLOW_UP_EVENTS, CONSENT_KINDS, SHARED_ITEMS, type SharedItem } from "@/lib/domain/referrals/referral";
import { PARTNER_KINDS } from "@/lib/domain/referrals/partners";
import { SHEET_BLOCK_KEYS, MAX_BLOCK_LENGTH, type SheetBlocks } from "@/lib/domain/household-sheet/template";
import { checkbox, optionalDate, optionalEmail, optionalPostcode, optionalText, requiredDate, requiredText } from "./fields";

/**
 * Issue 20's forms: a partner, a CSV of partners, a referral with consent, its
 * follow-up, the household sheet's texts, and the reminders of Mon compte.
 */

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const id = (what: string) => z.string({ error: `${what} manquant.` }).min(1, `${what} manquant.`).max(64);
const version = z.coerce.number({ error: "Version manquante." }).int().min(0);

/** A partner's phone as typed (switchboards, "3939", extensions): only its length is checked. */
const partnerPhone = optionalText("Le téléphone", 40);

export const partnerSchema = z.object({
  teamId: id("Équipe"),
  partnerId: z.preprocess(emptyToUndefined, id("Partenaire").optional()),
  version: z.preprocess(emptyToUndefined, version.optional()),
  kind: z.enum(PARTNER_KINDS, { error: "Choisissez le type de partenaire." }),
  name: requiredText("Le nom"),
  addressLine: optionalText("L'adresse"),
  postcode: optionalPostcode,
  city: optionalText("La ville", 100),
  phone: partnerPhone,
  email: optionalEmail,
  openingHours: optionalText("Les horaires", 300),
  communes: optionalText("Les communes couvertes", 2000),
  contactName: optionalText("La personne à contacter", 120),
  /** Absent (a new partner, the CSV): active. */
  active: z.preprocess((v) => (v === undefined ? "on" : v), checkbox),
});
export type PartnerInput = z.output<typeof partnerSchema>;

export const MAX_PARTNER_CSV = 200_000;
export const partnersCsvSchema = z.object({
  teamId: id("Équipe"),
  csv: z.string({ error: "Choisissez un fichier CSV ou collez son contenu." }).trim().min(1, "Choisissez un fichier CSV ou collez son contenu.").max(MAX_PARTNER_CSV, "Fichier trop long (200 000 caractères au plus)."),
});

const sharedItems = z.preprocess(
  (v) => (v && typeof v === "object" ? v : {}),
  z.record(z.string(), z.unknown()).transform((o) => SHARED_ITEMS.filter((k) => o[k] === "on" || o[k] === "true" || o[k] === true) as SharedItem[]),
);

export const referralSchema = z
  .object({
    caseId: id("Dossier"),
    partnerId: id("Partenaire"),
    referredOn: requiredDate("La date de l'orientation"),
    reason: requiredText("Le motif", 1000),
    shared: sharedItems,
    consent: z.enum(CONSENT_KINDS, { error: "Indiquez si le ménage a donné son accord." }),
    consentOn: optionalDate("La date de l'accord"),
    consentCollectedBy: optionalText("Qui a recueilli l'accord", 120),
  })
  .superRefine((v, ctx) => {
    if (v.consent === "NONE") return;
    if (!v.consentOn) ctx.addIssue({ code: "custom", path: ["consentOn"], message: "Indiquez la date de l'accord du ménage." });
    if (!v.consentCollectedBy) ctx.addIssue({ code: "custom", path: ["consentCollectedBy"], message: "Indiquez qui a recueilli l'accord." });
    if (v.shared.length === 0) ctx.addIssue({ code: "custom", path: ["shared"], message: "Cochez ce que le ménage accepte de transmettre." });
  });
export type ReferralInput = z.output<typeof referralSchema>;

export const referralFollowUpSchema = z.object({
  caseId: id("Dossier"),
  referralId: id("Orientation"),
  version,
  event: z.enum(FOLLOW_UP_EVENTS, { error: "Choisissez la suite : RDV pris, reçu ou sans suite." }),
  appointmentOn: optionalDate("La date du rendez-vous"),
  note: optionalText("La note", 500),
});
export type ReferralFollowUpInput = z.output<typeof referralFollowUpSchema>;

export const referralEmailSchema = z.object({ caseId: id("Dossier"), referralId: id("Orientation") });

export const sheetTemplateSchema = z.object({
  teamId: id("Équipe"),
  /** The version the form showed (optimistic concurrency). */
  version,
  blocks: z.preprocess(
    (v) => (v && typeof v === "object" ? v : {}),
    z.object(
      Object.fromEntries(
        SHEET_BLOCK_KEYS.map((k) => [k, z.string({ error: "Ce texte est obligatoire." }).trim().min(1, "Ce texte est obligatoire.").max(MAX_BLOCK_LENGTH, `${MAX_BLOCK_LENGTH} caractères au plus.`)]),
      ) as Record<keyof SheetBlocks, z.ZodString>,
    ),
  ),
  note: optionalText("La note de relecture", 500),
});
export type SheetTemplateInput = z.output<typeof sheetTemplateSchema>;

export const digestOptInSchema = z.object({ digest: checkbox });

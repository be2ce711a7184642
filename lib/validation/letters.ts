import { z } from "zod";
import { LETTER_KINDS } from "@/lib/domain/letters/kinds";
import { checkTemplate, describeProblems } from "@/lib/domain/letters/template";
import { stripInvisible } from "@/lib/domain/text/invisible";
import { optionalEmail, optionalText, requiredDate } from "./fields";

/**
 * The letters' forms (issue 7): a template's text, the team's letterhead, and
 * the confirmations "Courriers envoyés", e-mail and SMS. Template problems
 * (unknown merge field, unclosed braces) come back next to the field, in French.
 */

const id = z.string({ error: "Identifiant manquant." }).min(1, "Identifiant manquant.").max(64);
const version = z.coerce.number({ error: "Version manquante." }).int().min(0);
const kind = z.enum(LETTER_KINDS, { error: "Type de courrier inconnu." });

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

/** A template's text with its merge fields checked: the error names the field and the line. */
function templateText(label: string, max: number, multiline: boolean) {
  return z
    .string({ error: `${label} est obligatoire.` })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, `${label} est obligatoire.`).max(max, `${label} ne doit pas dépasser ${max.toLocaleString("fr-FR")} caractères.`))
    .superRefine((v, ctx) => {
      if (!multiline && v.includes("\n")) ctx.addIssue({ code: "custom", message: `${label} doit tenir sur une ligne.` });
      for (const message of describeProblems(checkTemplate(v), multiline)) ctx.addIssue({ code: "custom", message });
    });
}

export const letterTemplateSchema = z.object({
  teamId: id,
  kind,
  version,
  subject: templateText("L'objet", SUBJECT_MAX, false),
  body: templateText("Le texte du courrier", BODY_MAX, true),
});
export type LetterTemplateInput = z.output<typeof letterTemplateSchema>;

export const resetLetterTemplateSchema = z.object({ teamId: id, kind, version });
export type ResetLetterTemplateInput = z.output<typeof resetLetterTemplateSchema>;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Multi-line free text (address, signature): trimmed lines, at most `lines` of them. */
const optionalLines = (label: string, max: number, lines: number) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((v) =>
        stripInvisible(v)
          .replace(/\r\n?/g, "\n")
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
          .join("\n"),
      )
      .pipe(z.string().max(max, `${label} ne doit pas dépasser ${max} caractères.`))
      .refine((v) => v.split("\n").length <= lines, `${label} : ${lines} lignes au plus.`)
      .optional(),
  );

/** A phone number as the team wants it printed ("01 60 78 12 34"), checked to be one. */
const printedPhone = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .max(30, "Numéro de téléphone trop long.")
    .refine((v) => /^(?:\+33|0033|0)[1-9]\d{8}$/.test(v.replace(/[\s.\-()]/g, "")), "Numéro de téléphone invalide (ex. 01 60 78 12 34).")
    .optional(),
);

export const letterheadSchema = z.object({
  teamId: id,
  token: z.string().min(1).max(100),
  name: optionalText("Le nom de l'équipe", 150),
  address: optionalLines("L'adresse", 300, 5),
  phone: printedPhone,
  email: optionalEmail,
  signature: optionalLines("La signature", 300, 5),
});
export type LetterheadInput = z.output<typeof letterheadSchema>;

/** "Courriers envoyés": the letters of these cases (with the version each case had on the page) went out on `day`. */
export const confirmLettersSchema = z.object({
  teamId: id,
  kind,
  day: requiredDate("La date d'envoi"),
  cases: z
    .array(z.object({ id, version }), { error: "Aucun dossier à confirmer." })
    .min(1, "Aucun dossier à confirmer.")
    .max(2000, "Trop de dossiers à la fois (2 000 au plus)."),
});
export type ConfirmLettersInput = z.output<typeof confirmLettersSchema>;

/** E-mail the letter (first letter or reminder) to the household. */
export const sendLetterEmailSchema = z.object({
  caseId: id,
  version,
  kind: z.enum(["TENANT_FIRST_LETTER", "REMINDER"], { error: "Ce courrier ne s'envoie pas par e-mail." }),
});
export type SendLetterEmailInput = z.output<typeof sendLetterEmailSchema>;

/** An SMS to the household (sent by hand from a phone today: lib/server/sms). */
export const sendSmsSchema = z.object({ caseId: id, version });
export type SendSmsInput = z.output<typeof sendSmsSchema>;

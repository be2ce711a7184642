import { z } from "zod";
import { parseCalendarDate } from "@/lib/utils/dates";
import { stripInvisible } from "@/lib/domain/text/invisible";
import { parseEurosToCents } from "@/lib/utils/money";

// Global zod settings (no JIT under the CSP, French fallback messages): the
// validation modules import this one before building their own schemas.
import "./zod-config";

/**
 * Field schemas shared by every form, with French messages. Form values
 * arrive as strings: empty optional fields become undefined.
 */

const MAX_TEXT = 200;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * Every free text (names, addresses, notes): bidi-override, zero-width and NUL
 * characters removed before anything else (lib/domain/text/invisible.ts, issue 14).
 */
export const requiredText = (label: string, max = MAX_TEXT) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .overwrite(stripInvisible)
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`);

export const optionalText = (label: string, max = MAX_TEXT) =>
  z.preprocess(
    (v) => emptyToUndefined(typeof v === "string" ? stripInvisible(v) : v),
    z.string().trim().max(max, `${label} ne doit pas dépasser ${max} caractères.`).optional(),
  );

export const postcode = z
  .string({ error: "Le code postal est obligatoire." })
  .overwrite(stripInvisible)
  .trim()
  .regex(/^\d{5}$/, "Le code postal doit comporter 5 chiffres (ex. 91000).");

export const optionalPostcode = z.preprocess(emptyToUndefined, postcode.optional());

export const optionalPhone = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.\-()]/g, ""))
    .pipe(z.string().regex(/^(?:\+33|0033|0)[1-9]\d{8}$/, "Numéro de téléphone invalide (ex. 06 12 34 56 78)."))
    .optional(),
);

export const optionalEmail = z.preprocess(
  emptyToUndefined,
  z.string().trim().toLowerCase().max(254, "Adresse e-mail trop longue.").email("Adresse e-mail invalide (ex. nom@exemple.fr).").optional(),
);

/** An amount typed in euros ("1 234,56"), to integer cents. */
function eurosToCents(label: string, max: number) {
  return z.string().transform((v, ctx) => {
    const cents = parseEurosToCents(v);
    if (cents === null) {
      ctx.addIssue({ code: "custom", message: `${label} : montant invalide (ex. 1 234,56).` });
      return z.NEVER;
    }
    if (cents > max) {
      ctx.addIssue({ code: "custom", message: `${label} : montant trop élevé.` });
      return z.NEVER;
    }
    return cents;
  });
}

export const requiredEuros = (label: string, max = 10_000_000_00) =>
  z.preprocess(emptyToUndefined, z.string({ error: `${label} est obligatoire.` }).pipe(eurosToCents(label, max)));

export const optionalEuros = (label: string, max = 10_000_000_00) => z.preprocess(emptyToUndefined, eurosToCents(label, max).optional());

/** A calendar date from an <input type="date"> ("YYYY-MM-DD"), within sane bounds. */
function isoDay(label: string) {
  return z.string().transform((v, ctx) => {
    const date = parseCalendarDate(v);
    if (!date) {
      ctx.addIssue({ code: "custom", message: `${label} : date invalide.` });
      return z.NEVER;
    }
    const year = date.getUTCFullYear();
    if (year < 1950 || year > 2100) {
      ctx.addIssue({ code: "custom", message: `${label} : l'année doit être comprise entre 1950 et 2100.` });
      return z.NEVER;
    }
    return date;
  });
}

export const requiredDate = (label: string) => z.preprocess(emptyToUndefined, z.string({ error: `${label} est obligatoire.` }).pipe(isoDay(label)));

export const optionalDate = (label: string) => z.preprocess(emptyToUndefined, isoDay(label).optional());

/** A checkbox: present ("on") or absent. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const optionalId = z.preprocess(emptyToUndefined, z.string().max(64).optional());

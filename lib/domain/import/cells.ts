import type { LandlordKind } from "@/lib/domain/labels";
import { normaliseForSearch } from "@/lib/domain/search-text";
import { parseEurosToCents } from "@/lib/utils/money";
import { stripInvisible } from "@/lib/domain/text/invisible";

/**
 * One cell as a reader hands it over: text from a CSV; text, number, boolean
 * or Date from an XLSX (exceljs gives dates as Date at UTC midnight of the
 * day shown, and numbers as numbers, so "01000" typed as a number is 1000).
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A parsed value, or the French reason the cell was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = (message: string): Parsed<never> => ({ ok: false, message });

/** The cell's text, trimmed, with no-break and narrow no-break spaces as spaces; "" for empty. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  // Bidi overrides, zero-width characters and NUL never reach a name or an address (issue 14).
  const text = stripInvisible(String(value));
  // Most cells need only a trim: the replacements run only when there is something to fold.
  if (!/[\u00a0\u202f\u2007\t\n\r]| {2}/.test(text)) return text.trim();
  return text
    .replace(/[\u00a0\u202f\u2007\t]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function isBlank(value: CellValue): boolean {
  return cellText(value) === "";
}

// ───────────────────────────── Dates

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;
/** Excel's day 0 is 30 December 1899 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function utcDay(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

function inRange(date: Date, label: string): Parsed<Date> {
  const y = date.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return refuse(`${label} : l'année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.`);
  return ok(date);
}

/**
 * A calendar day (UTC midnight) from "15/03/2026", "15/03/26", "15-03-2026",
 * "15.03.2026", "2026-03-15" (with or without a time), an Excel serial
 * number (46096) or a Date from an XLSX cell. null when the cell is empty.
 */
export function parseDay(value: CellValue, label: string): Parsed<Date | null> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return refuse(`${label} : date invalide.`);
    // exceljs reads a date cell as UTC midnight of the day shown; a time part is dropped.
    return inRange(new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())), label);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1) return refuse(`${label} : date invalide.`);
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000);
    return inRange(date, label);
  }
  const text = cellText(value);
  if (text === "") return ok(null);
  let m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:\s+\d{1,2}[:h]\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const date = utcDay(year, Number(m[2]), Number(m[1]));
    if (!date) return refuse(`${label} : « ${text} » n'est pas une date du calendrier.`);
    return inRange(date, label);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) {
    const date = utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return refuse(`${label} : « ${text} » n'est pas une date du calendrier.`);
    return inRange(date, label);
  }
  return refuse(`${label} : « ${text} » n'est pas une date (format attendu JJ/MM/AAAA, ex. 15/03/2026).`);
}

// ───────────────────────────── Amounts

/** Upper bound of an amount in euros: beyond it the cell is surely a typo. */
const MAX_AMOUNT_CENTS = 10_000_000_00;

/**
 * Integer cents from "1 234,56", "1234.56", "1 234,56 €" (no-break or narrow
 * no-break spaces), "650 EUR", or a number from an XLSX cell. null when empty.
 */
export function parseAmount(value: CellValue, label: string): Parsed<number | null> {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return refuse(`${label} : montant invalide.`);
    const cents = Math.round(value * 100);
    if (cents > MAX_AMOUNT_CENTS) return refuse(`${label} : montant trop élevé.`);
    return ok(cents);
  }
  const text = cellText(value);
  if (text === "") return ok(null);
  const cleaned = text.replace(/\s*(?:€|eur|euros?)\s*$/i, "").trim();
  if (cleaned.startsWith("-")) return refuse(`${label} : le montant ne peut pas être négatif (« ${text} »).`);
  const cents = parseEurosToCents(cleaned);
  if (cents === null) return refuse(`${label} : « ${text} » n'est pas un montant (ex. 1 234,56).`);
  if (cents > MAX_AMOUNT_CENTS) return refuse(`${label} : montant trop élevé (« ${text} »).`);
  return ok(cents);
}

// ───────────────────────────── Contact details

/** "06 12 34 56 78", "+33 6 12 34 56 78", or 612345678 from an XLSX number cell (leading 0 lost). */
export function parsePhone(value: CellValue, label: string): Parsed<string | null> {
  let text = typeof value === "number" ? String(Math.trunc(value)) : cellText(value);
  if (text === "") return ok(null);
  if (typeof value === "number" && text.length === 9) text = `0${text}`;
  const compact = text.replace(/[\s.\-()/]/g, "");
  if (!/^(?:\+33|0033|0)[1-9]\d{8}$/.test(compact)) return refuse(`${label} : « ${text} » n'est pas un numéro de téléphone français (ex. 06 12 34 56 78).`);
  const national = compact.replace(/^(?:\+33|0033)/, "0");
  return ok(national.replace(/(\d{2})(?=\d)/g, "$1 "));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function parseEmail(value: CellValue, label: string): Parsed<string | null> {
  const text = cellText(value).replace(/^mailto:/i, "");
  if (text === "") return ok(null);
  if (text.length > 254 || !EMAIL.test(text)) return refuse(`${label} : « ${text} » n'est pas une adresse e-mail (ex. nom@exemple.fr).`);
  return ok(text.toLowerCase());
}

/** Five digits; "91 000" and 1000 from an XLSX number cell (→ "01000") are accepted. */
export function parsePostcode(value: CellValue, label: string): Parsed<string | null> {
  if (typeof value === "number") {
    const digits = String(Math.trunc(value)).padStart(5, "0");
    return /^\d{5}$/.test(digits) ? ok(digits) : refuse(`${label} : « ${value} » n'est pas un code postal (5 chiffres).`);
  }
  const text = cellText(value);
  if (text === "") return ok(null);
  const compact = text.replace(/\s/g, "");
  if (/^\d{4}$/.test(compact)) return ok(`0${compact}`);
  if (!/^\d{5}$/.test(compact)) return refuse(`${label} : « ${text} » n'est pas un code postal (5 chiffres, ex. 91000).`);
  return ok(compact);
}

/** Free text with a maximum length; null when empty. */
export function parseText(value: CellValue, label: string, max: number): Parsed<string | null> {
  const text = cellText(value);
  if (text === "") return ok(null);
  if (text.length > max) return refuse(`${label} : ${text.length} caractères, au plus ${max}.`);
  return ok(text);
}

// ───────────────────────────── Words

/**
 * The landlord's kind from the words préfecture lists use. Order matters:
 * "bailleur social" before "bailleur", "SCI familiale" before "SCI".
 */
const LANDLORD_KIND_WORDS: ReadonlyArray<[RegExp, LandlordKind]> = [
  [/\b(social|sociale|hlm|oph|opac|esh|sem|office public|logement social|entreprise sociale|habitat social)\b/, "SOCIAL"],
  [/\bsci\b.*\bfamil|\bfamil\w*\b.*\bsci\b/, "FAMILY_SCI"],
  [/\b(agence|agent immobilier|administrateur de biens|administrateur|gestionnaire|mandataire|gerance|regie|cabinet)\b/, "AGENCY"],
  [/\b(personne morale|morale|societe|sci|sa|sas|sasu|sarl|eurl|fonciere|institutionnel|assurance|mutuelle|association|banque)\b/, "LEGAL_PERSON"],
  [/\b(particulier|personne physique|physique|prive|privee|bailleur prive|proprietaire prive|individuel|personne privee)\b/, "PRIVATE_PERSON"],
];

export const LANDLORD_KIND_HINT = "particulier, agence, personne morale, SCI familiale ou bailleur social";

export function parseLandlordKind(value: CellValue, label: string): Parsed<LandlordKind | null> {
  const text = cellText(value);
  if (text === "") return ok(null);
  const words = normaliseForSearch(text);
  for (const [pattern, kind] of LANDLORD_KIND_WORDS) if (pattern.test(words)) return ok(kind);
  return refuse(`${label} : « ${text} » n'est pas un type de bailleur connu (${LANDLORD_KIND_HINT}).`);
}

export type ImportStage = "COMMANDEMENT_DE_PAYER" | "ASSIGNATION";

/**
 * The procedure stage at which the list names the household: commandement de
 * payer or assignation (shared/domain/outreach.md, "Target households").
 * A commandement de quitter les lieux is a later stage, not a synonym.
 */
export function parseStage(value: CellValue, label: string): Parsed<ImportStage | null> {
  const text = cellText(value);
  if (text === "") return ok(null);
  const words = normaliseForSearch(text);
  if (/\bquitter\b|\bcql\b|\bexpulsion ordonnee\b|\bjugement\b|\bconcours\b/.test(words)) {
    return refuse(`${label} : « ${text} » est une étape plus avancée que l'import ne prend pas en charge (commandement de payer ou assignation seulement).`);
  }
  if (/\bassign\w*|\bassigne\b|\bcitation\b/.test(words)) return ok("ASSIGNATION");
  if (/\bcommandement\b|\bcdp\b|\bcommandement de payer\b|\bclause resolutoire\b/.test(words)) return ok("COMMANDEMENT_DE_PAYER");
  return refuse(`${label} : « ${text} » n'est pas une étape connue (commandement de payer ou assignation).`);
}

const NO = new Set(["non", "n", "no", "faux", "false", "0", "aucun", "aucune", "-", "neant", "sans"]);
const YES = new Set(["oui", "o", "yes", "y", "vrai", "true", "1", "x"]);

/**
 * "Déjà suivi": oui / non, or the name of the measure ("ASLL en cours"), kept
 * as the eligibility note. null when empty.
 */
export function parseAlreadyFollowed(value: CellValue): Parsed<{ followed: boolean; note: string | null } | null> {
  if (typeof value === "boolean") return ok({ followed: value, note: null });
  const text = cellText(value);
  if (text === "") return ok(null);
  const word = normaliseForSearch(text);
  if (NO.has(word) || NO.has(text)) return ok({ followed: false, note: null });
  if (YES.has(word)) return ok({ followed: true, note: null });
  return ok({ followed: true, note: text.slice(0, 200) });
}

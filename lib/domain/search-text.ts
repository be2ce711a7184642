/**
 * Accent- and case-insensitive search keys.
 *
 * PGlite and PostgreSQL both fold case with `mode: "insensitive"` but not
 * accents ("elodie" must find "Élodie"), and their collation is bytewise.
 * The app stores a normalised copy of searchable text and sort keys instead,
 * so search and sorting behave the same on every database.
 */
export function normaliseForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9@.]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** Concatenates the normalised non-empty parts into one search key. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => typeof p === "string" && p.trim() !== "")
    .map(normaliseForSearch)
    .join(" ");
}

/** Sort key "lastname firstname", accent-free, so "Élodie" sorts with "E". */
export function buildSortName(lastName: string, firstName: string): string {
  return normaliseForSearch(`${lastName} ${firstName}`);
}

/**
 * The digits of a phone number being searched for, as stored (optionalPhone
 * keeps "0612345678"): "+33 6 12" → "0612"; null unless it looks like one.
 */
export function phoneDigits(q: string): string | null {
  if (!/^[\d\s.+()-]+$/.test(q)) return null;
  const digits = q.replace(/^\s*(\+|00)33/, "0").replace(/\D/g, "");
  return digits.length >= 4 ? digits : null;
}

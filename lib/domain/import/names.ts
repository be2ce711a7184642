/**
 * Tenants' names as préfecture lists write them in one cell:
 * "M. DUPONT Jean", "DUPONT Jean et DUPONT Marie", "Mme Élodie LEFÈVRE / M. Noël LEFÈVRE".
 * Administrative lists put the family name first, in capitals; when no word
 * is in capitals, the first word is taken as the family name.
 */

export interface PersonName {
  firstName: string;
  lastName: string;
}

const CIVILITY = /^(?:m|mr|mme|mlle|melle|monsieur|madame|mademoiselle|mm|mmes|epoux|époux|consorts)\.?$/i;

function isUpperWord(word: string): boolean {
  return /\p{L}/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase() && word.replace(/[^\p{L}]/gu, "").length >= 2;
}

/** One person's "NOM Prénom" (civility dropped); null when nothing is left. */
export function splitPersonName(text: string): PersonName | null {
  const words = text
    .replace(/[,;]+/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "" && !CIVILITY.test(w));
  if (words.length === 0) return null;
  if (words.length === 1) return { lastName: words[0]!, firstName: "" };
  const upper = words.filter(isUpperWord);
  if (upper.length > 0 && upper.length < words.length) {
    return { lastName: upper.join(" "), firstName: words.filter((w) => !isUpperWord(w)).join(" ") };
  }
  return { lastName: words[0]!, firstName: words.slice(1).join(" ") };
}

/** "DUPONT Jean et DUPONT Marie" → two people (at most the first two are kept as tenant and co-tenant). */
export function splitTenants(text: string): PersonName[] {
  return text
    .split(/\s+(?:et|&|\+)\s+|\s*\/\s*|\s*\n\s*/i)
    .map(splitPersonName)
    .filter((p): p is PersonName => p !== null);
}

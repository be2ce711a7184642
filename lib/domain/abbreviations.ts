/**
 * The procedure's abbreviations and what they stand for
 * (shared/domain/glossary.md). Issue 13: each is spelled out on its first use
 * on a page (with <abbr title> in HTML), then used alone.
 */
export const ABBREVIATIONS = {
  CQL: "commandement de quitter les lieux",
  JEX: "juge de l'exécution",
  CFP: "concours de la force publique",
  CCAPEX: "commission de coordination des actions de prévention des expulsions locatives",
  DSF: "diagnostic social et financier",
  JCP: "juge des contentieux de la protection",
} as const;

export type Abbreviation = keyof typeof ABBREVIATIONS;

const PATTERN = /\b(CQL|JEX|CFP|CCAPEX|DSF|JCP)\b/g;

export type TextPart = { text: string } | { abbr: Abbreviation; title: string; first: boolean };

/**
 * Splits a text at its abbreviations; `seen` (one per page) says which were
 * already spelled out, and is updated. The caller renders a first use as
 * "juge de l'exécution (JEX)" and later ones as "JEX", both in <abbr title>.
 */
export function splitAbbreviations(text: string, seen: Set<Abbreviation>): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const abbr = match[1] as Abbreviation;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ abbr, title: ABBREVIATIONS[abbr], first: !seen.has(abbr) });
    seen.add(abbr);
    last = match.index + abbr.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Plain text (PDF, letters): the first use spelled out, "juge de l'exécution (JEX)". */
export function spellOutFirstUse(text: string, seen: Set<Abbreviation>): string {
  return splitAbbreviations(text, seen)
    .map((p) => ("text" in p ? p.text : p.first ? `${p.title} (${p.abbr})` : p.abbr))
    .join("");
}

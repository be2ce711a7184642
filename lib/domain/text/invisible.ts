/**
 * Characters that change how a text is shown without being seen (issue 14 §7):
 * bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069,
 * U+200E/200F, U+061C) can make "Dupont" display as another name or reorder an
 * address ("Trojan Source"); zero-width characters (U+200B–200D, U+2060–2064,
 * U+FEFF, U+180E) make two identical-looking names different, which defeats
 * duplicate detection and search; NUL (U+0000) is refused by PostgreSQL in
 * text columns and would end in a 500. They are removed from what people type
 * or import; line breaks and tabs stay (notes).
 */
const CLASS = "[\\u0000\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff]";
const ANY = new RegExp(CLASS);
const ALL = new RegExp(CLASS, "g");

export function hasInvisible(text: string): boolean {
  return ANY.test(text);
}

export function stripInvisible(text: string): string {
  return ANY.test(text) ? text.replace(ALL, "") : text;
}

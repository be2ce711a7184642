import "server-only";
import type { PDFFont } from "pdf-lib";

/**
 * Text that pdf-lib's standard fonts (WinAnsi encoding) can draw, the rule of
 * docs/decisions/007-pdf.md as a function: spaces of any kind (Intl's narrow
 * no-break space in "1 234,56 €", no-break spaces) become a plain space, and a
 * character outside WinAnsi (a Vietnamese name, an emoji) loses its accent or
 * becomes "?". The PDF never fails on what a user typed.
 */
export function winAnsiSafe(text: string, font: PDFFont): string {
  const encodable = charset(font);
  let out = "";
  for (const ch of text.replace(/[\u202f\u00a0\u2007\u2009]/g, " ").replace(/[\r\t]/g, " ")) {
    const code = ch.codePointAt(0)!;
    if (encodable.has(code)) out += ch;
    else {
      const bare = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      out += bare && [...bare].every((c) => encodable.has(c.codePointAt(0)!)) ? bare : "?";
    }
  }
  return out;
}

const charsets = new WeakMap<PDFFont, ReadonlySet<number>>();

function charset(font: PDFFont): ReadonlySet<number> {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}

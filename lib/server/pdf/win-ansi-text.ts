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

/** The width in points of `text` once made drawable (winAnsiSafe). */
export function textWidth(text: string, size: number, font: PDFFont): number {
  return font.widthOfTextAtSize(winAnsiSafe(text, font), size);
}

/**
 * Lines of at most `width` points, for the three PDFs (hearing file, letters,
 * household sheet). A "\n" starts a new line. Breaks only at plain spaces, so
 * an amount ("1 234,56 €", whose spaces are no-break) is never split; a word
 * longer than the line is cut. Widths add up word by word (the standard fonts
 * have no kerning in pdf-lib): a batch of 200 letters wraps in linear time.
 */
export function wrapText(text: string, size: number, width: number, font: PDFFont): string[] {
  const space = textWidth(" ", size, font);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(" ")) {
      const wordWidth = textWidth(word, size, font);
      const candidate = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidate <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (textWidth(rest, size, font) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(rest.slice(0, cut), size, font) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = textWidth(rest, size, font);
    }
    lines.push(line);
  }
  return lines;
}

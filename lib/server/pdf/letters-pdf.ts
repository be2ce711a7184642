import "server-only";
import { PDFDocument, PageSizes, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { ComposedLetter } from "@/lib/domain/letters/compose";

/** Any letter the writer can print: the four letter kinds, and the referral letter (issue 20). */
export type PrintableLetter = Omit<ComposedLetter, "kind">;
import { winAnsiSafe, wrapText } from "@/lib/server/pdf/win-ansi-text";

/**
 * Letters as a PDF (issue 7): one letter, or a batch with each letter starting
 * on a new page, ready to print, fold and put in window envelopes. A4, the
 * team's letterhead top left, the addressee where a DL window envelope shows
 * it (about 11 cm from the left, 5 cm from the top), then the date, the
 * subject, the body and the signature. Standard Helvetica with WinAnsi-safe
 * text (win-ansi-text.ts, docs/decisions/007-pdf.md).
 */

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 56;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const WINDOW_X = 312;
const WINDOW_TOP = PAGE_HEIGHT - 150;
const WINDOW_WIDTH = PAGE_WIDTH - MARGIN - WINDOW_X;
const FOOTER_SPACE = 40;
const BODY_SIZE = 10.5;
const LEADING = BODY_SIZE * 1.4;
const INK = rgb(0.08, 0.08, 0.1);
const MUTED = rgb(0.35, 0.37, 0.4);

class LetterWriter {
  private page!: PDFPage;
  private y = 0;
  private letterPages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  private clean(text: string, font: PDFFont): string {
    return winAnsiSafe(text, font);
  }

  private wrap(text: string, size: number, width: number, font: PDFFont): string[] {
    return wrapText(text, size, width, font);
  }

  private draw(text: string, x: number, y: number, size: number, font: PDFFont, color = INK): void {
    this.page.drawText(this.clean(text, font), { x, y, size, font, color });
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.letterPages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE) this.newPage();
  }

  /** A block of lines at `x`, `width` wide, wrapped, from the cursor down. */
  private block(lines: readonly string[], x: number, width: number, opts: { size?: number; boldFirst?: boolean; color?: ReturnType<typeof rgb> } = {}): void {
    const size = opts.size ?? BODY_SIZE;
    lines.forEach((text, i) => {
      const font = opts.boldFirst && i === 0 ? this.bold : this.regular;
      for (const line of this.wrap(text, size, width, font)) {
        this.ensure(size * 1.3);
        this.y -= size * 1.3;
        this.draw(line, x, this.y, size, font, opts.color);
      }
    });
  }

  /** A paragraph of the body; "- " lines are bullets with a hanging indent. */
  private paragraph(text: string): void {
    if (text === "") {
      this.y -= LEADING * 0.6;
      return;
    }
    const bullet = /^[-•]\s+/.exec(text);
    const indent = bullet ? 14 : 0;
    const content = bullet ? text.slice(bullet[0].length) : text;
    this.wrap(content, BODY_SIZE, CONTENT_WIDTH - indent, this.regular).forEach((line, i) => {
      this.ensure(LEADING);
      this.y -= LEADING;
      if (bullet && i === 0) this.draw("•", MARGIN + 3, this.y, BODY_SIZE, this.regular);
      this.draw(line, MARGIN + indent, this.y, BODY_SIZE, this.regular);
    });
  }

  letter(letter: PrintableLetter): void {
    this.letterPages = [];
    this.newPage();

    // The team, top left.
    this.block(letter.letterhead, MARGIN, WINDOW_X - MARGIN - 16, { size: 10, boldFirst: true });

    // The addressee, in the envelope's window.
    this.y = Math.min(this.y - 12, WINDOW_TOP);
    this.block(letter.recipient, WINDOW_X, WINDOW_WIDTH, { size: 11 });

    this.y -= 26;
    this.block([letter.dateLine], WINDOW_X, WINDOW_WIDTH, { size: BODY_SIZE });

    this.y -= 22;
    const subject = this.wrap(`Objet : ${letter.subject}`, BODY_SIZE, CONTENT_WIDTH, this.bold);
    for (const line of subject) {
      this.ensure(LEADING);
      this.y -= LEADING;
      this.draw(line, MARGIN, this.y, BODY_SIZE, this.bold);
    }
    this.y -= LEADING * 0.8;

    for (const text of letter.body) this.paragraph(text);

    // The signature, on the right, kept on one page.
    this.y -= LEADING;
    this.ensure(letter.signature.length * BODY_SIZE * 1.3 + 4);
    this.block(letter.signature, WINDOW_X, WINDOW_WIDTH, { size: BODY_SIZE });

    const pages = this.letterPages;
    pages.forEach((page, i) => {
      const label = this.clean(pages.length > 1 ? `${letter.reference} · page ${i + 1} sur ${pages.length}` : letter.reference, this.regular);
      page.drawText(label, { x: MARGIN, y: MARGIN - 20, size: 8, font: this.regular, color: MUTED });
    });
  }
}

export interface LettersPdfInfo {
  /** The document's title (viewer's title bar). */
  title: string;
  author: string;
  now: Date;
}

/** One PDF holding every letter given, each from a new page. */
export async function renderLettersPdf(letters: readonly PrintableLetter[], info: LettersPdfInfo): Promise<Uint8Array> {
  if (letters.length === 0) throw new Error("renderLettersPdf: no letter to render");
  const doc = await PDFDocument.create();
  doc.setTitle(info.title.replace(/[\u202f\u00a0]/g, " "), { showInWindowTitleBar: true });
  doc.setLanguage("fr-FR");
  doc.setAuthor(info.author);
  doc.setCreator("Maintien");
  doc.setProducer("Maintien");
  doc.setCreationDate(info.now);
  doc.setModificationDate(info.now);
  const writer = new LetterWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  for (const letter of letters) writer.letter(letter);
  return doc.save();
}

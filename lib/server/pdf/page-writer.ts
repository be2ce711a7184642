import "server-only";
import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { textWidth, winAnsiSafe, wrapText } from "@/lib/server/pdf/win-ansi-text";

// The hearing file's page layout (hearing-file-pdf.ts): A4 pages with
// margins, a title, headings, paragraphs, label/value facts and tables that
// continue on the next page with their header, and a footer numbering the
// pages. Text is made drawable by the standard fonts (win-ansi-text.ts).

const MARGIN = 42;
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FOOTER_SPACE = 36;
const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.35, 0.37, 0.4);
const RULE = rgb(0.75, 0.77, 0.8);
const BAND = rgb(0.93, 0.94, 0.96);

interface Column {
  title: string;
  width: number;
  align: "left" | "right";
}

/** A cursor over pages: text flows down and a new page starts when the next block does not fit. */
export class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Text the standard fonts can draw (win-ansi-text.ts, docs/decisions/007-pdf.md). */
  clean(text: string, font = this.regular): string {
    return winAnsiSafe(text, font);
  }

  width(text: string, size: number, font = this.regular): number {
    return textWidth(text, size, font);
  }

  wrap(text: string, size: number, width: number, font = this.regular): string[] {
    return wrapText(text, size, width, font);
  }

  private draw(text: string, x: number, y: number, size: number, font: PDFFont, color = INK): void {
    this.page.drawText(this.clean(text), { x, y, size, font, color });
  }

  title(text: string): void {
    this.ensure(30);
    this.y -= 20;
    this.draw(text, MARGIN, this.y, 20, this.bold);
    this.y -= 8;
  }

  heading(text: string): void {
    this.ensure(48);
    this.y -= 18;
    this.draw(text, MARGIN, this.y, 13, this.bold);
    this.y -= 5;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_WIDTH - MARGIN, y: this.y }, thickness: 0.8, color: RULE });
    this.y -= 6;
  }

  paragraph(text: string, opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number } = {}): void {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.regular;
    const indent = opts.indent ?? 0;
    const leading = size * 1.35;
    for (const line of this.wrap(text, size, CONTENT_WIDTH - indent, font)) {
      this.ensure(leading);
      this.y -= leading;
      this.draw(line, MARGIN + indent, this.y + 2, size, font, opts.color);
    }
    this.y -= 3;
  }

  /** "Term : value" pairs, the term in bold on the left. */
  facts(rows: ReadonlyArray<[string, string]>): void {
    const size = 10;
    const termWidth = 170;
    const leading = size * 1.35;
    for (const [term, value] of rows) {
      const termLines = this.wrap(term, size, termWidth - 8, this.bold);
      const valueLines = this.wrap(value, size, CONTENT_WIDTH - termWidth);
      const count = Math.max(termLines.length, valueLines.length);
      this.ensure(count * leading + 2);
      for (let i = 0; i < count; i++) {
        this.y -= leading;
        if (termLines[i]) this.draw(termLines[i]!, MARGIN, this.y + 2, size, this.bold, MUTED);
        if (valueLines[i]) this.draw(valueLines[i]!, MARGIN + termWidth, this.y + 2, size, this.regular);
      }
      this.y -= 2;
    }
    this.y -= 2;
  }

  /** A table whose header repeats on each page; `emphasis` rows are bold on a band (totals). */
  table(columns: Column[], rows: ReadonlyArray<{ cells: string[]; emphasis?: boolean }>): void {
    const size = 9;
    const leading = size * 1.3;
    const pad = 4;
    const cellLines = (cells: string[], font: PDFFont) => cells.map((cell, i) => this.wrap(cell, size, columns[i]!.width - 2 * pad, font));
    const drawRow = (cells: string[], font: PDFFont, band: boolean) => {
      const lines = cellLines(cells, font);
      const height = Math.max(...lines.map((l) => l.length)) * leading + 2 * pad - 2;
      if (band) this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: CONTENT_WIDTH, height, color: BAND });
      let x = MARGIN;
      lines.forEach((cell, i) => {
        const col = columns[i]!;
        cell.forEach((text, j) => {
          const tx = col.align === "right" ? x + col.width - pad - this.width(text, size, font) : x + pad;
          this.draw(text, tx, this.y - pad - (j + 1) * leading + 3, size, font);
        });
        x += col.width;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_WIDTH - MARGIN, y: this.y }, thickness: 0.4, color: RULE });
    };
    const heightOf = (cells: string[], font: PDFFont) => Math.max(...cellLines(cells, font).map((l) => l.length)) * leading + 2 * pad;
    const header = columns.map((c) => c.title);
    const drawHeader = () => drawRow(header, this.bold, true);

    this.ensure(heightOf(header, this.bold) + heightOf(rows[0]?.cells ?? header, this.regular));
    drawHeader();
    for (const row of rows) {
      const font = row.emphasis ? this.bold : this.regular;
      if (this.y - heightOf(row.cells, font) < MARGIN + FOOTER_SPACE) {
        this.newPage();
        drawHeader();
      }
      drawRow(row.cells, font, !!row.emphasis);
    }
    this.y -= 6;
  }

  footer(text: string): void {
    this.pages.forEach((page, i) => {
      const label = this.clean(`${text} · page ${i + 1} sur ${this.pages.length}`);
      page.drawLine({ start: { x: MARGIN, y: MARGIN + 14 }, end: { x: PAGE_WIDTH - MARGIN, y: MARGIN + 14 }, thickness: 0.4, color: RULE });
      page.drawText(label, { x: MARGIN, y: MARGIN, size: 8, font: this.regular, color: MUTED });
    });
  }
}

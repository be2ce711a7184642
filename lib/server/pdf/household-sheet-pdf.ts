import "server-only";
import { PDFDocument, PageSizes, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { HouseholdSheet } from "@/lib/domain/household-sheet/compose";
import { winAnsiSafe, wrapText } from "@/lib/server/pdf/win-ansi-text";

/**
 * "Ce qui va se passer" as a one-page A4 PDF (issue 20): large type, headings
 * in bold, bullets, the team's version line at the foot. Same pdf-lib and
 * WinAnsi rule as the letters (docs/decisions/007-pdf.md). The text shrinks
 * a little rather than spill onto a second page.
 */

const [W, H] = PageSizes.A4;
const MARGIN = 50;
const INK = rgb(0.08, 0.08, 0.1);
const MUTED = rgb(0.35, 0.37, 0.4);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Draws the sheet at `size`; returns false when it would not fit on the page (nothing is kept then). */
function layout(sheet: HouseholdSheet, fonts: Fonts, size: number, page: PDFPage | null): boolean {
  let y = H - MARGIN;
  const width = W - 2 * MARGIN;
  const lead = size * 1.35;
  const put = (text: string, x: number, font: PDFFont, s: number, color = INK) => {
    if (page) page.drawText(text, { x, y, size: s, font, color });
  };
  const para = (text: string, font: PDFFont, s: number, indent = 0) => {
    for (const [i, line] of wrapText(text, s, width - indent, font).entries()) {
      y -= s * 1.35;
      if (indent && i === 0) put("•", MARGIN + 3, font, s);
      put(winAnsiSafe(line, font), MARGIN + indent, font, s);
    }
  };
  y -= size * 2;
  put(winAnsiSafe(sheet.title, fonts.bold), MARGIN, fonts.bold, size * 2);
  y -= 4;
  para(sheet.dateLine, fonts.regular, size * 0.85);
  y -= lead * 0.5;
  para(sheet.intro, fonts.regular, size);
  for (const section of sheet.sections) {
    y -= lead * 0.7;
    para(section.heading, fonts.bold, size * 1.2);
    y -= 2;
    for (const p of section.paragraphs) {
      if (p === "") {
        y -= lead * 0.4;
        continue;
      }
      const bullet = p.startsWith("- ");
      para(bullet ? p.slice(2) : p, fonts.regular, size, bullet ? 14 : 0);
    }
  }
  if (y < MARGIN + 20) return false;
  if (page) page.drawText(winAnsiSafe(sheet.footer, fonts.regular), { x: MARGIN, y: MARGIN - 16, size: 8, font: fonts.regular, color: MUTED });
  return true;
}

export async function renderHouseholdSheetPdf(sheet: HouseholdSheet, info: { author: string; now: Date }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(sheet.title, { showInWindowTitleBar: true });
  doc.setLanguage("fr-FR");
  doc.setAuthor(info.author);
  doc.setCreator("Maintien");
  doc.setProducer("Maintien");
  doc.setCreationDate(info.now);
  doc.setModificationDate(info.now);
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  let size = 12;
  while (size > 8 && !layout(sheet, fonts, size, null)) size -= 0.5;
  layout(sheet, fonts, size, doc.addPage([W, H]));
  return doc.save();
}

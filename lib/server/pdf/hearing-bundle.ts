import "server-only";
import { PDFDocument, PageSizes, rgb, StandardFonts } from "pdf-lib";
import { annexLines } from "@/lib/domain/attachments/kinds";
import type { Annex } from "@/lib/server/queries/attachments";
import type { AnnexListLine } from "./hearing-file-pdf";
import { winAnsiSafe } from "./win-ansi-text";

/**
 * The hearing file with its evidence in one PDF (issue 19 §4): the hearing
 * file, then for each chosen piece a cover page "Pièce n° N : …" followed by
 * the document itself — a PDF's pages copied as they are, a photo scaled onto
 * an A4 page. Word-processing files cannot be drawn into a PDF here: they are
 * listed with the remark to produce them separately. A PDF that cannot be read
 * (protected by a password, damaged) gets its cover page saying so, and the
 * bundle is still made.
 */

export type AnnexMode = "list" | "bundle";

export function annexListLines(annexes: readonly Annex[], mode: AnnexMode): AnnexListLine[] {
  return annexLines(annexes).map(({ line, source }) => ({
    line,
    remark: mode === "bundle" && !appendable(source.mimeType) ? "format texte, à produire séparément" : undefined,
  }));
}

const appendable = (mime: string) => mime === "application/pdf" || mime === "image/jpeg" || mime === "image/png";

const [W, H] = PageSizes.A4;
const MARGIN = 42;

export async function appendAnnexes(hearingFile: Uint8Array, annexes: readonly Annex[]): Promise<{ bytes: Uint8Array; unreadable: string[] }> {
  const doc = await PDFDocument.load(hearingFile);
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const unreadable: string[] = [];
  for (const { line, source } of annexLines(annexes)) {
    if (!appendable(source.mimeType) || !source.bytes) continue;
    const cover = doc.addPage([W, H]);
    cover.drawText(winAnsiSafe(line, font), { x: MARGIN, y: H / 2 + 20, size: 18, font, color: rgb(0.1, 0.1, 0.12), maxWidth: W - 2 * MARGIN });
    try {
      if (source.mimeType === "application/pdf") {
        const src = await PDFDocument.load(source.bytes, { updateMetadata: false });
        const pages = await doc.copyPages(src, src.getPageIndices());
        for (const p of pages) doc.addPage(p);
      } else {
        const image = source.mimeType === "image/png" ? await doc.embedPng(source.bytes) : await doc.embedJpg(source.bytes);
        const page = doc.addPage([W, H]);
        const scale = Math.min((W - 2 * MARGIN) / image.width, (H - 2 * MARGIN) / image.height, 1);
        const w = image.width * scale;
        const h = image.height * scale;
        page.drawImage(image, { x: (W - w) / 2, y: (H - h) / 2, width: w, height: h });
      }
    } catch {
      unreadable.push(line);
      cover.drawText(winAnsiSafe("Ce document n'a pas pu être joint (protégé par un mot de passe ou endommagé) : le produire séparément.", regular), {
        x: MARGIN,
        y: H / 2 - 10,
        size: 11,
        font: regular,
        maxWidth: W - 2 * MARGIN,
        lineHeight: 14,
      });
    }
  }
  return { bytes: await doc.save(), unreadable };
}

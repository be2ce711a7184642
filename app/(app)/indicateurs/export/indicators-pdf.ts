import "server-only";
import { PDFDocument, PageSizes, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import type { Indicators } from "@/lib/domain/indicators/definitions";
import { formatMonth, indicatorReport, type ReportSection } from "@/lib/domain/indicators/report";
import { formatPercent } from "@/lib/domain/indicators/stages";
import { formatDay } from "@/lib/utils/dates";
import type { ExportMeta } from "./indicator-files";

/**
 * The printable report: the key figures, bar charts drawn with pdf-lib
 * (cases in progress by stage, closure categories, monthly inflow and
 * closures) and every table of the dashboard, with the same rows
 * (lib/domain/indicators/report.ts). A4, Helvetica (WinAnsi, decision 007).
 */

const MARGIN = 42;
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const CONTENT = PAGE_WIDTH - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.33, 0.35, 0.38);
const RULE = rgb(0.75, 0.77, 0.8);
const BLUE = rgb(0.118, 0.251, 0.686);
const AMBER = rgb(0.706, 0.325, 0.035);
const number = new Intl.NumberFormat("fr-FR");

class Writer {
  page!: PDFPage;
  y = 0;
  private readonly encodable: Set<number>;

  constructor(private readonly doc: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {
    this.encodable = new Set(regular.getCharacterSet());
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN + 24) this.newPage();
  }

  /** WinAnsi only: every kind of space becomes a plain one, other characters lose their accent or become "?". */
  clean(text: string): string {
    let out = "";
    for (const ch of text.replace(/[\u202f\u00a0\u2007\u2009]/g, " ")) {
      const code = ch.codePointAt(0) as number;
      if (this.encodable.has(code)) out += ch;
      else {
        const bare = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        out += bare && [...bare].every((c) => this.encodable.has(c.codePointAt(0) as number)) ? bare : "?";
      }
    }
    return out;
  }

  width(text: string, size: number, font = this.regular): number {
    return font.widthOfTextAtSize(this.clean(text), size);
  }

  wrap(text: string, size: number, width: number, font = this.regular): string[] {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.width(candidate, size, font) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  text(text: string, x: number, y: number, size: number, font = this.regular, color: RGB = INK): void {
    this.page.drawText(this.clean(text), { x, y, size, font, color });
  }

  paragraph(text: string, size = 10, font = this.regular, color: RGB = INK): void {
    for (const line of this.wrap(text, size, CONTENT, font)) {
      this.ensure(size * 1.4);
      this.y -= size * 1.4;
      this.text(line, MARGIN, this.y, size, font, color);
    }
    this.y -= 2;
  }

  heading(text: string): void {
    this.ensure(60);
    this.y -= 20;
    this.text(text, MARGIN, this.y, 13, this.bold);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_WIDTH - MARGIN, y: this.y }, thickness: 0.8, color: RULE });
    this.y -= 4;
  }

  /** One horizontal bar per category, the count at the end of the bar. */
  barChart(data: ReadonlyArray<{ label: string; value: number }>): void {
    const labelWidth = 170;
    const barMax = CONTENT - labelWidth - 50;
    const max = Math.max(1, ...data.map((d) => d.value));
    const rowHeight = 22;
    this.ensure(data.length * rowHeight + 10);
    this.y -= 6;
    for (const d of data) {
      this.y -= rowHeight;
      const lines = this.wrap(d.label, 9, labelWidth - 8);
      lines.slice(0, 2).forEach((l, i) => this.text(l, MARGIN, this.y + 8 - i * 10 + (lines.length > 1 ? 5 : 0), 9));
      const w = (d.value / max) * barMax;
      if (w > 0) this.page.drawRectangle({ x: MARGIN + labelWidth, y: this.y + 2, width: w, height: 14, color: BLUE });
      this.text(number.format(d.value), MARGIN + labelWidth + w + 4, this.y + 6, 9, this.bold);
    }
    this.y -= 6;
  }

  /** Grouped vertical bars per month (new cases, closures), with a legend. */
  monthlyChart(months: Indicators["monthly"]): void {
    const height = 150;
    this.ensure(height + 50);
    const axisX = MARGIN + 28;
    const width = CONTENT - 28;
    const base = this.y - height;
    const max = Math.max(1, ...months.flatMap((m) => [m.opened, m.closed]));
    const step = months.length ? width / months.length : width;
    const bar = Math.max(1, Math.min(14, (step - 4) / 2));
    this.page.drawLine({ start: { x: axisX, y: base }, end: { x: axisX + width, y: base }, thickness: 0.8, color: INK });
    for (const tick of [0, Math.round(max / 2), max]) {
      const ty = base + (tick / max) * (height - 10);
      this.text(String(tick), MARGIN, ty - 3, 8, this.regular, MUTED);
      if (tick) this.page.drawLine({ start: { x: axisX, y: ty }, end: { x: axisX + width, y: ty }, thickness: 0.3, color: RULE });
    }
    const labelEvery = Math.max(1, Math.ceil(months.length / 12));
    months.forEach((m, i) => {
      const x = axisX + i * step + (step - 2 * bar) / 2;
      const h1 = (m.opened / max) * (height - 10);
      const h2 = (m.closed / max) * (height - 10);
      if (h1 > 0) this.page.drawRectangle({ x, y: base, width: bar, height: h1, color: BLUE });
      if (h2 > 0) this.page.drawRectangle({ x: x + bar, y: base, width: bar, height: h2, color: AMBER });
      if (i % labelEvery === 0) this.text(`${m.month.slice(5, 7)}/${m.month.slice(2, 4)}`, axisX + i * step + step / 2 - 10, base - 11, 7, this.regular, MUTED);
    });
    this.y = base - 26;
    this.page.drawRectangle({ x: axisX, y: this.y, width: 10, height: 8, color: BLUE });
    this.text("Nouveaux dossiers", axisX + 14, this.y + 1, 8);
    this.page.drawRectangle({ x: axisX + 110, y: this.y, width: 10, height: 8, color: AMBER });
    this.text("Clôtures", axisX + 124, this.y + 1, 8);
    this.y -= 8;
  }

  /** Rows of (label, count, share). */
  table(header: [string, string, string], rows: ReadonlyArray<{ label: string; count: string; share: string; indent?: boolean; bold?: boolean }>): void {
    const size = 9;
    const countX = MARGIN + CONTENT - 90;
    const shareX = MARGIN + CONTENT;
    const labelWidth = CONTENT - 110;
    const line = (cells: { label: string; count: string; share: string; indent?: boolean }, font: PDFFont) => {
      const indent = cells.indent ? 12 : 0;
      const lines = this.wrap(cells.label, size, labelWidth - indent, font);
      const h = lines.length * 11 + 4;
      this.ensure(h);
      lines.forEach((l, i) => this.text(l, MARGIN + indent, this.y - 10 - i * 11, size, font));
      this.text(cells.count, countX - this.width(cells.count, size, font), this.y - 10, size, font);
      this.text(cells.share, shareX - this.width(cells.share, size, font), this.y - 10, size, font);
      this.y -= h;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_WIDTH - MARGIN, y: this.y }, thickness: 0.3, color: RULE });
    };
    line({ label: header[0], count: header[1], share: header[2] }, this.bold);
    for (const r of rows) line(r, r.bold ? this.bold : this.regular);
  }
}

function sectionTable(w: Writer, s: ReportSection): void {
  w.heading(s.title);
  if (s.note) w.paragraph(s.note, 8.5, w.regular, MUTED);
  const hasShare = s.rows.some((r) => r.percent !== undefined);
  w.table(
    ["Indicateur", "Nombre", hasShare ? "Part" : ""],
    s.rows.map((r) => ({
      label: r.label,
      count: r.count === null ? (r.text ?? "–") : number.format(r.count),
      share: r.percent === undefined ? "" : formatPercent(r.percent),
      indent: r.indent,
    })),
  );
  if (hasShare && s.base) w.paragraph(`Parts en % ${s.base}, à une décimale.`, 8, w.regular, MUTED);
}

export async function indicatorsPdf(ind: Indicators, meta: ExportMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle("Indicateurs d'évaluation");
  doc.setCreator("Maintien");
  doc.setCreationDate(meta.generatedAt);
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  const report = indicatorReport(ind);
  const byId = (id: string) => report.find((s) => s.id === id) as ReportSection;

  w.y -= 18;
  w.text("Indicateurs d'évaluation", MARGIN, w.y, 20, w.bold);
  w.y -= 6;
  w.paragraph(`Situations ${meta.scopeText}.`, 10);
  w.paragraph(`Édité le ${formatDay(meta.generatedAt)}. Chiffres agrégés, sans données personnelles ; pourcentages à une décimale.`, 9, w.regular, MUTED);

  w.heading("Chiffres clés");
  const c = ind.cases;
  w.table(
    ["", "Nombre", "Part"],
    [
      { label: "Situations (dossiers)", count: number.format(c.total), share: "", bold: true },
      { label: "Dossiers en cours", count: number.format(c.inProgress), share: formatPercent(byId("cases").rows.find((r) => r.key === "cases.inProgress")?.percent ?? null) },
      { label: "Dossiers clôturés", count: number.format(c.closed), share: formatPercent(byId("cases").rows.find((r) => r.key === "cases.closed")?.percent ?? null) },
      { label: "Ménages accompagnés", count: number.format(ind.supported.total), share: formatPercent(byId("cases").rows.find((r) => r.key === "supported.total")?.percent ?? null) },
    ],
  );

  const stages = byId("stages");
  w.heading("Dossiers en cours par étape");
  w.barChart(stages.rows.filter((r) => r.key !== "stage.total").map((r) => ({ label: r.label, value: r.count ?? 0 })));
  const categories = byId("categories");
  w.heading("Clôtures par catégorie du financeur");
  w.barChart(categories.rows.map((r) => ({ label: r.label, value: r.count ?? 0 })));
  if (ind.monthly.length) {
    w.heading("Nouveaux dossiers et clôtures par mois");
    w.monthlyChart(ind.monthly);
  }

  for (const s of report) sectionTable(w, s);

  w.heading("Par mois");
  w.table(
    ["Mois", "Nouveaux", "Clôtures"],
    ind.monthly.map((m) => ({ label: formatMonth(m.month), count: number.format(m.opened), share: number.format(m.closed) })),
  );

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = w.clean(`Indicateurs ${meta.scopeText} — page ${i + 1} / ${pages.length}`);
    p.drawText(label, { x: MARGIN, y: MARGIN - 12, size: 7.5, font: w.regular, color: MUTED });
  });
  return doc.save();
}

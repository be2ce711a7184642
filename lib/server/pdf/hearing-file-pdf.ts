import "server-only";
import { PDFDocument, PageSizes, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { describeDebtCheck } from "@/lib/domain/hearing/ledger";
import { formatMonthTitle } from "@/lib/domain/hearing/month";
import { rentResumption, type RepaymentPlan } from "@/lib/domain/hearing/repayment-plan";
import { HEARING_REQUEST_KINDS, HEARING_REQUEST_LABELS, HEARING_REQUEST_STATUS_LABELS } from "@/lib/domain/hearing/requests";
import { JUDGMENT_DECISION_LABELS, LANDLORD_KIND_LABELS, OCCUPANT_ROLE_LABELS, PROCEDURE_STAGE_LABELS } from "@/lib/domain/labels";
import type { HearingFile } from "@/lib/server/queries/get-hearing-file";
import { formatDay, formatDayLong } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";
import { spellOutFirstUse, type Abbreviation } from "@/lib/domain/abbreviations";

/**
 * The printable "dossier d'audience" (issue 4): what a judge reads about the
 * household, the lease, the procedure, the debt check with the month-by-month
 * ledger, whether the current rent has been resumed, the proposed repayment
 * plan and the requests. French, A4, drawn with pdf-lib's standard Helvetica
 * (WinAnsi encoding: French accents, « », œ and € are covered; see
 * docs/decisions/007-pdf.md).
 */

const MARGIN = 42;
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FOOTER_SPACE = 36;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.37, 0.4);
const RULE = rgb(0.75, 0.77, 0.8);
const BAND = rgb(0.93, 0.94, 0.96);

interface Column {
  title: string;
  width: number;
  align: "left" | "right";
}

/** A cursor over pages: text flows down and a new page starts when the next block does not fit. */
class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];
  private readonly encodable: Set<number>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.encodable = new Set(regular.getCharacterSet());
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

  /**
   * Text that WinAnsi can encode. Intl writes "1 234,56 €" with a narrow
   * no-break space (U+202F), which WinAnsi lacks: spaces of any kind become a
   * plain space. Other characters outside WinAnsi lose their accent, or become "?".
   */
  clean(text: string): string {
    let out = "";
    for (const ch of text.replace(/[\u202f\u00a0\u2007\u2009]/g, " ").replace(/[\r\t]/g, " ")) {
      const code = ch.codePointAt(0)!;
      if (this.encodable.has(code)) out += ch;
      else {
        const bare = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        out += bare && [...bare].every((c) => this.encodable.has(c.codePointAt(0)!)) ? bare : "?";
      }
    }
    return out;
  }

  width(text: string, size: number, font = this.regular): number {
    return font.widthOfTextAtSize(this.clean(text), size);
  }

  /**
   * Lines of at most `width` points. Breaks only at plain spaces, so an amount
   * ("1 234,56 €", whose spaces are no-break) is never split; a word longer
   * than the line is cut.
   */
  wrap(text: string, size: number, width: number, font = this.regular): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split("\n")) {
      let line = "";
      for (const word of paragraph.split(" ")) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.width(candidate, size, font) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (this.width(rest, size, font) > width && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && this.width(rest.slice(0, cut), size, font) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
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

const yesNo = (value: boolean | null, yes: string, no: string) => (value === null ? null : value ? yes : no);

function occupantLine(o: HearingFile["household"]["occupants"][number]): string {
  const role = o.isChild ? "enfant" : OCCUPANT_ROLE_LABELS[o.role].toLowerCase();
  return `${o.firstName} ${o.lastName.toUpperCase()} (${role}${o.birthYear ? `, né(e) en ${o.birthYear}` : ""})`;
}

function procedureLine(e: HearingFile["procedure"]["events"][number], seen: Set<Abbreviation>): string {
  const parts = [`${formatDay(e.date)} — ${spellOutFirstUse(PROCEDURE_STAGE_LABELS[e.stage], seen)}`];
  if (e.reference) parts.push(`réf. ${e.reference}`);
  if (e.courtName) parts.push(e.courtName);
  const presence = [yesNo(e.householdPresent, "ménage présent", "ménage absent"), yesNo(e.juristPresent, "avec la juriste de l'équipe", "sans la juriste de l'équipe")].filter(Boolean);
  if (presence.length) parts.push(presence.join(", "));
  if (e.decision) parts.push(`décision : ${JUDGMENT_DECISION_LABELS[e.decision as keyof typeof JUDGMENT_DECISION_LABELS] ?? e.decision}`);
  if (e.stage === "JEX_DELAY" && e.delayEndsOn) parts.push(`délai jusqu'au ${formatDay(e.delayEndsOn)}${e.delayMonths ? ` (${e.delayMonths} mois à compter de la décision)` : ""}`);
  else if (e.delayMonths) parts.push(`${e.delayMonths} mois accordés`);
  return parts.join(" · ");
}

/** An annex line of the list ("Pièce n° 3 : décompte du bailleur du 22/06/2026") and, when it is not in the bundle, why. */
export interface AnnexListLine {
  line: string;
  remark?: string;
}

/**
 * The PDF of a case's hearing file; `plan` is the simulation the jurist ran,
 * if any; `annexes` the documents she chose (issue 19), listed as numbered
 * pieces (lib/server/pdf/hearing-bundle.ts appends the documents themselves).
 */
export async function renderHearingFilePdf(
  file: HearingFile,
  plan: RepaymentPlan | null,
  now: Date,
  annexes: { lines: readonly AnnexListLine[]; appended: boolean } = { lines: [], appended: false },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const title = `Dossier d'audience — ${file.household.displayName} — dossier n° ${file.number}`;
  doc.setTitle(title.replace(/[\u202f\u00a0]/g, " "), { showInWindowTitleBar: true });
  doc.setLanguage("fr-FR");
  doc.setAuthor(file.teamName);
  doc.setCreator("Maintien");
  doc.setProducer("Maintien");
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  w.title("Dossier d'audience");
  w.paragraph(`${file.household.displayName} — dossier n° ${file.number}`, { size: 13, bold: true });
  const by = [`Établi le ${formatDayLong(file.today)} par ${file.teamName}`, file.juristName ? `juriste : ${file.juristName}` : null, file.workerName ? `travailleur social : ${file.workerName}` : null];
  w.paragraph(`${by.filter(Boolean).join(" ; ")}.`, { color: MUTED });

  w.heading("Ménage");
  w.facts([
    ["Composition", file.household.occupants.length ? file.household.occupants.map(occupantLine).join(" ; ") : "Non renseignée"],
    ["Nombre de personnes", String(file.household.occupants.length)],
    ["Adresse du logement", file.household.address],
  ]);

  w.heading("Bail et bailleur");
  w.facts([
    ["Bailleur", file.landlord ? `${file.landlord.name} (${LANDLORD_KIND_LABELS[file.landlord.kind]})` : "Non renseigné"],
    ...(file.landlord?.address ? [["Adresse du bailleur", file.landlord.address] as [string, string]] : []),
    ["Bail signé le", file.lease?.signedOn ? formatDay(file.lease.signedOn) : "Date inconnue"],
    ["Loyer hors charges", file.lease ? formatCents(file.lease.rentCents) : "Non renseigné"],
    ["Charges", file.lease ? formatCents(file.lease.chargesCents) : "Non renseignées"],
  ]);

  w.heading("Procédure");
  w.facts([
    ["Tribunal", file.procedure.courtName ?? "Non renseigné"],
    ["Référence", file.procedure.reference ?? "Non renseignée"],
    ["Audience", file.procedure.hearingOn ? formatDayLong(file.procedure.hearingOn) : "Pas de date connue"],
  ]);
  // Issue 13: abbreviations spelled out on their first use in the document.
  const seen = new Set<Abbreviation>();
  if (file.procedure.events.length) {
    w.paragraph("Actes enregistrés :", { bold: true });
    for (const e of file.procedure.events) w.paragraph(`• ${procedureLine(e, seen)}`, { indent: 8 });
  }
  // Issue 13: every deadline with both dates where both matter, computed with the team's settings.
  if (file.procedureDeadlines.length) {
    w.paragraph("Délais (calculés selon les articles cités ; un délai expire à la fin de son dernier jour, l'acte est possible le lendemain) :", { bold: true });
    for (const line of file.procedureDeadlines) w.paragraph(`• ${spellOutFirstUse(line, seen)}`, { indent: 8 });
  }

  w.heading("Vérification de la dette");
  const claimed = file.claimedDebt;
  const check = file.debtCheck;
  w.facts([
    ["Dette réclamée", claimed ? `${formatCents(claimed.cents)}${claimed.on ? ` (arrêtée au ${formatDay(claimed.on)})` : ""}` : "Non renseignée"],
    [
      "Dette calculée",
      !file.ledger.rows.length
        ? "Aucun mois saisi au relevé"
        : check?.status === "NOT_COVERED"
          ? "Relevé incomplet pour la période réclamée"
          : `${formatCents(check?.computedDebtCents ?? file.ledger.totals.balanceCents)} (relevé ci-dessous${check?.monthsAfterClaim ? ", jusqu'à la date d'arrêté" : ""})`,
    ],
    ...(check ? [["Écart", describeDebtCheck(check).difference] as [string, string]] : []),
  ]);
  if (check) w.paragraph(describeDebtCheck(check).sentence);
  if (file.ledger.missingMonths.length) {
    w.paragraph(`Attention : mois absents du relevé : ${file.ledger.missingMonths.map((m) => formatMonthTitle(m)).join(", ")}.`, { bold: true });
  }
  if (file.ledger.rows.length) {
    const t = file.ledger.totals;
    w.table(
      [
        { title: "Mois", width: 91, align: "left" },
        { title: "Loyer et charges dus", width: 85, align: "right" },
        { title: "Payé par le ménage", width: 85, align: "right" },
        { title: "Aide au logement versée au bailleur", width: 85, align: "right" },
        { title: "Solde du mois", width: 82, align: "right" },
        { title: "Solde cumulé", width: 83, align: "right" },
      ],
      [
        ...file.ledger.rows.map((r) => ({
          cells: [formatMonthTitle(r.line.month), formatCents(r.dueCents), formatCents(r.line.paidCents), formatCents(r.line.housingBenefitCents), formatCents(r.monthBalanceCents), formatCents(r.runningBalanceCents)],
        })),
        { cells: ["Total", formatCents(t.dueCents), formatCents(t.paidCents), formatCents(t.housingBenefitCents), formatCents(t.balanceCents), formatCents(t.balanceCents)], emphasis: true },
      ],
    );
    const notes = file.ledger.rows.filter((r) => r.line.note);
    for (const r of notes) w.paragraph(`${formatMonthTitle(r.line.month)} : ${r.line.note}`, { size: 9, color: MUTED });
  }

  w.heading("Reprise du loyer courant");
  w.paragraph((plan?.rentResumption ?? rentResumption(file.ledger.rows.map((r) => r.line), file.today)).message);

  w.heading("Plan d'apurement proposé");
  if (!plan) {
    w.paragraph("Aucune simulation n'est jointe à ce dossier.");
  } else {
    const source = file.debtToRepay?.source === "LEDGER" ? "dette calculée d'après le relevé" : "dette réclamée";
    w.facts([
      ["Ressources mensuelles", formatCents(plan.input.monthlyResourcesCents)],
      ["Personnes au foyer", String(plan.input.householdSize)],
      ["Charges mensuelles", formatCents(plan.input.monthlyChargesCents)],
      ["Loyer courant à charge", formatCents(plan.input.currentRentCents)],
      ["Dette à apurer", `${formatCents(plan.input.debtCents)} (${source})`],
      ...(plan.status === "FEASIBLE"
        ? ([
            ["Mensualité proposée", formatCents(plan.monthlyInstalmentCents!)],
            ["Durée", `${plan.months} mois`],
            ["Dernière échéance", formatCents(plan.lastInstalmentCents!)],
          ] as [string, string][])
        : [["Plan", plan.status === "NO_DEBT" ? "Aucune dette à apurer" : "Aucun plan soutenable sur 36 mois au plus"] as [string, string]]),
    ]);
    // Whether the rent has been resumed has its own section just above.
    for (const text of plan.explanation.filter((t) => t !== plan.rentResumption.message)) w.paragraph(text);
  }

  w.heading("Demandes");
  w.table(
    [
      { title: "Demande", width: 150, align: "left" },
      { title: "État", width: 80, align: "left" },
      { title: "Déposée le", width: 70, align: "left" },
      { title: "Décision le", width: 70, align: "left" },
      { title: "Remarque", width: 141, align: "left" },
    ],
    HEARING_REQUEST_KINDS.map((kind) => {
      const r = file.requests[kind];
      return {
        cells: [
          HEARING_REQUEST_LABELS[kind],
          r ? HEARING_REQUEST_STATUS_LABELS[r.status] : "Non préparée",
          r?.filedOn ? formatDay(r.filedOn) : "—",
          r?.decidedOn ? formatDay(r.decidedOn) : "—",
          r?.note ?? "",
        ],
      };
    }),
  );

  if (annexes.lines.length) {
    w.heading("Pièces jointes");
    w.paragraph(annexes.appended ? "Les pièces suivantes sont jointes à la suite de ce dossier, dans cet ordre :" : "Pièces produites à l'appui de ce dossier :");
    for (const a of annexes.lines) w.paragraph(`${a.line}${a.remark ? ` (${a.remark})` : ""}`, { indent: 8 });
  }

  w.footer(`Dossier d'audience · ${file.household.displayName} · dossier n° ${file.number}`);
  return doc.save();
}

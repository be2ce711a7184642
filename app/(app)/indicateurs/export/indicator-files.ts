import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Indicators } from "@/lib/domain/indicators/definitions";
import { formatMonth, indicatorReport, type ReportRow, type ReportSection } from "@/lib/domain/indicators/report";
import { STAGE_GROUP_LABELS, stageGroupOf } from "@/lib/domain/indicators/stages";
import {
  CASE_SOURCE_LABELS,
  CASE_STATE_LABELS,
  CLOSURE_REASON_LABELS,
  LANDLORD_KIND_LABELS,
  PROCEDURE_STAGE_LABELS,
} from "@/lib/domain/labels";
import type { IndicatorCaseRow } from "@/lib/server/queries/indicators";
import { formatDay } from "@/lib/utils/dates";
import { safeRow } from "@/lib/domain/export/spreadsheet-cell";

/**
 * The dashboard's downloads: the indicators (the same labelled rows as the
 * page, lib/domain/indicators/report.ts) and the period's case list, as CSV
 * (semicolon-separated, UTF-8 with BOM: what French Excel opens) and XLSX.
 * The case list holds numbers, dates and codes only: no name, address,
 * contact detail or free-text note. Every cell goes through the one
 * spreadsheet sanitiser (`safeRow`, issue 14): team and sector names are text
 * the users chose.
 */

export interface ExportMeta {
  /** "du 01/01/2025 au 30/06/2026 — Équipe mobile Essonne". */
  scopeText: string;
  generatedAt: Date;
}

const BOM = "\uFEFF";

/** 26.4 → "26,4" for a French spreadsheet. */
const frDecimal = (n: number | null | undefined) => (n === null || n === undefined ? "" : n.toFixed(1).replace(".", ","));

/** Every report row with its section, then the months: one flat table. */
type Line = ReportRow & { section: ReportSection };

function indicatorLines(ind: Indicators): Line[] {
  const lines: Line[] = indicatorReport(ind).flatMap((section) => section.rows.map((r) => ({ section, ...r })));
  const months: ReportSection = { id: "monthly", title: "Par mois", rows: [] };
  for (const m of ind.monthly) {
    lines.push({ section: months, key: `monthly.${m.month}.opened`, label: `Nouveaux dossiers, ${formatMonth(m.month)}`, count: m.opened });
    lines.push({ section: months, key: `monthly.${m.month}.closed`, label: `Clôtures, ${formatMonth(m.month)}`, count: m.closed });
  }
  return lines;
}

export function indicatorsCsv(ind: Indicators): string {
  const data = indicatorLines(ind).map((l) => [
    l.section.title,
    l.label,
    l.count === null ? (l.text ?? "") : String(l.count),
    frDecimal(l.percent),
    l.percent === undefined ? "" : (l.section.base ?? ""),
    l.key,
  ]);
  return BOM + Papa.unparse({ fields: ["Rubrique", "Indicateur", "Nombre", "Part (%)", "Part calculée sur", "Code"], data: data.map(safeRow) }, { delimiter: ";", newline: "\r\n" });
}

const yesNo = (b: boolean) => (b ? "Oui" : "Non");

const CASE_COLUMNS: ReadonlyArray<{ header: string; key: string; width: number; value: (r: IndicatorCaseRow) => string | number | Date | null }> = [
  { header: "N° de dossier", key: "number", width: 12, value: (r) => r.number },
  { header: "Équipe", key: "team", width: 28, value: (r) => r.teamName },
  { header: "Secteur", key: "sector", width: 18, value: (r) => r.sectorName },
  { header: "Ouvert le", key: "openedOn", width: 12, value: (r) => r.openedOn },
  { header: "État en fin de période", key: "state", width: 26, value: (r) => CASE_STATE_LABELS[r.state] },
  { header: "Étape (en cours)", key: "stage", width: 18, value: (r) => { const g = stageGroupOf(r.state); return g ? STAGE_GROUP_LABELS[g] : null; } },
  { header: "Clôturé le", key: "closedOn", width: 12, value: (r) => r.closedOn },
  { header: "Motif de clôture", key: "closureReason", width: 34, value: (r) => (r.closureReason ? CLOSURE_REASON_LABELS[r.closureReason] : null) },
  { header: "Accompagné", key: "supported", width: 12, value: (r) => yesNo(r.supported) },
  { header: "Premier contact le", key: "firstContactOn", width: 14, value: (r) => r.firstContactOn },
  { header: "Éligible", key: "eligible", width: 10, value: (r) => yesNo(r.eligible) },
  { header: "Type de bailleur", key: "landlordKind", width: 30, value: (r) => (r.landlordKind ? LANDLORD_KIND_LABELS[r.landlordKind] : null) },
  { header: "Stade de la procédure (actuel)", key: "procedureStage", width: 30, value: (r) => (r.procedureStage ? PROCEDURE_STAGE_LABELS[r.procedureStage] : null) },
  { header: "Audience (date au dossier)", key: "hearingOn", width: 14, value: (r) => r.hearingOn },
  { header: "Origine", key: "source", width: 24, value: (r) => CASE_SOURCE_LABELS[r.source] },
];

export function casesCsv(rows: readonly IndicatorCaseRow[]): string {
  const data = rows.map((r) =>
    CASE_COLUMNS.map((c) => {
      const v = c.value(r);
      if (v === null) return "";
      return v instanceof Date ? formatDay(v) : String(v);
    }),
  );
  return BOM + Papa.unparse({ fields: CASE_COLUMNS.map((c) => c.header), data: data.map(safeRow) }, { delimiter: ";", newline: "\r\n" });
}

function newWorkbook(meta: ExportMeta): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Maintien";
  wb.created = meta.generatedAt;
  return wb;
}

function titleRows(sheet: ExcelJS.Worksheet, title: string, meta: ExportMeta): void {
  sheet.addRow(safeRow([title])).font = { bold: true, size: 14 };
  // The scope names a team and a sector: text the users chose.
  sheet.addRow(safeRow([`Situations ${meta.scopeText}`]));
  sheet.addRow([`Export du ${formatDay(meta.generatedAt)} — pourcentages à une décimale`]);
  sheet.addRow([]);
}

/** Indicators in sheet "Indicateurs" (header on row 5), months in sheet "Par mois". */
export async function indicatorsXlsx(ind: Indicators, meta: ExportMeta): Promise<Uint8Array> {
  const wb = newWorkbook(meta);
  const sheet = wb.addWorksheet("Indicateurs", { views: [{ state: "frozen", ySplit: 5 }] });
  titleRows(sheet, "Indicateurs d'évaluation", meta);
  sheet.columns = [{ width: 34 }, { width: 60 }, { width: 10 }, { width: 10 }, { width: 36 }, { width: 26 }];
  const header = sheet.addRow(["Rubrique", "Indicateur", "Nombre", "Part (%)", "Part calculée sur", "Code"]);
  header.font = { bold: true };
  for (const l of indicatorLines(ind).filter((x) => x.section.id !== "monthly")) {
    const row = sheet.addRow(
      safeRow([
        l.section.title,
        l.label,
        l.count === null ? (l.text ?? null) : l.count,
        l.percent ?? null,
        l.percent === undefined ? null : (l.section.base ?? null),
        l.key,
      ]),
    );
    row.getCell(4).numFmt = "0.0";
  }

  const months = wb.addWorksheet("Par mois", { views: [{ state: "frozen", ySplit: 5 }] });
  titleRows(months, "Nouveaux dossiers et clôtures par mois", meta);
  months.columns = [{ width: 12 }, { width: 18 }, { width: 18 }, { width: 12 }];
  months.addRow(["Mois", "Nouveaux dossiers", "Clôtures", "Code"]).font = { bold: true };
  for (const m of ind.monthly) months.addRow(safeRow([formatMonth(m.month), m.opened, m.closed, m.month]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The period's case list in sheet "Dossiers" (header on row 5), dates as real dates. */
export async function casesXlsx(rows: readonly IndicatorCaseRow[], meta: ExportMeta): Promise<Uint8Array> {
  const wb = newWorkbook(meta);
  const sheet = wb.addWorksheet("Dossiers", { views: [{ state: "frozen", ySplit: 5 }] });
  titleRows(sheet, "Dossiers de la période (sans données personnelles)", meta);
  sheet.columns = CASE_COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow(CASE_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(safeRow(CASE_COLUMNS.map((c) => c.value(r))));
    CASE_COLUMNS.forEach((c, i) => {
      if (c.value(r) instanceof Date) row.getCell(i + 1).numFmt = "dd/mm/yyyy";
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

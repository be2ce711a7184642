import { COLUMN_LABELS, type ImportColumnKey } from "./columns";
import type { CellError } from "./rows";
import { csvCell, csvDocument } from "@/lib/domain/export/spreadsheet-cell";

/**
 * The report of the rows a list did not import (ImportBatch.report, and the
 * CSV the team downloads): each row with its status, the reasons, and its
 * cells as read, under the file's own headers, so that the corrected report
 * can be imported again (the three added columns match no import column).
 */
export interface ImportReport {
  version: 1;
  headers: string[];
  rows: ReportRow[];
}

export type ReportRow =
  | { rowNumber: number; status: "rejected"; errors: CellError[]; cells: string[] }
  | { rowNumber: number; status: "skipped"; reason: string; caseNumber: number | null; cells: string[] };

export const REPORT_STATUS_LABELS = { rejected: "Rejetée", skipped: "Non importée (déjà connue)" } as const;

export function reportReasons(row: ReportRow): string {
  return row.status === "rejected" ? row.errors.map((e) => e.message).join(" ") : row.reason;
}

export function reportColumns(row: ReportRow): string {
  if (row.status !== "rejected") return "";
  return [...new Set(row.errors.map((e) => COLUMN_LABELS[e.column as ImportColumnKey] ?? e.column))].join(", ");
}

/**
 * One CSV field, quoted when needed (RFC 4180), formula-like text defused by
 * the app's one spreadsheet sanitiser (lib/domain/export/spreadsheet-cell.ts).
 * It used to let "-2+3+cmd|…" through because it starts with a digit (issue 14).
 */
export function csvField(value: string, delimiter = ";"): string {
  return csvCell(value, delimiter);
}

/** The report as CSV text: ";"-separated, with a BOM so that Excel reads UTF-8. */
export function reportToCsv(report: ImportReport): string {
  const header = ["Ligne", "Statut", "Colonnes en cause", "Motifs", ...report.headers];
  const lines = [header, ...report.rows.map((r) => [String(r.rowNumber), REPORT_STATUS_LABELS[r.status], reportColumns(r), reportReasons(r), ...r.cells])];
  return csvDocument(lines);
}

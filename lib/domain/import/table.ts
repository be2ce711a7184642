import { cellText, type CellValue } from "./cells";
import { findHeaderRow, mapHeaders, missingColumns, type HeaderMapping } from "./columns";
import { isBlankRow, normaliseRow, type CellError, type ImportRow } from "./rows";

/** A refused row: every refused cell with its reason, and the row's cells as read. */
export interface RejectedRow {
  rowNumber: number;
  errors: CellError[];
  cells: string[];
}

export type TableResult =
  | { ok: false; message: string }
  | {
      ok: true;
      /** The header row's number in the spreadsheet (1 unless a title sits above it). */
      headerRowNumber: number;
      headers: string[];
      mapping: HeaderMapping;
      /** Rows that are not blank (the file's "lines" for the counts). */
      totalRows: number;
      valid: ImportRow[];
      rejected: RejectedRow[];
      /** Row number → the row's cells as text, for the report of rows not imported. */
      cellsOf: (rowNumber: number) => string[];
    };

/**
 * A whole sheet (every row as read, the first being the spreadsheet's line 1)
 * → the header mapping and each data row checked. Blank rows are skipped and
 * not counted; row numbers stay those the spreadsheet shows.
 */
export function readTable(rows: ReadonlyArray<ReadonlyArray<CellValue>>, today: Date): TableResult {
  const asText = rows.slice(0, 10).map((r) => r.map(cellText));
  const headerIndex = findHeaderRow(asText);
  if (headerIndex === null) {
    if (rows.length === 0 || rows.every((r) => r.every((c) => cellText(c) === ""))) return { ok: false, message: "Le fichier est vide." };
    return {
      ok: false,
      message:
        "Aucune ligne d'en-tête reconnue dans les premières lignes du fichier : la première ligne doit nommer les colonnes (Nom du locataire, Adresse, Code postal, Commune…). Voir le modèle à télécharger.",
    };
  }
  const headers = asText[headerIndex]!;
  const mapping = mapHeaders(headers);
  const missing = missingColumns(mapping);
  if (missing.length > 0) {
    return { ok: false, message: `Colonnes obligatoires absentes : ${missing.join(", ")}. Vérifiez la ligne d'en-tête ou partez du modèle à télécharger.` };
  }

  const valid: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const cells = new Map<number, ReadonlyArray<CellValue>>();
  let totalRows = 0;
  for (let i = headerIndex + 1; i < rows.length; i += 1) {
    const raw = { rowNumber: i + 1, cells: rows[i]! };
    if (isBlankRow(raw)) continue;
    totalRows += 1;
    cells.set(raw.rowNumber, raw.cells);
    const result = normaliseRow(raw, mapping, today);
    if (result.ok) valid.push(result.row);
    else rejected.push({ rowNumber: result.rowNumber, errors: result.errors, cells: raw.cells.map(cellText) });
  }
  return {
    ok: true,
    headerRowNumber: headerIndex + 1,
    headers,
    mapping,
    totalRows,
    valid,
    rejected,
    cellsOf: (rowNumber) => (cells.get(rowNumber) ?? []).map(cellText),
  };
}

import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { CellValue } from "@/lib/domain/import/cells";

/**
 * Reads an uploaded list into rows of cells, the first row being the
 * spreadsheet's line 1. CSV: UTF-8 (with or without BOM), UTF-16 with BOM or
 * Windows-1252 (what Excel "CSV" saves on a French Windows), separated by
 * ";" (French Excel), "," or tabs. XLSX: the first sheet that has data.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = [".csv", ".txt", ".xlsx"] as const;

export type ReadResult = { ok: true; format: "csv" | "xlsx"; rows: CellValue[][]; encoding?: string; delimiter?: string } | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function extensionOf(fileName: string): string {
  const m = /\.[^.]+$/.exec(fileName.toLowerCase());
  return m ? m[0] : "";
}

/** Text of a CSV file, and the encoding it was found in. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    // A Windows-1252 "é" (0xE9) alone is never valid UTF-8: the strict decoder tells them apart.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/**
 * The separator: the one of ";", "," and tab found most often outside quotes
 * in the first non-blank line. French amounts ("1 234,56") make "," common in
 * data lines, so only the header line counts.
 */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  const counts = new Map<string, number>([[";", 0], [",", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ";";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

export function readCsv(bytes: Uint8Array): ReadResult {
  const { text, encoding } = decodeText(bytes);
  if (text.includes("\u0000")) return { ok: false, message: "Ce fichier n'est pas un fichier texte CSV lisible." };
  const delimiter = detectDelimiter(text);
  // Blank lines are kept (skipEmptyLines: false) so that row numbers match the spreadsheet's; the domain skips them.
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, quoteChar: '"' });
  const rows = parsed.data.map((r) => (Array.isArray(r) ? r : []));
  // A trailing newline gives one last empty row: harmless, the domain skips blank rows.
  return { ok: true, format: "csv", rows, encoding, delimiter };
}

function excelCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("hyperlink" in value && "text" in value) return typeof value.text === "string" ? value.text : excelCell(value.text as ExcelJS.CellValue);
    if ("result" in value) return excelCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("error" in value) return null;
  }
  return null;
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: "Ce classeur Excel (.xlsx) est illisible ou endommagé : ouvrez-le et enregistrez-le à nouveau." };
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { ok: false, message: "Le fichier est vide." };
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    rows[rowNumber - 1] = values.slice(1).map(excelCell);
  });
  for (let i = 0; i < rows.length; i += 1) rows[i] ??= [];
  return { ok: true, format: "xlsx", rows };
}

/** Reads an upload by its content (the extension only has to agree). */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const ext = extensionOf(fileName);
  if (bytes.byteLength === 0) return { ok: false, message: "Le fichier est vide." };
  if (startsWith(bytes, OLE_MAGIC) || ext === ".xls") {
    return { ok: false, message: "L'ancien format Excel (.xls) n'est pas pris en charge : enregistrez le fichier au format .xlsx ou .csv." };
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (ext !== ".xlsx") return { ok: false, message: "Ce fichier est une archive : seuls les fichiers .csv et .xlsx sont acceptés." };
    return readXlsx(bytes);
  }
  if (ext === ".xlsx") return { ok: false, message: "Ce fichier porte l'extension .xlsx mais n'est pas un classeur Excel." };
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) {
    return { ok: false, message: "Type de fichier non accepté : choisissez un fichier .csv ou .xlsx." };
  }
  return readCsv(bytes);
}

/**
 * The one sanitiser for every cell of every CSV and XLSX the app writes
 * (issue 14 §5; OWASP "CSV Injection"). A text cell that a spreadsheet would
 * read as a formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return — is prefixed with a single quote, which spreadsheets show as text
 * and never evaluate. Numbers, booleans and dates stay what they are, so sums
 * and date formats keep working; a text that is only a number ("-12",
 * "-1 234,50") is left alone too: it cannot call anything.
 *
 * `-2+3+cmd|' /C calc'!A0` starts with "-2" but is not a number: neutralised.
 */
export type SheetValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number as a French or English spreadsheet writes it: -12, 3.5, -1 234,50, 12 %. */
const PLAIN_NUMBER = /^[+-]?\d[\d\u00a0\u202f ]*([.,]\d+)?\s?%?$/;

/** A text cell made safe; other values unchanged. */
export function safeCell<T extends SheetValue>(value: T): T | string {
  if (typeof value !== "string") return value;
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** One CSV field: sanitised, then quoted when needed (RFC 4180). */
export function csvCell(value: SheetValue, delimiter = ";"): string {
  if (value === null || value === undefined) return "";
  const safe = safeCell(value);
  const text = safe instanceof Date ? safe.toISOString() : String(safe);
  return /["\n\r]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: ";" and CRLF (what French Excel opens), with a BOM so that it reads UTF-8. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<SheetValue>>, delimiter = ";"): string {
  return `\uFEFF${rows.map((r) => r.map((v) => csvCell(v, delimiter)).join(delimiter)).join("\r\n")}\r\n`;
}

/** An XLSX row's values, each sanitised (ExcelJS stores strings as text, but an edited cell would run). */
export function safeRow(values: ReadonlyArray<SheetValue>): Array<SheetValue> {
  return values.map((v) => safeCell(v));
}

// Reads an uploaded list (CSV or XLSX) into rows of cells, under hard limits
// (lib/domain/import/limits.ts), and refuses a hostile file before doing the
// work: issue 14, docs/decisions/042-hostile-import-files.md.
//
// Plain JavaScript on purpose: it runs in a worker thread
// (read-worker.mjs, started by read-file.ts) both under `next start` and
// under Vitest, loaded by its path, never bundled. Types: sheet-reader.d.mts.
//
// An XLSX is a zip. Before exceljs sees it:
//  1. the central directory is read: too many parts, or declared sizes
//     adding up past the limit, refuse it at once;
//  2. every part is inflated as a stream with a byte counter (the declared
//     sizes can lie), and its XML scanned byte by byte: rows and cells per
//     row of each sheet, the longest text (a cell's content) and the longest
//     tag. The first limit passed stops the inflation.
// Only a file that passed is loaded by exceljs, whose result is checked
// again (row and column counts, cell lengths).
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import Papa from "papaparse";

export const ACCEPTED_EXTENSIONS = [".csv", ".txt", ".xlsx"];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** A refusal by a limit: its code (lib/domain/import/limits.ts gives the French message). */
const limit = (code) => ({ ok: false, code });
const refuse = (message) => ({ ok: false, message });

function startsWith(bytes, magic) {
  return magic.every((b, i) => bytes[i] === b);
}

export function extensionOf(fileName) {
  const m = /\.[^.]+$/.exec(fileName.toLowerCase());
  return m ? m[0] : "";
}

// ───────────────────────────── CSV

/** Text of a CSV file, and the encoding it was found in. */
export function decodeText(bytes) {
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
export function detectDelimiter(text) {
  let firstLine = "";
  for (const m of text.matchAll(/[^\r\n]*/g)) {
    if (m[0].trim() !== "") {
      firstLine = m[0];
      break;
    }
    if (m.index > 1_000_000) break;
  }
  const counts = new Map([[";", 0], [",", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch) + 1);
  }
  let best = ";";
  for (const [d, n] of counts) if (n > counts.get(best)) best = d;
  return best;
}

export function readCsv(bytes, limits) {
  const { text, encoding } = decodeText(bytes);
  if (text.includes("\u0000")) return refuse("Ce fichier n'est pas un fichier texte CSV lisible.");
  const delimiter = detectDelimiter(text);
  const rows = [];
  let refusal = null;
  // Blank lines are kept (skipEmptyLines: false) so that row numbers match the spreadsheet's; the domain skips them.
  Papa.parse(text, {
    delimiter,
    skipEmptyLines: false,
    quoteChar: '"',
    step(result, parser) {
      const row = Array.isArray(result.data) ? result.data : [];
      if (rows.length + 1 > limits.maxRows) refusal = limit("trop-de-lignes");
      else if (row.length > limits.maxColumns) refusal = limit("trop-de-colonnes");
      else if (row.some((cell) => typeof cell === "string" && cell.length > limits.maxCellChars)) refusal = limit("cellule-trop-longue");
      if (refusal) return parser.abort();
      rows.push(row);
    },
  });
  if (refusal) return refusal;
  // A trailing newline gives one last empty row: harmless, the domain skips blank rows.
  return { ok: true, format: "csv", rows, encoding, delimiter };
}

// ───────────────────────────── XLSX: the zip's directory

/**
 * The archive's parts, from its central directory, or a refusal. Declared
 * sizes only: the caller counts the actual bytes while inflating.
 */
export function readZipDirectory(bytes, limits) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const abnormal = limit("classeur-anormal");
  // End of central directory: 22 bytes, followed by a comment of up to 65 535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: no real workbook under 10 MB needs them.
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return abnormal;
  if (count > limits.maxZipEntries) return abnormal;
  if (cdOffset + cdSize > buf.length) return null;
  const entries = [];
  let declared = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) return abnormal;
    declared += size;
    if (declared > limits.maxDecompressedBytes) return limit("trop-decompresse");
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** The compressed bytes of a part, found through its local header. */
function entryData(buf, entry) {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) return null;
  return buf.subarray(start, end);
}

// ───────────────────────────── XLSX: the XML scanner

const LT = 0x3c;
const GT = 0x3e;

/**
 * Scans XML bytes as they are inflated, without building anything: counts
 * the rows and the cells of each row of a sheet (`<row>`, `<c>`, any
 * namespace prefix), and measures the longest text between two tags (a
 * cell's content) and the longest tag. `push` returns a limit code or null.
 */
export function createXmlScanner(limits, { sheet }) {
  // Text is measured in bytes: a character takes up to 4 in UTF-8 and an
  // entity ("&amp;") 5 or 6; the exact count in characters is checked once
  // exceljs has read the cells.
  const maxTextBytes = limits.maxCellChars * 6;
  let inTag = false;
  let tagBytes = 0;
  let textBytes = 0;
  let name = "";
  let naming = false;
  let rows = 0;
  let cells = 0;
  const named = () => {
    naming = false;
    if (!sheet || name === "" || name[0] === "/" || name[0] === "?" || name[0] === "!") return null;
    const local = name.slice(name.indexOf(":") + 1);
    if (local === "row") {
      rows += 1;
      cells = 0;
      if (rows > limits.maxRows) return "trop-de-lignes";
    } else if (local === "c") {
      cells += 1;
      if (cells > limits.maxColumns) return "trop-de-colonnes";
    }
    return null;
  };
  return {
    get rows() {
      return rows;
    },
    push(chunk) {
      for (let i = 0; i < chunk.length; i += 1) {
        const b = chunk[i];
        if (!inTag) {
          if (b === LT) {
            inTag = true;
            tagBytes = 0;
            name = "";
            naming = true;
            textBytes = 0;
          } else if (++textBytes > maxTextBytes) return "cellule-trop-longue";
          continue;
        }
        if (++tagBytes > limits.maxTagBytes) return "classeur-anormal";
        if (naming) {
          // Name characters: anything but blanks, "/", ">" (a leading "/" is a closing tag, "?" and "!" declarations).
          if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || (b === 0x2f && name !== "")) {
            const code = named();
            if (code) return code;
          } else if (name.length < 16) name += String.fromCharCode(b);
        }
        if (b === GT) {
          inTag = false;
          textBytes = 0;
        }
      }
      return null;
    },
  };
}

/**
 * Inflates every part of the archive through the scanner, counting the
 * actual bytes against the limit. Resolves null when the file passed, a
 * limit code, or "illisible".
 */
export async function scanZip(bytes, entries, limits) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const data = entryData(buf, entry);
    if (!data) return "illisible";
    const scanner = createXmlScanner(limits, { sheet: /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) });
    const xml = /\.(xml|rels|vml)$/i.test(entry.name);
    const onChunk = (chunk) => {
      total += chunk.length;
      if (total > limits.maxDecompressedBytes) return "trop-decompresse";
      return xml ? scanner.push(chunk) : null;
    };
    let code = null;
    if (entry.method === 0) code = onChunk(data);
    else if (entry.method === 8) code = await inflateThrough(data, onChunk);
    else return "illisible";
    if (code) return code;
  }
  return null;
}

function inflateThrough(data, onChunk) {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let settled = false;
    const settle = (code) => {
      if (settled) return;
      settled = true;
      resolve(code);
    };
    inflate.on("data", (chunk) => {
      const code = onChunk(chunk);
      if (code) {
        inflate.destroy();
        settle(code);
      }
    });
    inflate.on("error", () => settle("illisible"));
    inflate.on("end", () => settle(null));
    inflate.on("close", () => settle(null));
    inflate.end(data);
  });
}

// ───────────────────────────── XLSX: the cells

function excelCell(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("hyperlink" in value && "text" in value) return typeof value.text === "string" ? value.text : excelCell(value.text);
    if ("result" in value) return excelCell(value.result ?? null);
    if ("error" in value) return null;
  }
  return null;
}

const UNREADABLE_XLSX = "Ce classeur Excel (.xlsx) est illisible ou endommagé : ouvrez-le et enregistrez-le à nouveau.";

export async function readXlsx(bytes, limits) {
  const directory = readZipDirectory(bytes, limits);
  if (!directory) return refuse(UNREADABLE_XLSX);
  if (!directory.ok) return directory;
  const scanned = await scanZip(bytes, directory.entries, limits);
  if (scanned === "illisible") return refuse(UNREADABLE_XLSX);
  if (scanned) return limit(scanned);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return refuse(UNREADABLE_XLSX);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return refuse("Le fichier est vide.");
  // Row and column numbers come from the XML ("r" attributes): a few
  // elements can name row 1 048 576. Refused before rows are laid out.
  if (sheet.rowCount > limits.maxRows) return limit("trop-de-lignes");
  if (sheet.columnCount > limits.maxColumns) return limit("trop-de-colonnes");
  const rows = [];
  let tooLong = false;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    // row.values is 1-based: index 0 is always empty.
    const cells = row.values.slice(1).map(excelCell);
    if (cells.some((c) => typeof c === "string" && c.length > limits.maxCellChars)) tooLong = true;
    rows[rowNumber - 1] = cells;
  });
  if (tooLong) return limit("cellule-trop-longue");
  for (let i = 0; i < rows.length; i += 1) rows[i] ??= [];
  return { ok: true, format: "xlsx", rows };
}

/** Reads an upload by its content (the extension only has to agree). */
export async function readSpreadsheet(bytes, fileName, limits) {
  const ext = extensionOf(fileName);
  if (bytes.byteLength === 0) return refuse("Le fichier est vide.");
  if (startsWith(bytes, OLE_MAGIC) || ext === ".xls") {
    return refuse("L'ancien format Excel (.xls) n'est pas pris en charge : enregistrez le fichier au format .xlsx ou .csv.");
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (ext !== ".xlsx") return refuse("Ce fichier est une archive : seuls les fichiers .csv et .xlsx sont acceptés.");
    return readXlsx(bytes, limits);
  }
  if (ext === ".xlsx") return refuse("Ce fichier porte l'extension .xlsx mais n'est pas un classeur Excel.");
  if (!ACCEPTED_EXTENSIONS.includes(ext)) return refuse("Type de fichier non accepté : choisissez un fichier .csv ou .xlsx.");
  return readCsv(bytes, limits);
}

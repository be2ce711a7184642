// Hostile spreadsheets made on the fly (issue 14, decision 042), for the
// reader's integration test and `npm run bench:hostile-upload`: a minimal
// XLSX writer (a zip of the five parts a workbook needs) whose sheet XML is
// given as a stream of chunks, deflated as it comes, so a 400 MB cell never
// sits in memory.
import zlib from "node:zlib";

interface Part {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  crc: number;
  size: number;
}

function deflatePart(name: string, chunks: Iterable<Buffer | string>): Part {
  // Deflated by blocks of ~8 MB of input, each ending with a sync flush: the blocks concatenate into one stream.
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  const parts: Buffer[] = [];
  for (const c of chunks) {
    const chunk = typeof c === "string" ? Buffer.from(c, "utf8") : c;
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    parts.push(chunk);
    if (parts.reduce((n, p) => n + p.length, 0) >= 8 * 1024 * 1024) {
      out.push(zlib.deflateRawSync(Buffer.concat(parts.splice(0)), { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    }
  }
  out.push(zlib.deflateRawSync(Buffer.concat(parts), { level: 6, finishFlush: zlib.constants.Z_FINISH }));
  return { name, data: Buffer.concat(out), crc: crc >>> 0, size };
}

export interface ZipOptions {
  /** Declare this uncompressed size for every part instead of the true one (a lying archive). */
  declaredSize?: number;
}

function zip(parts: Part[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const size = options.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

/** A workbook whose sheet XML is the given chunks (between <sheetData> and </sheetData>). */
export function xlsxWithSheet(sheetData: Iterable<Buffer | string>, options: ZipOptions = {}): Buffer {
  function* sheet() {
    yield SHEET_HEAD;
    yield* sheetData;
    yield SHEET_TAIL;
  }
  return zip(
    [
      deflatePart("[Content_Types].xml", [CONTENT_TYPES]),
      deflatePart("_rels/.rels", [ROOT_RELS]),
      deflatePart("xl/workbook.xml", [WORKBOOK]),
      deflatePart("xl/_rels/workbook.xml.rels", [WORKBOOK_RELS]),
      deflatePart("xl/worksheets/sheet1.xml", sheet()),
    ],
    options,
  );
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
}

/** A workbook of `rows` plain rows (a header and lines of a préfecture-like list): 235 000 rows give ~7 MB. */
export function manyRowsXlsx(rows: number): Buffer {
  const header = ["Nom", "Prénom", "Code postal", "Loyer", "Dette"];
  function* data() {
    yield `<row r="1">${header.map((h, i) => inlineCell(`${String.fromCharCode(65 + i)}1`, h)).join("")}</row>`;
    const batch: string[] = [];
    for (let r = 2; r <= rows; r += 1) {
      const n = (r * 2_654_435_761) >>> 0;
      batch.push(
        `<row r="${r}">${inlineCell(`A${r}`, `N${n.toString(36)}`)}<c r="B${r}"><v>${n >>> 20}</v></c><c r="C${r}"><v>${91000 + (n % 999)}</v></c><c r="D${r}"><v>${n % 1500}</v></c><c r="E${r}"><v>${n % 9000}</v></c></row>`,
      );
      if (batch.length === 5000) yield batch.splice(0).join("");
    }
    yield batch.join("");
  }
  return xlsxWithSheet(data());
}

/** A workbook whose one cell holds `megabytes` MB of "A": a zip bomb (400 MB give ~0.4 MB of file). */
export function bigCellXlsx(megabytes: number, options: ZipOptions = {}): Buffer {
  const block = Buffer.alloc(1024 * 1024, "A");
  function* data() {
    yield `<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`;
    for (let i = 0; i < megabytes; i += 1) yield block;
    yield `</t></is></c></row>`;
  }
  return xlsxWithSheet(data(), options);
}

// Small real files for the attachment tests (issue 19): a PDF drawn with
// pdf-lib, a PNG with a text chunk, a JPEG carrying an EXIF GPS position, a
// DOCX and an ODT built as zip containers, and a Windows executable header.
import { deflateRawSync, deflateSync } from "node:zlib";
import jpeg from "jpeg-js";
import { PDFDocument, StandardFonts } from "pdf-lib";

export async function pdfFixture(text: string, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([620, 400]).drawText(`${text} (page ${i + 1})`, { x: 20, y: 200, size: 12, font });
  return doc.save();
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 2×2 red PNG with a tEXt chunk ("Location: 48.62,2.44"). */
export function pngFixture(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk("IHDR", ihdr),
      pngChunk("tEXt", Buffer.from("Location\u000048.62,2.44", "latin1")),
      pngChunk("IDAT", deflateSync(raw)),
      pngChunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** EXIF (big-endian TIFF) with Orientation 6 and a GPS position (48° 37' N, 2° 26' E). */
function exifWithGps(): Buffer {
  const t = Buffer.alloc(200);
  t.write("MM", 0, "latin1");
  t.writeUInt16BE(42, 2);
  t.writeUInt32BE(8, 4);
  // IFD0 at 8: 2 entries.
  let o = 8;
  t.writeUInt16BE(2, o);
  o += 2;
  t.writeUInt16BE(0x0112, o); t.writeUInt16BE(3, o + 2); t.writeUInt32BE(1, o + 4); t.writeUInt16BE(6, o + 8); o += 12;
  t.writeUInt16BE(0x8825, o); t.writeUInt16BE(4, o + 2); t.writeUInt32BE(1, o + 4); t.writeUInt32BE(38, o + 8); o += 12;
  t.writeUInt32BE(0, o); // next IFD: none (o = 34)
  // GPS IFD at 38: 4 entries; rationals after it at 38 + 2 + 4*12 + 4 = 92.
  o = 38;
  t.writeUInt16BE(4, o);
  o += 2;
  t.writeUInt16BE(1, o); t.writeUInt16BE(2, o + 2); t.writeUInt32BE(2, o + 4); t.write("N\0", o + 8, "latin1"); o += 12;
  t.writeUInt16BE(2, o); t.writeUInt16BE(5, o + 2); t.writeUInt32BE(3, o + 4); t.writeUInt32BE(92, o + 8); o += 12;
  t.writeUInt16BE(3, o); t.writeUInt16BE(2, o + 2); t.writeUInt32BE(2, o + 4); t.write("E\0", o + 8, "latin1"); o += 12;
  t.writeUInt16BE(4, o); t.writeUInt16BE(5, o + 2); t.writeUInt32BE(3, o + 4); t.writeUInt32BE(116, o + 8); o += 12;
  t.writeUInt32BE(0, o);
  const rationals = (at: number, values: number[]) => values.forEach((v, i) => { t.writeUInt32BE(v, at + i * 8); t.writeUInt32BE(1, at + i * 8 + 4); });
  rationals(92, [48, 37, 0]);
  rationals(116, [2, 26, 0]);
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), t.subarray(0, 140)]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** A 16×16 JPEG whose EXIF holds a GPS position and orientation 6 (a phone photo held upright). */
export function jpegWithGpsFixture(width = 16, height = 16): Uint8Array {
  const data = Buffer.alloc(width * height * 4, 0x80);
  const encoded = Buffer.from(jpeg.encode({ data, width, height }, 80).data);
  // After SOI (2 bytes): the EXIF block.
  return new Uint8Array(Buffer.concat([encoded.subarray(0, 2), exifWithGps(), encoded.subarray(2)]));
}

/** A stored (uncompressed) or deflated zip with the given entries, the first one first. */
export function zipFixture(entries: Array<{ name: string; text: string; store?: boolean }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.from(e.text, "utf8");
    const data = e.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(e.name, "utf8");
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

export function docxFixture(withMacros = false): Uint8Array {
  return zipFixture([
    {
      name: "[Content_Types].xml",
      text: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: "_rels/.rels", text: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' },
    { name: "word/document.xml", text: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Courrier</w:t></w:r></w:p></w:body></w:document>' },
    ...(withMacros ? [{ name: "word/vbaProject.bin", text: "macro" }] : []),
  ]);
}

export function odtFixture(): Uint8Array {
  return zipFixture([
    { name: "mimetype", text: "application/vnd.oasis.opendocument.text", store: true },
    { name: "content.xml", text: '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' },
    { name: "META-INF/manifest.xml", text: '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
  ]);
}

/** The first bytes of a Windows executable (MZ header, PE signature). */
export function exeFixture(): Uint8Array {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  b.writeUInt16LE(0x14c, 0x84);
  return new Uint8Array(b);
}

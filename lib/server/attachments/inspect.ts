import "server-only";
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_MIME_TYPES, MAX_ATTACHMENT_BYTES, nameMatchesType, safeFileName, type AcceptedMimeType, type FileRefusal } from "@/lib/domain/attachments/kinds";

/**
 * What an uploaded file really is (issue 19 §2), decided from its bytes:
 * file-type reads the magic numbers; zip containers are then opened far
 * enough to see they are a word-processing document (DOCX: its
 * [Content_Types].xml and word/document.xml, no macros; ODT: the stored
 * "mimetype" entry). HEIC/HEIF photos become JPEG (browsers cannot show HEIC);
 * photos lose their EXIF/XMP metadata, where phones put the GPS position.
 */
export interface InspectedFile {
  mimeType: AcceptedMimeType;
  bytes: Uint8Array;
  fileName: string;
  sha256: string;
}

export type Inspection = { ok: true; file: InspectedFile } | { ok: false; refusal: FileRefusal };

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ODT = "application/vnd.oasis.opendocument.text";

export async function inspectUpload(name: string, input: Uint8Array): Promise<Inspection> {
  if (input.byteLength === 0) return { ok: false, refusal: "empty" };
  if (input.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, refusal: "tooLarge" };
  const detected = await fileTypeFromBuffer(input);
  if (!detected) return { ok: false, refusal: "type" };

  let mimeType: AcceptedMimeType;
  let bytes = input;
  if (detected.mime === "image/heic" || detected.mime === "image/heif" || detected.mime === "image/heic-sequence" || detected.mime === "image/heif-sequence") {
    if (!/\.(heic|heif|jpe?g)$|^[^.]*$/i.test(name.trim())) return { ok: false, refusal: "mismatch" };
    try {
      bytes = await heicToJpeg(input);
    } catch {
      return { ok: false, refusal: "unreadable" };
    }
    mimeType = "image/jpeg";
  } else if ((ACCEPTED_MIME_TYPES as readonly string[]).includes(detected.mime)) {
    mimeType = detected.mime as AcceptedMimeType;
    if (!nameMatchesType(name, mimeType)) return { ok: false, refusal: "mismatch" };
  } else {
    return { ok: false, refusal: "type" };
  }

  if (mimeType === DOCX && !isPlainDocx(bytes)) return { ok: false, refusal: "type" };
  if (mimeType === ODT && !isOdt(bytes)) return { ok: false, refusal: "type" };
  try {
    if (mimeType === "image/jpeg") bytes = await stripJpegMetadata(bytes);
    if (mimeType === "image/png") bytes = stripPngMetadata(bytes);
  } catch {
    return { ok: false, refusal: "unreadable" };
  }
  return {
    ok: true,
    file: { mimeType, bytes, fileName: safeFileName(name, mimeType), sha256: createHash("sha256").update(bytes).digest("hex") },
  };
}

async function heicToJpeg(input: Uint8Array): Promise<Uint8Array> {
  const { default: convert } = await import("heic-convert");
  const out = await convert({ buffer: input, format: "JPEG", quality: 0.85 });
  return new Uint8Array(out);
}

// ── Zip containers ──────────────────────────────────────────────────────────

/** Names of the entries in a zip's central directory (stored uncompressed there). */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    names.push(buf.toString("utf8", offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** A Word document: the OOXML manifest and the main part, and no macro project (a .docm renamed). */
function isPlainDocx(bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes);
  if (!names) return false;
  return names.includes("[Content_Types].xml") && names.includes("word/document.xml") && !names.some((n) => /vbaProject\.bin$|vbaData\.xml$/i.test(n));
}

/** An OpenDocument text: the first entry is "mimetype", stored, holding exactly the ODT type. */
function isOdt(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) return false;
  const method = buf.readUInt16LE(8);
  const nameLength = buf.readUInt16LE(26);
  const extraLength = buf.readUInt16LE(28);
  const size = buf.readUInt32LE(18);
  if (method !== 0 || buf.toString("latin1", 30, 30 + nameLength) !== "mimetype") return false;
  const start = 30 + nameLength + extraLength;
  if (buf.toString("latin1", start, start + size) !== ODT) return false;
  const names = zipEntryNames(bytes);
  return !!names && names.includes("content.xml") && !names.some((n) => /^Basic\/|^Scripts\//.test(n));
}

// ── Photo metadata ──────────────────────────────────────────────────────────

/**
 * A JPEG without its APP1 (EXIF and XMP: GPS position, camera serial, time),
 * APP13 (IPTC) and comment segments. The orientation alone is put back in a
 * minimal EXIF block, so a portrait photo taken without the on-device resize
 * still shows upright.
 */
export async function stripJpegMetadata(input: Uint8Array): Promise<Uint8Array> {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.readUInt16BE(0) !== 0xffd8) throw new Error("not a JPEG");
  let orientation: number | undefined;
  try {
    const exifr = (await import("exifr")).default;
    const o = await exifr.orientation(buf);
    if (typeof o === "number" && o >= 1 && o <= 8) orientation = o;
  } catch {
    orientation = undefined;
  }
  const parts: Buffer[] = [buf.subarray(0, 2)];
  if (orientation && orientation !== 1) parts.push(orientationApp1(orientation));
  let i = 2;
  while (i < buf.length) {
    if (buf[i] !== 0xff) throw new Error("corrupt JPEG segment");
    const marker = buf[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    // Start of scan: the image data runs to the end.
    if (marker === 0xda) {
      parts.push(buf.subarray(i));
      break;
    }
    // Markers without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(buf.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const length = buf.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (end > buf.length) throw new Error("truncated JPEG segment");
    const dropped = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!dropped) parts.push(buf.subarray(i, end));
    i = end;
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** APP1 "Exif" holding one tag: Orientation (0x0112). */
function orientationApp1(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // first IFD
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** A PNG without its eXIf and text chunks (tEXt, zTXt, iTXt can carry XMP with a position) nor tIME. */
export function stripPngMetadata(input: Uint8Array): Uint8Array {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const parts: Buffer[] = [buf.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= buf.length) {
    const length = buf.readUInt32BE(i);
    const type = buf.toString("latin1", i + 4, i + 8);
    const end = i + 12 + length;
    if (end > buf.length) throw new Error("truncated PNG chunk");
    if (!["eXIf", "tEXt", "zTXt", "iTXt", "tIME"].includes(type)) parts.push(buf.subarray(i, end));
    i = end;
    if (type === "IEND") break;
  }
  return new Uint8Array(Buffer.concat(parts));
}

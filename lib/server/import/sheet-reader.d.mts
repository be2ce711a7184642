// Types of sheet-reader.mjs (plain JavaScript: it runs in a worker thread, unbundled).
import type { CellValue } from "@/lib/domain/import/cells";
import type { ImportLimits, LimitCode } from "@/lib/domain/import/limits";

export type SheetReadResult =
  | { ok: true; format: "csv" | "xlsx"; rows: CellValue[][]; encoding?: string; delimiter?: string }
  | { ok: false; message: string; code?: undefined }
  | { ok: false; code: LimitCode; message?: undefined };

export declare const ACCEPTED_EXTENSIONS: readonly string[];
export declare function extensionOf(fileName: string): string;
export declare function decodeText(bytes: Uint8Array): { text: string; encoding: string };
export declare function detectDelimiter(text: string): string;
export declare function readCsv(bytes: Uint8Array, limits: ImportLimits): SheetReadResult;
export declare function readZipDirectory(
  bytes: Uint8Array,
  limits: ImportLimits,
): null | { ok: false; code: LimitCode } | { ok: true; entries: { name: string; method: number; compressedSize: number; size: number; localOffset: number }[] };
export declare function createXmlScanner(limits: ImportLimits, options: { sheet: boolean }): { readonly rows: number; push(chunk: Uint8Array): LimitCode | null };
export declare function scanZip(bytes: Uint8Array, entries: { name: string; method: number; compressedSize: number; size: number; localOffset: number }[], limits: ImportLimits): Promise<LimitCode | "illisible" | null>;
export declare function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<SheetReadResult>;
export declare function readSpreadsheet(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<SheetReadResult>;

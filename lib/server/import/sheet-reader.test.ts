import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS, LIMIT_MESSAGES } from "@/lib/domain/import/limits";
import { bigCellXlsx, manyRowsXlsx, xlsxWithSheet } from "@/tests/support/hostile-files";
import { createXmlScanner, readCsv, readSpreadsheet, readZipDirectory } from "./sheet-reader.mjs";

// The limit logic of the import reader (issue 14, decision 042), run in this
// thread: the worker that runs it in the app is tested in
// tests/integration/hostile-import.test.ts.

const small = { ...IMPORT_LIMITS, maxRows: 5, maxColumns: 4, maxCellChars: 10, maxDecompressedBytes: 64 * 1024, maxTagBytes: 200 };
const bytes = (s: string) => new TextEncoder().encode(s);

describe("the XML scanner", () => {
  const scan = (xml: string, sheet = true, chunk = 7) => {
    const scanner = createXmlScanner(small, { sheet });
    const b = bytes(xml);
    // Fed in small chunks: a tag or a text cut across two chunks is still one.
    for (let i = 0; i < b.length; i += chunk) {
      const code = scanner.push(b.subarray(i, i + chunk));
      if (code) return code;
    }
    return scanner.rows;
  };
  const rows = (n: number, cells = 1) => Array.from({ length: n }, (_, r) => `<row r="${r + 1}">${`<c r="A${r + 1}"><v>1</v></c>`.repeat(cells)}</row>`).join("");

  it("counts rows and cells per row, whatever the namespace prefix", () => {
    expect(scan(`<sheetData>${rows(5, 4)}</sheetData>`)).toBe(5);
    expect(scan(`<x:sheetData>${rows(5).replace(/<(\/?)(row|c)\b/g, "<$1x:$2")}</x:sheetData>`)).toBe(5);
    expect(scan(`<sheetData>${rows(6)}</sheetData>`)).toBe("trop-de-lignes");
    expect(scan(`<sheetData>${rows(1, 5)}</sheetData>`)).toBe("trop-de-colonnes");
    // Closing and self-closing tags are not counted twice; <cols>, <col> are not cells.
    expect(scan(`<cols><col/><col/><col/><col/><col/></cols><sheetData><row/><row></row></sheetData>`)).toBe(2);
  });

  it("measures the longest text (a cell's content) and the longest tag", () => {
    expect(scan(`<t>${"A".repeat(60)}</t>`, false)).toBe(0);
    expect(scan(`<t>${"A".repeat(61)}</t>`, false)).toBe("cellule-trop-longue");
    expect(scan(`<c r="${"A".repeat(300)}"/>`, false)).toBe("classeur-anormal");
  });

  it("counts rows only in sheets", () => {
    expect(scan(rows(20), false)).toBe(0);
  });
});

describe("the zip directory", () => {
  it("lists the parts and refuses declared sizes past the limit before inflating anything", () => {
    const file = manyRowsXlsx(3);
    const dir = readZipDirectory(file, IMPORT_LIMITS);
    expect(dir && dir.ok && dir.entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    expect(readZipDirectory(bigCellXlsx(1), small)).toEqual({ ok: false, code: "trop-decompresse" });
    expect(readZipDirectory(bytes("PK\u0003\u0004 not a zip"), IMPORT_LIMITS)).toBeNull();
  });
});

describe("readSpreadsheet under limits", () => {
  it("refuses the decompressed bytes past the limit even when the sizes declared lie", async () => {
    expect(await readSpreadsheet(bigCellXlsx(1, { declaredSize: 10 }), "l.xlsx", { ...IMPORT_LIMITS, maxCellChars: 1_000_000, maxDecompressedBytes: 512 * 1024 })).toEqual({ ok: false, code: "trop-decompresse" });
    expect(await readSpreadsheet(bigCellXlsx(1, { declaredSize: 10 }), "l.xlsx", IMPORT_LIMITS)).toEqual({ ok: false, code: "cellule-trop-longue" });
  });

  it("checks the rows exceljs laid out: a row numbered past the limit", async () => {
    const sparse = xlsxWithSheet([`<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>`]);
    expect(await readSpreadsheet(sparse, "l.xlsx", IMPORT_LIMITS)).toEqual({ ok: false, code: "trop-de-lignes" });
  });

  it("reads a list within the limits", async () => {
    const r = await readSpreadsheet(manyRowsXlsx(5), "l.xlsx", IMPORT_LIMITS);
    expect(r.ok && r.rows.length).toBe(5);
  });

  it("applies the same limits to a CSV", () => {
    expect(readCsv(bytes("a;b\n1;2\n"), small).ok).toBe(true);
    expect(readCsv(bytes("a\n".repeat(6)), small)).toEqual({ ok: false, code: "trop-de-lignes" });
    expect(readCsv(bytes("a;b;c;d;e\n"), small)).toEqual({ ok: false, code: "trop-de-colonnes" });
    expect(readCsv(bytes(`a;"${"x".repeat(11)}"\n`), small)).toEqual({ ok: false, code: "cellule-trop-longue" });
  });

  it("names each limit in French with its figure", () => {
    expect(LIMIT_MESSAGES["trop-de-lignes"]).toBe("Le fichier dépasse 50 000 lignes : découpez-le en plusieurs fichiers.");
    expect(LIMIT_MESSAGES["cellule-trop-longue"]).toMatch(/^Une cellule dépasse 32 767 caractères/);
    expect(LIMIT_MESSAGES["trop-decompresse"]).toMatch(/^Le fichier décompressé dépasse 100 Mo/);
  });
});

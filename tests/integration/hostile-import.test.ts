import { describe, expect, it } from "vitest";
import { LIMIT_MESSAGES } from "@/lib/domain/import/limits";
import { readSpreadsheet } from "@/lib/server/import/read-file";
import { bigCellXlsx, manyRowsXlsx } from "../support/hostile-files";

// Issue 14, part 4 (decision 042): hostile files are refused with a French
// reason by the reading worker, in bounded memory (its heap is capped) and
// time (its budget). Asserted on the refusal and its reason, never on
// timings: the machine's load must not make this test fail.

describe("the import reader and hostile files", () => {
  it("refuses a 235 000-row workbook (~8 MB) for its rows", async () => {
    const file = manyRowsXlsx(235_000);
    expect(file.length).toBeLessThan(10 * 1024 * 1024);
    expect(await readSpreadsheet(file, "liste.xlsx")).toEqual({ ok: false, code: "trop-de-lignes", message: LIMIT_MESSAGES["trop-de-lignes"] });
  });

  it("refuses a cell of 400 MB (a zip bomb of 0.4 MB), whether its size is declared or hidden", async () => {
    const honest = bigCellXlsx(400);
    expect(honest.length).toBeLessThan(1024 * 1024);
    expect(await readSpreadsheet(honest, "liste.xlsx")).toEqual({ ok: false, code: "trop-decompresse", message: "Le fichier décompressé dépasse 100 Mo : ce classeur ne peut pas être lu, découpez-le ou enregistrez-le au format .csv." });
    const lying = bigCellXlsx(400, { declaredSize: 1000 });
    expect(await readSpreadsheet(lying, "liste.xlsx")).toEqual({ ok: false, code: "cellule-trop-longue", message: LIMIT_MESSAGES["cellule-trop-longue"] });
  });

  it("stops a reading past its time budget, and one past its memory cap", async () => {
    const rows = manyRowsXlsx(20_000);
    expect(await readSpreadsheet(rows, "liste.xlsx", { timeoutMs: 1 })).toEqual({ ok: false, code: "lecture-trop-longue", message: LIMIT_MESSAGES["lecture-trop-longue"] });
    expect(await readSpreadsheet(rows, "liste.xlsx", { maxOldGenerationSizeMb: 8 })).toEqual({ ok: false, code: "lecture-trop-lourde", message: LIMIT_MESSAGES["lecture-trop-lourde"] });
  });

  it("still reads a real list, in the worker", async () => {
    const read = await readSpreadsheet(new TextEncoder().encode("Nom;Prénom\nDUPONT;Jean\nMARTIN;Léa\n"), "liste.csv");
    expect(read.ok && read.rows.slice(0, 3)).toEqual([["Nom", "Prénom"], ["DUPONT", "Jean"], ["MARTIN", "Léa"]]);
  });
});

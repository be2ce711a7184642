import { describe, expect, it } from "vitest";
import { batchFileName, batchQuery, batchTitle, parseBatchQuery } from "./selection";

describe("batch addresses", () => {
  it("round-trips every selection through the address", () => {
    for (const selection of [{ by: "due" }, { by: "today" }, { by: "import", importBatchId: "ck123" }] as const) {
      const query = batchQuery("TENANT_FIRST_LETTER", selection);
      expect(parseBatchQuery(new URLSearchParams(query))).toEqual({ kind: "TENANT_FIRST_LETTER", selection });
    }
    expect(batchQuery("LANDLORD_LETTER", { by: "import", importBatchId: "ck1" })).toBe("courrier=bailleur&lot=liste&liste=ck1");
  });

  it("refuses unknown kinds, lots and over-long ids", () => {
    expect(parseBatchQuery({ courrier: "autre", lot: "a-envoyer" })).toBeNull();
    expect(parseBatchQuery({ courrier: "relance", lot: "tout" })).toBeNull();
    expect(parseBatchQuery({ courrier: "relance", lot: "liste" })).toBeNull();
    expect(parseBatchQuery({ courrier: "relance", lot: "liste", liste: "x".repeat(65) })).toBeNull();
  });

  it("names the batch in French", () => {
    expect(batchTitle("TENANT_FIRST_LETTER", { by: "due" })).toBe("Premiers courriers aux locataires à envoyer");
    expect(batchTitle("LANDLORD_LETTER", { by: "import", importBatchId: "x" }, "liste.csv")).toBe("Courriers aux bailleurs : liste « liste.csv »");
    expect(batchFileName("TENANT_FIRST_LETTER", { by: "today" }, "2026-06-10")).toBe("premier-courrier-aujourd-hui-2026-06-10.pdf");
  });
});

import { describe, expect, it } from "vitest";
import { annexLines, ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, isPreviewable, kindInSentence, nameMatchesType, safeFileName } from "./kinds";

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("attachment kinds", () => {
  it("has a French label for each of the thirteen kinds of issue 19", () => {
    expect(ATTACHMENT_KINDS).toHaveLength(13);
    for (const k of ATTACHMENT_KINDS) expect(ATTACHMENT_KIND_LABELS[k]).toMatch(/^[A-ZÉ]/);
    expect(kindInSentence("LANDLORD_STATEMENT")).toBe("décompte du bailleur");
    expect(kindInSentence("CAF_ATTESTATION")).toBe("attestation CAF");
  });

  it("numbers the annexes in the order given: « Pièce n° 3 : décompte du bailleur du 22/06/2026 »", () => {
    const lines = annexLines([
      { id: "a", kind: "LEASE", documentOn: day(2019, 9, 1) },
      { id: "b", kind: "ASSIGNATION", documentOn: day(2026, 5, 12) },
      { id: "c", kind: "LANDLORD_STATEMENT", documentOn: day(2026, 6, 22) },
    ]);
    expect(lines.map((l) => l.line)).toEqual([
      "Pièce n° 1 : bail du 01/09/2019",
      "Pièce n° 2 : assignation du 12/05/2026",
      "Pièce n° 3 : décompte du bailleur du 22/06/2026",
    ]);
    expect(lines.map((l) => l.source.id)).toEqual(["a", "b", "c"]);
  });

  it("refuses a name whose extension contradicts the content, accepts a name without extension", () => {
    expect(nameMatchesType("decompte.pdf", "image/png")).toBe(false);
    expect(nameMatchesType("photo.JPG", "image/jpeg")).toBe(true);
    expect(nameMatchesType("IMG_0042.HEIC", "image/jpeg")).toBe(true);
    expect(nameMatchesType("image", "image/jpeg")).toBe(true);
    expect(nameMatchesType("bail.docx", "application/pdf")).toBe(false);
  });

  it("cleans the stored name and gives it the extension of the real type", () => {
    expect(safeFileName("C:\\Users\\x\\Assignation \"Dupont\".pdf", "application/pdf")).toBe("Assignation _Dupont_.pdf");
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(safeFileName("IMG_0042.HEIC", "image/jpeg")).toBe("IMG_0042.jpg");
    expect(safeFileName(".pdf", "application/pdf")).toBe("document.pdf");
  });

  it("previews only PDFs and images", () => {
    expect(isPreviewable("application/pdf")).toBe(true);
    expect(isPreviewable("image/png")).toBe(true);
    expect(isPreviewable("application/vnd.oasis.opendocument.text")).toBe(false);
  });
});

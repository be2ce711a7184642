import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { textWidth, winAnsiSafe, wrapText } from "./win-ansi-text";

let font: PDFFont;
beforeAll(async () => {
  font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
});

describe("wrapText (the three PDFs' line breaking)", () => {
  it("keeps every line within the width and loses no word", () => {
    const text = "Le ménage a repris le paiement du loyer courant depuis trois mois et propose un plan d'apurement sur vingt-quatre mois.";
    const lines = wrapText(text, 10, 120, font);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, 10, font)).toBeLessThanOrEqual(120);
    expect(lines.join(" ")).toBe(text);
  });

  it("never splits an amount written with no-break spaces, and draws it with plain spaces", () => {
    const amount = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(12345.67); // "12 345,67 €" with U+202F
    const lines = wrapText(`Dette déclarée par le bailleur : ${amount} au jour de l'assignation.`, 10, 150, font);
    expect(lines.filter((l) => l.includes(amount))).toHaveLength(1);
    expect(winAnsiSafe(amount, font)).toBe("12 345,67 €");
  });

  it("cuts a word longer than the line, and starts a new line at each line break", () => {
    const lines = wrapText(`${"A".repeat(60)}\nsuite`, 10, 100, font);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toBe("suite");
    for (const line of lines) expect(textWidth(line, 10, font)).toBeLessThanOrEqual(100);
  });
});

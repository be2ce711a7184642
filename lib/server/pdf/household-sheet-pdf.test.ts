import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { composeHouseholdSheet } from "@/lib/domain/household-sheet/compose";
import { sheetDates } from "@/lib/domain/household-sheet/sheet-dates";
import { DEFAULT_SHEET_BLOCKS } from "@/lib/domain/household-sheet/template";
import { utcDay } from "@/lib/domain/procedure/calendar";
import { renderHouseholdSheetPdf } from "./household-sheet-pdf";

async function pdfText(facts: Parameters<typeof sheetDates>[0], today: Date): Promise<{ text: string; pages: number }> {
  const sheet = composeHouseholdSheet(
    { dates: sheetDates(facts, today), blocks: DEFAULT_SHEET_BLOCKS, team: { name: "Équipe mobile Essonne", phone: "01 60 00 00 00" }, adil: null, courtName: null, templateVersion: 2 },
    today,
  );
  const bytes = await renderHouseholdSheetPdf(sheet, { author: "Équipe mobile Essonne", now: new Date("2026-01-01T10:00:00Z") });
  const pdf = await getDocumentProxy(bytes);
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}

describe("household sheet PDF (issue 20): the right next step and date at three stages", () => {
  it("commandement", async () => {
    const { text, pages } = await pdfText({ commandementOn: utcDay(2025, 1, 17), leaseSignedOn: utcDay(2024, 0, 1) }, utcDay(2025, 2, 1));
    expect(pages).toBe(1);
    expect(text).toContain("Ce qui va se passer");
    expect(text).toContain("assigner au tribunal à partir du 01/04/2025 au plus tôt");
    expect(text).toContain("0805 299 049");
  });

  it("assignation with a hearing date", async () => {
    const { text, pages } = await pdfText({ assignationOn: utcDay(2025, 11, 1), hearingOn: utcDay(2026, 2, 12) }, utcDay(2026, 0, 20));
    expect(pages).toBe(1);
    expect(text).toContain("audience du tribunal le 12 mars 2026 (12/03/2026)");
    expect(text).toContain("avez le droit d'être présent et assisté");
  });

  it("CQL in the winter truce", async () => {
    const { text, pages } = await pdfText({ cqlOn: utcDay(2025, 11, 1), cqlReferredToPrefetOn: utcDay(2025, 11, 1) }, utcDay(2025, 11, 15));
    expect(pages).toBe(1);
    expect(text).toContain("trêve hivernale jusqu'au 31/03/2026");
    expect(text).toContain("L'expulsion est possible à partir du 01/04/2026 au plus tôt.");
    expect(text).toContain("Modèle version 2");
  });
});

import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

/** The count in the row `label` of the table named `table` (the caption). */
function countCell(page: Page, table: string, label: string): Locator {
  return page
    .getByRole("table", { name: table, exact: true })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: label, exact: true }) })
    .getByRole("cell")
    .first();
}

/** Sheet "Indicateurs" of a downloaded workbook: code (column F) → count (column C). */
async function workbookNumbers(path: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const numbers = new Map<string, unknown>();
  wb.getWorksheet("Indicateurs")!.eachRow((row, n) => {
    if (n > 5) numbers.set(String(row.getCell(6).value), row.getCell(3).value);
  });
  return numbers;
}

// The Essonne 18-month report (shared/domain/indicators.md), seeded beside the demo (SEED_SCENARIOS=essonne).
const CLOSURES: Array<[string, number, string]> = [
  ["Déjà suivi par l'association (ASLL)", 1, "ALREADY_FOLLOWED"],
  ["Accompagnement terminé", 1, "SUPPORT_COMPLETED"],
  ["Orienté vers la MDS", 8, "REFERRED_TO_MDS"],
  ["Dette soldée avant l'audience", 10, "DEBT_PAID_OFF"],
  ["N'a pas souhaité poursuivre", 55, "DECLINED_TO_CONTINUE"],
  ["A quitté le logement", 15, "LEFT_DWELLING"],
  ["N'habite pas à l'adresse (NPAI)", 49, "NOT_AT_ADDRESS"],
  ["Aucun contact établi", 153, "NO_CONTACT"],
];

test.describe("Indicateurs", () => {
  test("the Essonne coordinator finds the 18-month report's figures, filters by period and sector, and downloads them in Excel", async ({ page, loginAs }) => {
    await loginAs("bilan-essonne");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Indicateurs" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Indicateurs" })).toBeVisible();
    await expectNoAxeViolations(page);

    // The report's 18 months, chosen in the filter form (a GET form: the URL carries them).
    await page.getByLabel("Du", { exact: true }).fill("2025-01-01");
    await page.getByLabel("Au", { exact: true }).fill("2026-06-30");
    await page.getByRole("button", { name: "Afficher" }).click();
    await expect(page).toHaveURL(/du=2025-01-01&au=2026-06-30/);
    await expect(page.getByText(/Situations du 01\/01\/2025 au 30\/06\/2026/)).toBeVisible();

    await expect(countCell(page, "Situations", "Situations (dossiers)")).toHaveText("425");
    await expect(countCell(page, "Situations", "Dossiers en cours")).toHaveText("133");
    await expect(countCell(page, "Situations", "Dossiers clôturés")).toHaveText("292");
    await expect(countCell(page, "Situations", "Ménages accompagnés")).toHaveText("108");
    const stages = "Dossiers en cours par étape : les nombres";
    await expect(countCell(page, stages, "Premier courrier")).toHaveText("29");
    await expect(countCell(page, stages, "Relance")).toHaveText("73");
    await expect(countCell(page, stages, "Accompagnement")).toHaveText("31");
    for (const [label, count] of CLOSURES) await expect(countCell(page, "Motifs de clôture", label)).toHaveText(String(count));
    // Shares to one decimal: 77 supported of 292 closed.
    await expect(
      page.getByRole("table", { name: "Clôtures par catégorie : les nombres" }).getByRole("row").filter({ hasText: "A pris contact" }),
    ).toContainText("26,4");
    // The monthly chart's numbers are in its table.
    await expect(page.getByRole("table", { name: "Nouveaux dossiers et clôtures par mois" }).getByRole("row").last()).toContainText(/Total\s*425\s*292/);
    await expectNoAxeViolations(page);

    // The Excel download carries the same numbers.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Indicateurs (Excel)" }).click()]);
    expect(download.suggestedFilename()).toBe("indicateurs_2025-01-01_2026-06-30.xlsx");
    const numbers = await workbookNumbers((await download.path())!);
    expect([numbers.get("cases.total"), numbers.get("cases.inProgress"), numbers.get("cases.closed"), numbers.get("supported.total")]).toEqual([425, 133, 292, 108]);
    expect([numbers.get("stage.FIRST_LETTER"), numbers.get("stage.REMINDER"), numbers.get("stage.SUPPORTED")]).toEqual([29, 73, 31]);
    expect(CLOSURES.map(([, , code]) => numbers.get(`closure.${code}`))).toEqual(CLOSURES.map(([, count]) => count));

    // The case list, for a coordinator: one row per case, no names.
    const [list] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Liste des dossiers (Excel)" }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await list.path())!)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Dossiers")!.rowCount).toBe(5 + 425);

    // One sector: fewer cases, the filter kept in the form.
    await page.getByLabel("Secteur").selectOption({ label: "Nord" });
    await page.getByRole("button", { name: "Afficher" }).click();
    await expect(page).toHaveURL(/secteur=/);
    await expect(page.getByLabel("Secteur")).toHaveValue(/.+/);
    const total = Number(await countCell(page, "Situations", "Situations (dossiers)").textContent());
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(425);
    await expectNoAxeViolations(page);
  });

  test("the funder viewer sees the aggregates and never the case list @phone", async ({ page, loginAs }) => {
    await loginAs("financeur");
    await page.goto("/indicateurs");
    await expect(page.getByRole("heading", { level: 1, name: "Indicateurs" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Motifs de clôture" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Indicateurs (Excel)" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Liste des dossiers/ })).toHaveCount(0);
    // Nothing sideways on a small screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expectNoAxeViolations(page);

    // Typing the case list's address does not work either; the aggregates do.
    expect((await page.request.get("/indicateurs/export/dossiers.csv")).status()).toBe(404);
    const csv = await page.request.get("/indicateurs/export/indicateurs.csv");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("Situations (dossiers)");
  });
});

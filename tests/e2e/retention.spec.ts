// Retention (issue 8.5), acceptance: an anonymised case shows no name while
// the dashboard's numbers are unchanged. The demo seed holds one household
// (Solange Delaunay) whose only case closed about 30 months ago, past the
// default 24 months; the admin anonymises it from Administration →
// Conservation des données, which runs the daily command's service.
import type { Page } from "@playwright/test";

import { expect, expectNoAxeViolations, login, test } from "./support/fixtures";

/**
 * The dashboard's numbers (since the first case: the old case counts): the key
 * figures and every table. The charts draw the same numbers after mounting,
 * so their text is left out.
 */
async function dashboardNumbers(page: Page): Promise<string[]> {
  await page.goto("/indicateurs");
  await expect(page.getByRole("heading", { level: 1, name: "Indicateurs" })).toBeVisible();
  const figures = await page.getByRole("region", { name: "Chiffres clés" }).innerText();
  const tables = await page.locator("main table").allInnerTexts();
  expect(tables.length).toBeGreaterThan(2);
  return [figures, ...tables];
}

test("an anonymised case shows no name while the dashboard's numbers are unchanged", async ({ page }) => {
  await login(page, "admin");
  const before = await dashboardNumbers(page);
  expect(before[0]).toMatch(/Situations[\s\S]*\d/);

  await page.goto("/administration/retention");
  await expect(page.getByRole("heading", { level: 1, name: "Conservation des données" })).toBeVisible();
  await expectNoAxeViolations(page);
  // The due list shows case numbers and dates, never a name.
  const due = page.getByRole("table", { name: /Ménages à anonymiser/ });
  const caseLink = due.getByRole("link", { name: /^Dossier n° \d+$/ }).first();
  await expect(caseLink).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Delaunay");
  const href = (await caseLink.getAttribute("href")) as string;
  const label = await caseLink.innerText();

  // Before: the case page shows the household's name.
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Solange DELAUNAY");

  await page.goto("/administration/retention");
  const run = page.getByRole("button", { name: "Anonymiser maintenant les dossiers échus" });
  // Nothing happens without the explicit confirmation.
  await run.click();
  await expect(page.getByText("Cochez la case pour confirmer")).toBeVisible();
  await page.getByRole("checkbox", { name: /Je confirme/ }).check();
  await run.click();
  await expect(page.getByRole("status")).toContainText(/\d+ ménage\(s\) anonymisé\(s\)\./);
  await expect(page.getByRole("region", { name: "Dernières anonymisations" }).getByRole("link", { name: label, exact: true })).toBeVisible();

  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ménage anonymisé");
  await expect(page.getByText(/Ménage anonymisé le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  // The household's details are in the case page's "Ménage" section (issue 16): no name there either.
  await page.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Ménage" }).click();
  await expect(page.getByRole("link", { name: "Ménage", exact: true })).toHaveAttribute("aria-current", "page");
  const main = page.locator("main");
  for (const personal of ["Solange", "Delaunay", "DELAUNAY", "06 48 27 91 35", "MDS d'Étampes"]) await expect(main).not.toContainText(personal);
  await expect(main).toContainText("Supprimée (ménage anonymisé)");
  await expectNoAxeViolations(page);

  expect(await dashboardNumbers(page)).toEqual(before);
});

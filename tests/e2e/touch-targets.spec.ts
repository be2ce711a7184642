// Issue 16 §5: every page of the social worker and of the jurist, at 360 px with
// touch: no touch target under 44 × 44 px, no horizontal scrolling, and axe
// finds nothing. Pages are listed from the menu the role gets, plus the pages
// of one case and one landlord, the new-household form unfolded and the visit
// form open, so a new page in the menu is walked without editing this test.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test, type LoginRole } from "./support/fixtures";
import { horizontalOverflow, smallTargets } from "./support/touch";

async function menuHrefs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Navigation principale"] a[href], nav[aria-label="Accès rapide"] a[href]')).map((a) => new URL(a.href).pathname),
  );
}

async function check(page: Page, label: string, problems: string[]): Promise<void> {
  const found: string[] = [];
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) found.push(`${label}: scrolls ${overflow} px sideways`);
  for (const t of await smallTargets(page)) found.push(`${label}: ${t.what} is ${t.width}×${t.height} px`);
  // Reported page by page (a soft failure), so a slow run still says what it found.
  expect.soft(found, found.join("\n")).toEqual([]);
  problems.push(...found);
  await expectNoAxeViolations(page);
}

async function visit(page: Page, url: string, problems: string[]): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  await check(page, url, problems);
}

async function walk(page: Page, role: LoginRole, loginAs: (r: LoginRole) => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  await loginAs(role);
  await page.goto("/");
  // The menu, unfolded.
  await page.getByRole("button", { name: "Menu" }).tap();
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await check(page, "/ (menu ouvert)", problems);

  const pages = new Set(await menuHrefs(page));
  for (const url of [...pages].sort()) await visit(page, url, problems);

  // One case and everything under it.
  await page.goto("/dossiers");
  const caseHref = await page.getByRole("main").getByRole("list").getByRole("link").first().getAttribute("href");
  expect(caseHref).toMatch(/^\/dossiers\/[^/?]+$/);
  for (const section of ["historique", "procedure", "menage"]) await visit(page, `${caseHref}?section=${section}`, problems);
  await visit(page, `${caseHref}/accompagnement`, problems);
  await visit(page, `${caseHref}/audience`, problems);
  await visit(page, `/courriers/dossiers/${caseHref!.split("/")[2]}`, problems);
  await page.goto(`${caseHref}?section=historique`);
  const visitButton = page.getByRole("region", { name: "Aller-vers" }).getByRole("button", { name: "Visite", exact: true });
  if (await visitButton.count()) {
    await visitButton.tap();
    await check(page, `${caseHref} (visite)`, problems);
  }

  // One landlord, the team's views, the new-household form unfolded.
  await page.goto("/bailleurs");
  const landlordHref = await page.getByRole("main").getByRole("list").getByRole("link").first().getAttribute("href");
  await visit(page, landlordHref!, problems);
  await visit(page, "/a-faire?vue=equipe", problems);
  await visit(page, "/tournee?vue=equipe", problems);
  await visit(page, "/dossiers?page=2", problems);
  if (pages.has("/dossiers/nouveau")) {
    await page.goto("/dossiers/nouveau");
    await page.getByText("Compléter maintenant (facultatif)").tap();
    await check(page, "/dossiers/nouveau (complet)", problems);
  }
  return problems;
}

test.describe("Cibles tactiles et défilement horizontal à 360 px", () => {
  for (const role of ["travail-social", "juriste"] as const) {
    test(`every page of ${role}: targets of 44 px at least, no sideways scrolling, no axe violation @phone`, async ({ page, loginAs }) => {
      test.setTimeout(900_000); // some twenty pages, each scanned by axe, on a shared machine
      const problems = await walk(page, role, loginAs);
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }

  test("'Page introuvable' has one <main> and no axe violation; /facturation passes at 360 px @phone", async ({ page, loginAs }) => {
    await loginAs("travail-social");
    await page.goto("/dossiers/cinexistant0000000000000000");
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.locator("main")).toHaveCount(1);
    await expectNoAxeViolations(page);
    await page.goto("/une-page-qui-n-existe-pas");
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.locator("main")).toHaveCount(1);
    await expectNoAxeViolations(page);

    await page.context().clearCookies();
    await loginAs("coordination");
    const problems: string[] = [];
    await visit(page, "/facturation", problems);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

import { expect, expectNoAxeViolations, login, test } from "./support/fixtures";

// "Régie Saint-Éloi" is one of the Essonne team's agencies in the demo seed;
// the seed gives every landlord at least one household.
const LANDLORD = "Régie Saint-Éloi";

test.describe("Bailleurs", () => {
  test("a social worker searches a landlord without accents, opens it and sees its households @phone", async ({ page, loginAs }) => {
    await loginAs("travail-social");
    await page.goto("/bailleurs");
    await expect(page.getByRole("heading", { level: 1, name: "Bailleurs de l'équipe" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/^\d+ bailleurs$/);
    await expectNoAxeViolations(page);

    await page.getByRole("searchbox", { name: /Rechercher/ }).fill("regie saint eloi");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("1 bailleur");
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
    await expect(page.getByRole("main").getByRole("listitem")).toContainText(/Agence immobilière.*\d+ ménages?/);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: LANDLORD }).click();
    await expect(page.getByRole("heading", { level: 1, name: LANDLORD })).toBeVisible();
    await expect(page.getByText(/^(Courrier envoyé le \d{2}\/\d{2}\/\d{4}|Aucun courrier envoyé) \(\d+ \/ \d+ dossiers?\) · (A répondu le \d{2}\/\d{2}\/\d{4}|N'a pas répondu)$/)).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Agence immobilière / administrateur de biens" })).toBeVisible();
    const households = page.getByRole("region", { name: /Ménages suivis/ });
    await expect(households.getByRole("heading", { level: 2 })).toHaveText(/Ménages suivis \(\d+ ménages?, \d+ dossiers?\)/);
    const cards = households.getByRole("list").first().locator(":scope > li");
    await expect(cards.first()).toBeVisible();
    await expect(cards.first()).toContainText(/Courrier au bailleur (envoyé le \d{2}\/\d{2}\/\d{4}|non envoyé)/);
    await expectNoAxeViolations(page);

    // A household leads to its case.
    const tenant = cards.first().getByRole("link").first();
    const name = (await tenant.textContent())!.trim();
    await tenant.click();
    await expect(page).toHaveURL(/\/dossiers\/[^/]+$/);
    const [lastName] = name.split(" ");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(lastName!);
  });

  test("an unknown name finds nothing and the search is kept", async ({ page, loginAs }) => {
    await loginAs("coordination");
    await page.goto("/bailleurs?q=personne-inconnue-xyz");
    await expect(page.getByRole("status")).toHaveText("0 bailleur");
    await expect(page.getByText("Aucun bailleur ne correspond.")).toBeVisible();
    await expect(page.getByRole("searchbox", { name: /Rechercher/ })).toHaveValue("personne-inconnue-xyz");
    await expectNoAxeViolations(page);
  });

  test("a user of another team gets 'not found' for this team's landlord and does not list it", async ({ page, loginAs, browser }) => {
    await loginAs("travail-social");
    await page.goto("/bailleurs?q=regie saint eloi");
    const href = await page.getByRole("link", { name: LANDLORD }).getAttribute("href");
    expect(href).toMatch(/^\/bailleurs\/.+/);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await login(otherPage, "autre-equipe");
    await otherPage.goto(href!);
    await expect(otherPage.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await otherPage.goto("/bailleurs?q=regie saint eloi");
    await expect(otherPage.getByRole("status")).toHaveText("0 bailleur");
    await expectNoAxeViolations(otherPage);
    await other.close();
  });

  test("a funder viewer sees no landlord: the list and the landlord page are not found", async ({ page, loginAs }) => {
    await loginAs("coordination");
    await page.goto("/bailleurs?q=regie saint eloi");
    const href = await page.getByRole("link", { name: LANDLORD }).getAttribute("href");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/connexion/);

    await loginAs("financeur");
    for (const url of ["/bailleurs", href!]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });
});

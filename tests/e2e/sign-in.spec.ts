import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, login, test } from "./support/fixtures";

test.describe("Connexion", () => {
  // These journeys are about the sign-in form itself: never a kept session.
  test.use({ signInThroughForm: true });

  test("the sign-in page is in French and accessible, and a wrong password says so @phone", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Saisissez votre adresse e-mail.")).toBeVisible();
    await expect(page.getByText("Saisissez votre mot de passe.")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Adresse e-mail").fill(DEMO_ACCOUNTS["travail-social"]);
    await page.getByLabel("Mot de passe").fill("pas-le-bon");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    // The e-mail typed is kept; the password is not echoed back.
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(DEMO_ACCOUNTS["travail-social"]);
    await expect(page.getByLabel("Mot de passe")).toHaveValue("");
    await expect(page).toHaveURL(/\/connexion/);
  });

  const homes = [
    { role: "travail-social", expectText: /Mes dossiers en cours/ },
    { role: "juriste", expectText: /Mes dossiers en cours/ },
    { role: "coordination", expectText: /Dossiers de l'équipe par étape/ },
    { role: "admin", expectText: /Comptes de l'équipe/ },
    { role: "financeur", expectText: /Dossiers de l'équipe par étape/ },
  ] as const;

  for (const { role, expectText } of homes) {
    test(`${role} signs in and sees their home`, async ({ page, loginAs }) => {
      await loginAs(role);
      await expect(page.getByRole("heading", { level: 1, name: /Bonjour/ })).toBeVisible();
      await expect(page.getByText(expectText).first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("a funder viewer sees no personal data: no caseload menu, and case pages are not found", async ({ page, loginAs }) => {
    await loginAs("financeur");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await expect(nav.getByRole("link", { name: "Indicateurs" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Dossiers" })).toHaveCount(0);
    await page.goto("/dossiers");
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await page.goto("/indicateurs");
    await expect(page.getByRole("table", { name: "Motifs de clôture" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("signing out ends the session", async ({ page, loginAs }) => {
    await loginAs("coordination");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/connexion/);
    await page.goto("/dossiers");
    await expect(page).toHaveURL(/\/connexion/);
  });

  test("a user of another team gets 'not found' for a case of this team", async ({ page, loginAs, browser }) => {
    await loginAs("travail-social");
    await page.goto("/dossiers");
    const href = await page.getByRole("main").getByRole("listitem").getByRole("link").first().getAttribute("href");
    expect(href).toMatch(/^\/dossiers\/.+/);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await login(otherPage, "autre-equipe");
    await otherPage.goto(href!);
    await expect(otherPage.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await other.close();
  });
});

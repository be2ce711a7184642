// Issue 16: the social worker's phone. At 360 × 740 with touch: sign in, a new
// household, its first visit "absent, avis de passage laissé" in at most 12
// taps and 6 typed fields, every confirmation inside the screen; the case
// page's first screen; a double tap that records one visit.
import type { Locator, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, expectNoAxeViolations, test } from "./support/fixtures";

/** A calendar day `offset` days from today in Paris (offsets well in the past: never hour-dependent). */
function parisDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
}

/**
 * Counts what the person does. A tap is a tap on a button, a link, a radio or
 * a list (a list counts two: open it, pick); a typed field is counted once
 * (the tap that focuses it is part of typing it).
 */
class Counter {
  taps = 0;
  typed = 0;
  constructor(private readonly page: Page) {}
  async tap(target: Locator) {
    this.taps += 1;
    await target.tap();
  }
  async type(target: Locator, text: string) {
    this.typed += 1;
    await target.fill(text);
  }
  async choose(target: Locator, option: { index: number } | { value: string }) {
    this.taps += 2;
    await target.selectOption(option);
  }
}

/** The element is entirely inside the visible area (below nothing fixed at the top; above the bottom bar). */
async function expectInViewport(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const viewport = page.viewportSize()!;
  const bottomBar = await page.getByRole("navigation", { name: "Accès rapide" }).boundingBox();
  expect(box, "the confirmation is on the page").not.toBeNull();
  expect(box!.y, "the confirmation's top is on screen").toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, "the confirmation's bottom is above the bottom bar").toBeLessThanOrEqual(bottomBar ? bottomBar.y : viewport.height);
}

test.describe("Le téléphone du travailleur social", () => {
  test("sign in → new household → first visit 'absent, avis de passage laissé' in ≤ 12 taps and ≤ 6 typed fields @phone", async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const surname = `Rivière-${testInfo.project.name}-${Date.now().toString(36)}`;
    const count = new Counter(page);

    // Sign in: the two credentials are typed once per session, not per household (not counted); the button is.
    await page.goto("/connexion");
    await page.getByLabel(/^\s*Adresse e-mail\s*\*?\s*$/).fill(DEMO_ACCOUNTS["travail-social"]);
    await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(DEMO_PASSWORD);
    await count.tap(page.getByRole("button", { name: "Se connecter" }));
    await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));

    // New household from the bottom bar: the quick form.
    await count.tap(page.getByRole("navigation", { name: "Accès rapide" }).getByRole("link", { name: "Nouveau ménage" }));
    await expect(page.getByRole("heading", { level: 1, name: "Nouveau ménage" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Accès rapide" }).getByRole("link", { name: "Nouveau ménage" })).toHaveAttribute("aria-current", "page");
    await count.type(page.getByLabel("Nom", { exact: true }), surname);
    await count.type(page.getByLabel("Adresse", { exact: true }), "14 rue Pasteur");
    await count.type(page.getByLabel("Code postal", { exact: true }), "91100");
    await count.type(page.getByLabel("Ville", { exact: true }), "Corbeil-Essonnes");
    await count.type(page.getByLabel("Date de l'acte"), parisDay(-60));
    await count.choose(page.getByLabel("Bailleur", { exact: true }), { index: 1 });
    await count.type(page.getByLabel("Loyer mensuel hors charges (€)"), "640");
    await count.tap(page.getByRole("button", { name: "Créer le dossier" }));

    const created = page.getByRole("status").filter({ hasText: "Le dossier a été créé." });
    await expect(created).toBeVisible();
    await expect(created).toBeFocused();
    await expectInViewport(page, created);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());

    // The first visit: Visite → Absent (avis de passage preset) → Enregistrer la visite.
    const panel = page.getByRole("region", { name: "Aller-vers" });
    await count.tap(panel.getByRole("button", { name: "Visite", exact: true }));
    await count.tap(panel.getByLabel("Absent"));
    await expect(panel.getByLabel("Avis de passage déposé")).toBeChecked();
    await count.tap(panel.getByRole("button", { name: "Enregistrer la visite" }));

    const saved = page.getByRole("status").filter({ hasText: "Visite enregistrée." });
    await expect(saved).toBeVisible();
    await expect(saved).toBeFocused();
    await expectInViewport(page, saved);
    // The saved event is highlighted in the history.
    const history = page.getByRole("region", { name: "Historique" });
    await expect(history.getByRole("listitem").first()).toContainText("Vient d'être enregistré");
    await expect(history.getByRole("listitem").first()).toContainText("avis de passage déposé");
    await expectNoAxeViolations(page);

    expect(count.taps, "taps").toBeLessThanOrEqual(12);
    expect(count.typed, "typed fields").toBeLessThanOrEqual(6);
    testInfo.annotations.push({ type: "count", description: `${count.taps} taps, ${count.typed} typed fields` });
  });

  test("the case page's first screen shows who, the phone, the state, the next deadline and the main action; Historique is one tap away @phone", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(120_000);
    const surname = `Berthier-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("travail-social");
    await page.goto("/dossiers/nouveau");
    await page.getByLabel("Nom", { exact: true }).fill(surname);
    await page.getByLabel("Prénom", { exact: true }).fill("Inès");
    await page.getByLabel("Adresse", { exact: true }).fill("2 place du Marché");
    await page.getByLabel("Code postal", { exact: true }).fill("91000");
    await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
    await page.getByLabel("Téléphone", { exact: true }).fill("06 12 34 56 78");
    await page.getByLabel("Date de l'acte").fill(parisDay(-30));
    await page.getByLabel("Date d'audience").fill(parisDay(45));
    await page.getByLabel("Bailleur", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Loyer mensuel hors charges (€)").fill("700");
    await page.getByRole("button", { name: "Créer le dossier" }).tap();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Inès ${surname.toUpperCase()}`);

    await page.evaluate(() => window.scrollTo(0, 0));
    const first = [
      page.getByRole("heading", { level: 1 }),
      page.getByRole("link", { name: "Appeler le 06 12 34 56 78" }),
      page.getByText(/^Prochaine échéance : /),
      page.getByRole("region", { name: "Aller-vers" }).getByRole("button").first(),
    ];
    for (const target of first) {
      await expect(target).toBeVisible();
      await expectInViewport(page, target);
    }
    await expect(page.getByRole("link", { name: "Appeler le 06 12 34 56 78" })).toHaveAttribute("href", "tel:+33612345678");
    await expect(page.getByRole("link", { name: /2 place du Marché, 91000 Évry-Courcouronnes/ })).toHaveAttribute("href", /^https:\/\/www\.openstreetmap\.org\/search\?query=/);
    await expect(page.getByText("Identifié", { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    // The sections, each one tap away and each with its URL.
    const sections = page.getByRole("navigation", { name: "Sections du dossier" });
    await sections.getByRole("link", { name: "Ménage" }).tap();
    await expect(page).toHaveURL(/section=menage/);
    await expect(page.getByText("Loyer hors charges")).toBeVisible();
    await sections.getByRole("link", { name: "Historique" }).tap();
    await expect(page).toHaveURL(/section=historique/);
    await expect(page.getByRole("region", { name: "Historique" })).toBeVisible();
    await expect(sections.getByRole("link", { name: "Historique" })).toHaveAttribute("aria-current", "page");
    await sections.getByRole("link", { name: "Procédure" }).tap();
    await expect(page.getByRole("region", { name: "Procédure" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("double-tapping 'Enregistrer la visite' records one visit @phone", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(120_000);
    const surname = `Doublon-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("travail-social");
    await page.goto("/dossiers/nouveau");
    await page.getByLabel("Nom", { exact: true }).fill(surname);
    await page.getByLabel("Adresse", { exact: true }).fill("5 rue Verte");
    await page.getByLabel("Code postal", { exact: true }).fill("91000");
    await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
    await page.getByLabel("Date de l'acte").fill(parisDay(-30));
    await page.getByLabel("Bailleur", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Loyer mensuel hors charges (€)").fill("700");
    await page.getByRole("button", { name: "Créer le dossier" }).tap();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());

    const panel = page.getByRole("region", { name: "Aller-vers" });
    await panel.getByRole("button", { name: "Visite", exact: true }).tap();
    await panel.getByLabel("Absent").tap();
    // Two taps before the page can react: both submissions leave with the same idempotency key.
    await panel.getByRole("button", { name: "Enregistrer la visite" }).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    // Both submissions go through the server one after the other: on a loaded machine, allow for two round trips.
    await expect(page.getByRole("status").filter({ hasText: "Visite enregistrée." })).toBeVisible({ timeout: 30_000 });
    // Let the second answer arrive, then count from the server's page.
    await page.waitForTimeout(1_500);
    await page.reload();
    const visits = page.getByRole("region", { name: "Historique" }).getByRole("listitem").filter({ hasText: "Visite à domicile" });
    await expect(visits).toHaveCount(1);
    await expect(page.getByText("Deuxième visite à faire")).toBeVisible();
  });
});

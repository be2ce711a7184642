import { expect, expectNoAxeViolations, test } from "./support/fixtures";

/**
 * Issue 13: a jurist records a commandement de quitter les lieux and a JEX
 * decision of 3 months, and reads on the case page both dates of the earliest
 * expulsion: the day the delay expires and the day the expulsion is possible
 * (CPCE L412-1, L412-3, L412-4; CPC 641-642). Fixed dates in the past: CQL of
 * 3 March 2025, JEX decision of 20 June 2025 for 3 months → the delay ends on
 * 20 September 2025, expulsion possible from 21 September 2025 (the issue's
 * own example, where the app used to say 3 August).
 */
test.describe("Délai accordé par le juge de l'exécution", () => {
  test("a jurist records a CQL and a JEX decision, and reads both dates of the expulsion @phone", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(150_000); // five acts recorded, four accessibility scans of a long page
    const surname = `Jex-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("juriste");

    // A household that reached the team at the assignation.
    await page.goto("/dossiers/nouveau");
    await page.getByLabel("Prénom", { exact: true }).fill("Inès");
    await page.getByLabel("Nom", { exact: true }).fill(surname);
    await page.getByLabel("Adresse", { exact: true }).fill("4 rue des Lilas");
    await page.getByLabel("Code postal", { exact: true }).fill("91000");
    await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
    await page.getByLabel("Nouveau bailleur").check();
    await page.getByLabel("Nom du bailleur").fill(`M. ${surname}`);
    await page.getByLabel("Loyer mensuel hors charges (€)").fill("610");
    await page.getByLabel("Étape de la procédure").selectOption("ASSIGNATION");
    await page.getByLabel("Date de l'acte").fill("2024-09-02");
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase(), { timeout: 20_000 });

    const section = page.getByRole("region", { name: "Procédure" });
    const stages = section.getByRole("list", { name: "Étapes de la procédure" });
    const stage = (name: RegExp) => stages.getByRole("listitem").filter({ hasText: name }).first();
    // The commandement de payer came before the team: unknown, not "to come".
    await expect(stage(/^Commandement de payer/)).toContainText("Non renseigné");
    await expect(stage(/^Commandement de payer/)).not.toContainText("À venir");

    const record = async (act: string, fields: (form: typeof section) => Promise<void>) => {
      await section.getByRole("button", { name: "Enregistrer un acte" }).click();
      await section.getByLabel("Acte", { exact: true }).selectOption({ label: act });
      await fields(section);
      await section.getByRole("button", { name: "Enregistrer l'acte" }).click();
      await expect(section.getByRole("status")).toContainText("enregistré", { timeout: 20_000 });
    };
    await record("Audience", async (f) => {
      await f.getByLabel("Date", { exact: true }).fill("2024-11-15");
    });
    await record("Jugement", async (f) => {
      await f.getByLabel("Date", { exact: true }).fill("2024-12-10");
      await f.getByLabel("Décision du juge").selectOption({ label: "Résiliation du bail, expulsion ordonnée" });
    });
    await record("Commandement de quitter les lieux", async (f) => {
      await f.getByLabel("Date", { exact: true }).fill("2025-03-03");
    });
    await expectNoAxeViolations(page);

    // The JEX decision: the end computed from the months is shown before saving.
    await section.getByRole("button", { name: "Enregistrer un acte" }).click();
    await section.getByLabel("Acte", { exact: true }).selectOption({ label: "Décision du juge de l'exécution (délai accordé)" });
    await section.getByLabel("Date de la décision").fill("2025-06-20");
    await section.getByLabel("Ou : délai en mois à compter de la décision").fill("3");
    await expect(section.getByText("Fin du délai : 20 septembre 2025")).toBeVisible();
    await expectNoAxeViolations(page);
    await section.getByRole("button", { name: "Enregistrer l'acte" }).click();
    await expect(section.getByRole("status")).toContainText("enregistré");

    // Both dates, on the alert and on the expulsion's stage.
    const alerts = section.getByRole("list", { name: "Alertes" });
    await expect(alerts).toContainText(
      "Le délai accordé par le juge de l'exécution a expiré le 20 septembre 2025 ; expulsion possible depuis le 21 septembre 2025",
    );
    const eviction = stage(/^Expulsion/);
    await expect(eviction).toContainText("Le délai accordé par le juge de l'exécution a expiré le 20 septembre 2025");
    await expect(eviction).toContainText("Possible depuis le 21 septembre 2025");
    await expect(stage(/^Décision du juge de l/)).toContainText("délai jusqu'au 20 septembre 2025 (3 mois à compter de la décision)");
    // Abbreviations are spelled out on first use, with <abbr title>.
    await expect(stage(/transmis au préfet/)).toContainText("commandement de quitter les lieux (CQL) transmis au préfet");
    await expect(section.locator('abbr[title="commandement de quitter les lieux"]').first()).toHaveText("CQL");
    await expectNoAxeViolations(page);
  });
});

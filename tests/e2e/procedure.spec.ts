import { expect, expectNoAxeViolations, test } from "./support/fixtures";

/** A calendar day `offset` days from today in Paris, as an <input type="date"> wants it. */
function parisDay(offset: number): string {
  // Calendar arithmetic on today's Paris date: "now ± 24 h" skips or repeats a day next to a clock change.
  const [y, m, d] = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" }).split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + offset)).toISOString().slice(0, 10);
}

/** "2026-04-01" → "1er avril 2026", as the procedure's dates are written. */
function frenchLongDay(iso: string): string {
  const long = new Date(`${iso}T12:00:00Z`).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return long.replace(/^1 /, "1er ");
}

test.describe("Procédure", () => {
  test("a jurist records the préfet's notification, is told it came too late, and sees the deadlines recomputed @phone", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(150_000); // four accessibility scans of a long page, three server round trips (slow on a loaded CI machine)
    const surname = `Procédure-${testInfo.project.name}-${Date.now().toString(36)}`;
    const hearing = parisDay(30);
    await loginAs("juriste");

    // A household assigned 20 days ago, hearing in 30 days.
    await page.goto("/dossiers/nouveau");
    await page.getByLabel("Prénom", { exact: true }).fill("Yanis");
    await page.getByLabel("Nom", { exact: true }).fill(surname);
    await page.getByLabel("Adresse", { exact: true }).fill("12 allée des Tilleuls");
    await page.getByLabel("Code postal", { exact: true }).fill("91000");
    await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
    await page.getByLabel("Nouveau bailleur").check();
    await page.getByLabel("Nom du bailleur").fill(`M. ${surname}`);
    await page.getByLabel("Loyer mensuel hors charges (€)").fill("640");
    await page.getByLabel("Étape de la procédure").selectOption("ASSIGNATION");
    await page.getByLabel("Date de l'acte").fill(parisDay(-20));
    await page.getByLabel("Date d'audience").fill(hearing);
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());

    const section = page.getByRole("region", { name: "Procédure" });
    const alerts = section.getByRole("list", { name: "Alertes" });
    const stages = section.getByRole("list", { name: "Étapes de la procédure" });
    const notification = stages.getByRole("listitem").filter({ hasText: /^Notification au préfet/ });
    // Hearing − 42 days, counted back without any extension (art. 24 III), is already past.
    const latest = frenchLongDay(parisDay(-12));
    await expect(alerts).toContainText("Audience dans 30 jours et ménage jamais rencontré");
    await expect(alerts).toContainText(`la date limite est passée (${latest})`);
    await expect(notification.first()).toContainText(`Au plus tard le ${latest} : date dépassée`);
    await expect(stages.getByRole("listitem").filter({ hasText: /^Audience/ }).first()).toContainText(`Prévu le ${frenchLongDay(hearing)} (dans 30 jours)`);
    await expectNoAxeViolations(page);

    // The legal basis opens from the keyboard, and unsettled rules say "à vérifier".
    const basis = notification.first().getByText("Base légale : Loi n° 89-462, art. 24 III");
    await basis.focus();
    await page.keyboard.press("Enter");
    await expect(notification.first().getByText(/Cass\. avis, 6 novembre 2025/)).toBeVisible();
    await expect(section.getByText("à vérifier", { exact: true }).first()).toBeVisible();

    // A notification dated tomorrow is refused, in French, and nothing typed is lost.
    await section.getByRole("button", { name: "Enregistrer un acte" }).click();
    await section.getByLabel("Acte", { exact: true }).selectOption({ label: "Notification au préfet" });
    await section.getByLabel("Date", { exact: true }).fill(parisDay(1));
    await section.getByLabel("Remarque (facultatif)").fill("Accusé de réception de la préfecture reçu par courriel.");
    await section.getByRole("button", { name: "Enregistrer l'acte" }).click();
    await expect(section.getByRole("alert")).toContainText("Le formulaire contient des erreurs");
    await expect(section.getByText("La date ne peut pas être dans le futur (seule une audience peut être fixée à l'avance).")).toBeVisible();
    await expect(section.getByLabel("Acte", { exact: true })).toHaveValue("PREFET_NOTIFICATION");
    await expect(section.getByLabel("Date", { exact: true })).toHaveValue(parisDay(1));
    await expect(section.getByLabel("Date", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(section.getByLabel("Remarque (facultatif)")).toHaveValue("Accusé de réception de la préfecture reçu par courriel.");
    await expectNoAxeViolations(page);

    // Ten days ago: 40 days before the hearing, two short of the 42.
    await section.getByLabel("Date", { exact: true }).fill(parisDay(-10));
    await section.getByRole("button", { name: "Enregistrer l'acte" }).click();
    await expect(section.getByRole("status")).toHaveText("« Notification au préfet » enregistré. Les délais ont été recalculés.", { timeout: 20_000 });
    await expect(alerts).toContainText("Urgent : Notification au préfet tardive : 40 jours avant l'audience (minimum 42)");
    await expect(notification.first()).toContainText(`Le ${frenchLongDay(parisDay(-10))}`);
    await expect(notification.first()).toContainText(`Date limite avant l'audience : ${latest} (non respectée)`);
    await expect(notification.first()).toContainText("Accusé de réception de la préfecture reçu par courriel.");
    await expectNoAxeViolations(page);
  });

  test("a jurist records the préfet's referral for the DSF; 'À faire' and the caseload show the deadlines it sets", async ({ page, loginAs }) => {
    test.setTimeout(120_000); // three pages scanned, the creation and the recording each recompute the case's deadlines
    const surname = `Échéances-${Date.now().toString(36)}`;
    await loginAs("juriste");

    // Assignation 5 days ago, hearing in 50 days: the préfet must have it within 8 days.
    await page.goto("/dossiers/nouveau");
    await page.getByLabel("Prénom", { exact: true }).fill("Aïcha");
    await page.getByLabel("Nom", { exact: true }).fill(surname);
    await page.getByLabel("Adresse", { exact: true }).fill("3 rue des Lilas");
    await page.getByLabel("Code postal", { exact: true }).fill("91100");
    await page.getByLabel("Ville", { exact: true }).fill("Corbeil-Essonnes");
    await page.getByLabel("Nouveau bailleur").check();
    await page.getByLabel("Nom du bailleur").fill(`Mme ${surname}`);
    await page.getByLabel("Loyer mensuel hors charges (€)").fill("720");
    await page.getByLabel("Étape de la procédure").selectOption("ASSIGNATION");
    await page.getByLabel("Date de l'acte").fill(parisDay(-5));
    await page.getByLabel("Date d'audience").fill(parisDay(50));
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase(), { timeout: 20_000 });

    const section = page.getByRole("region", { name: "Procédure" });
    await section.getByRole("button", { name: "Enregistrer un acte" }).click();
    // The interview offer needs the referral first: the form does not offer it yet.
    await expect(section.getByLabel("Acte", { exact: true }).locator("option", { hasText: "Entretien DSF proposé au ménage" })).toHaveCount(0);
    await section.getByLabel("Acte", { exact: true }).selectOption({ label: "Saisine pour le diagnostic social et financier" });
    await section.getByLabel("Date", { exact: true }).fill(parisDay(0));
    await section.getByRole("button", { name: "Enregistrer l'acte" }).click();
    await expect(section.getByRole("status")).toContainText("enregistré");
    await expect(section.getByRole("list", { name: "Alertes" })).toContainText("Proposer l'entretien du diagnostic social et financier au plus tard le");

    // "À faire": the team's deadlines within 30 days, soonest first: the
    // first 10, then "Voir les N" lists them all (up to 200).
    await page.goto("/a-faire?vue=equipe&horizon=30");
    const deadlines = page.getByRole("region", { name: /Échéances de procédure/ });
    const total = Number(/\((\d+)\)/.exec((await deadlines.getByRole("heading", { level: 2 }).textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThanOrEqual(2);
    if (total > 10) {
      await expect(deadlines.getByRole("listitem")).toHaveCount(10);
      await deadlines.getByRole("link", { name: /^Voir les \d+/ }).click();
      await expect(page).toHaveURL(/voir=echeances/);
      await expect(deadlines.getByRole("listitem")).toHaveCount(Math.min(total, 200));
      await expect(deadlines.getByRole("link", { name: /^Voir les \d+/ })).toHaveCount(0);
    } else {
      await expect(deadlines.getByRole("listitem")).toHaveCount(total);
    }
    const mine = deadlines.getByRole("listitem").filter({ hasText: surname.toUpperCase() });
    await expect(mine.filter({ hasText: "Notification au préfet, date limite" })).toContainText(`(dans 8 jours)`);
    await expect(mine.filter({ hasText: "Entretien DSF à proposer, date limite" })).toHaveCount(1);
    await expect(mine.filter({ hasText: "Entretien DSF à proposer" })).toContainText("Fondement : Décret");
    await expectNoAxeViolations(page);
    // A 7-day horizon leaves them out.
    await deadlines.getByLabel("Afficher les échéances").selectOption("7");
    await deadlines.getByRole("button", { name: "Afficher" }).click();
    await expect(page).toHaveURL(/horizon=7/);
    await expect(page.getByRole("region", { name: /Échéances de procédure dans les 7 jours/ }).getByRole("listitem").filter({ hasText: surname.toUpperCase() })).toHaveCount(0);

    // The caseload, filtered to deadlines within 15 days and sorted by the next one.
    await page.goto("/dossiers");
    await page.getByLabel("Prochaine échéance de procédure").selectOption("15");
    await page.getByLabel("Trier par").selectOption("echeance");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/echeance=15/);
    const card = page.getByRole("listitem").filter({ hasText: surname.toUpperCase() });
    await expect(card).toContainText(`Prochaine échéance : Notification au préfet, date limite, le ${parisDay(8).split("-").reverse().join("/")}`);
    await expectNoAxeViolations(page);
  });
});

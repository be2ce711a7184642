import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

/** A calendar day `offset` days from today in Paris, as an <input type="date"> wants it. */
function parisDay(offset: number): string {
  // Calendar arithmetic on today's Paris date: "now ± 24 h" skips or repeats a day next to a clock change.
  const [y, m, d] = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" }).split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + offset)).toISOString().slice(0, 10);
}

function frenchLongDay(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function frenchDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

async function createHousehold(page: Page, surname: string): Promise<void> {
  await page.goto("/dossiers/nouveau");
  await page.getByLabel("Prénom", { exact: true }).fill("Gaëlle");
  await page.getByLabel("Nom", { exact: true }).fill(surname);
  await page.getByLabel("Adresse", { exact: true }).fill("3 rue Pasteur");
  await page.getByLabel("Code postal", { exact: true }).fill("91100");
  await page.getByLabel("Ville", { exact: true }).fill("Corbeil-Essonnes");
  await page.getByLabel("Nouveau bailleur").check();
  await page.getByLabel("Nom du bailleur").fill(`SCI ${surname}`);
  await page.getByLabel("Loyer mensuel hors charges (€)").fill("720");
  await page.getByLabel("Date de l'acte").fill(parisDay(-60));
  // Entered after the fact: identified two months ago, so the steps below may be back-dated (issue 15).
  await page.getByLabel("Date d'identification").fill(parisDay(-60));
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());
}

async function record(page: Page, button: string, day: string, time: string, fill?: () => Promise<unknown>, submit = "Enregistrer") {
  const panel = page.getByRole("region", { name: "Aller-vers" });
  await panel.getByRole("button", { name: button, exact: true }).click();
  if (fill) await fill();
  await panel.getByLabel("Date", { exact: true }).fill(day);
  await panel.getByLabel("Heure", { exact: true }).fill(time);
  await panel.getByRole("button", { name: submit }).click();
}

test.describe("Aller-vers", () => {
  test("letter → two visits without contact → reminder due 15 days later → reminder → closure for no contact @phone", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(180_000); // eight recorded steps, each a server round trip, and three axe checks on a loaded machine
    const surname = `Noël-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("travail-social");
    await createHousehold(page, surname);
    const panel = page.getByRole("region", { name: "Aller-vers" });
    const status = panel.getByRole("status");

    await record(page, "Courrier au locataire", parisDay(-45), "10:00");
    await expect(status).toHaveText("Courrier au locataire enregistré.");
    await record(page, "Courrier au bailleur", parisDay(-45), "10:05");
    await expect(status).toHaveText("Courrier au bailleur enregistré.");

    // Visit 1 in three taps: Visite → Absent → Enregistrer (notice left is preset).
    await panel.getByRole("button", { name: "Visite", exact: true }).click();
    await expectNoAxeViolations(page);
    await panel.getByLabel("Absent").check();
    await expect(panel.getByLabel("Avis de passage déposé")).toBeChecked();
    await panel.getByLabel("Date", { exact: true }).fill(parisDay(-40));
    await panel.getByLabel("Heure", { exact: true }).fill("19:10");
    await panel.getByRole("button", { name: "Enregistrer la visite" }).click();
    await expect(status).toHaveText("Visite enregistrée.");
    await expect(panel.getByText("Deuxième visite à faire")).toBeVisible();

    await record(page, "Visite", parisDay(-30), "07:45", () => panel.getByLabel("Absent").check(), "Enregistrer la visite");
    await expect(status).toHaveText("Visite enregistrée.");
    // The reminder fell due exactly 15 days after the second visit.
    const due = frenchDay(parisDay(-15));
    await expect(panel.getByText(`Relance à envoyer (depuis le ${due})`)).toBeVisible();
    await expectNoAxeViolations(page);

    // "À faire" lists the reminder as due since that same day.
    await page.getByRole("navigation", { name: "Accès rapide" }).getByRole("link", { name: "À faire" }).click();
    const reminders = page.getByRole("region", { name: /Relances à envoyer/ });
    const item = reminders.getByRole("listitem").filter({ hasText: surname.toUpperCase() });
    await expect(item).toContainText(`Due depuis le ${due}`);
    await expectNoAxeViolations(page);
    await item.getByRole("link", { name: new RegExp(surname.toUpperCase()) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());

    // A reminder dated before it falls due is refused, with the date, and nothing is recorded.
    await record(page, "Relance envoyée", parisDay(-20), "09:00");
    await expect(panel.getByRole("alert")).toContainText(`qu'à partir du ${frenchLongDay(parisDay(-15))}`);
    await panel.getByRole("button", { name: "Annuler" }).click();

    // Dated yesterday or earlier: the steps must be in the past at whatever hour the test runs.
    await record(page, "Relance envoyée", parisDay(-2), "09:00");
    await expect(status).toHaveText("Relance enregistrée.");

    await record(page, "Clôturer", parisDay(-1), "08:00", () => panel.getByLabel("Motif de clôture").selectOption("NO_CONTACT"), "Clôturer le dossier");
    await expect(status).toHaveText("Dossier clôturé.");
    await expect(panel.getByRole("button", { name: "Rouvrir" })).toBeVisible();
    await expect(panel.getByRole("button", { name: "Visite", exact: true })).toHaveCount(0);

    const timeline = page.getByRole("region", { name: "Historique" }).getByRole("listitem");
    await expect(timeline).toHaveCount(6);
    await expect(timeline.first()).toContainText("Clôture");
    await expect(timeline.first()).toContainText("Aucun contact établi");
    await expect(timeline.last()).toContainText("Courrier au locataire");
    await expectNoAxeViolations(page);
  });

  test("a household that answers after the letter moves to support and outreach steps are no longer offered", async ({ page, loginAs }, testInfo) => {
    const surname = `Hélène-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("travail-social");
    await createHousehold(page, surname);
    const panel = page.getByRole("region", { name: "Aller-vers" });
    await record(page, "Courrier au locataire", parisDay(-3), "10:00");
    await expect(panel.getByRole("status")).toHaveText("Courrier au locataire enregistré.");

    // Bad input first: no channel chosen, a time that is not a time.
    await panel.getByRole("button", { name: "Le ménage a pris contact" }).click();
    await panel.getByLabel("Heure", { exact: true }).fill("");
    await panel.getByRole("button", { name: "Enregistrer" }).click();
    await expect(panel.getByText("Indiquez comment le ménage a pris contact.")).toBeVisible();
    await expect(panel.getByText(/L'heure/)).toBeVisible();
    await expectNoAxeViolations(page);

    await panel.getByLabel("Comment le ménage a-t-il pris contact ?").selectOption("PHONE");
    // Yesterday: "today at 14:30" is in the future before 14:30, and refused.
    await panel.getByLabel("Date", { exact: true }).fill(parisDay(-1));
    await panel.getByLabel("Heure", { exact: true }).fill("14:30");
    await panel.getByRole("button", { name: "Enregistrer" }).click();
    await expect(panel.getByRole("status")).toHaveText("Contact enregistré : le ménage est accompagné.");
    await expect(page.getByText("Accompagné", { exact: true }).first()).toBeVisible();
    // Visits stay possible: during support they are appointments (diagnostic at home), not outreach attempts.
    for (const gone of ["Relance envoyée", "Courrier au locataire"]) {
      await expect(panel.getByRole("button", { name: gone, exact: true })).toHaveCount(0);
    }
  });
});

import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

/**
 * Issue 20: a worker orients a household to the CCAS with oral consent and
 * prints the letter; the referral is dated 16 days ago (the clock is not
 * faked: the "now" of "À faire" is the server's, and the referral is in the
 * past), so "À faire" shows "Orientation sans nouvelles"; she records "RDV
 * pris", and the coordinator's dashboard counts 1 referral with follow-up.
 */

function parisDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
}
const frenchDay = (iso: string) => iso.split("-").reverse().join("/");
const norm = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return norm(text);
}

async function newHousehold(page: Page, surname: string): Promise<string> {
  await page.goto("/dossiers/nouveau");
  await page.getByLabel("Prénom", { exact: true }).fill("Inès");
  await page.getByLabel("Nom", { exact: true }).fill(surname);
  await page.getByLabel("Adresse", { exact: true }).fill("12 rue des Lilas");
  await page.getByLabel("Code postal", { exact: true }).fill("91000");
  await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
  await page.getByLabel("Nouveau bailleur").check();
  await page.getByLabel("Nom du bailleur").fill(`SCI ${surname}`);
  await page.getByLabel("Loyer mensuel hors charges (€)").fill("720");
  await page.getByLabel("Date de l'acte").fill(parisDay(-60));
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase(), { timeout: 30_000 });
  return new URL(page.url()).pathname;
}

test.describe("Orientations", () => {
  test("a worker orients to the CCAS with oral consent, prints the letter; 16 days on 'Orientation sans nouvelles'; RDV pris; the dashboard counts it", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(300_000);
    const surname = `Referral-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("travail-social");
    const casePath = await newHousehold(page, surname);

    await page.getByRole("link", { name: "Orientations vers les partenaires" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Orientations — dossier n° \d+$/ })).toBeVisible();
    await expectNoAxeViolations(page);
    const number = /n° (\d+)/.exec((await page.getByRole("heading", { level: 1 }).textContent()) ?? "")![1]!;

    // Suggestions from the commune and the need.
    await page.getByLabel("Un travailleur social (suivi, aides)").check();
    await page.getByRole("button", { name: "Suggérer" }).click();
    await expect(page.getByRole("region", { name: "Partenaires suggérés" }).getByText("CCAS — CCAS d'Évry-Courcouronnes")).toBeVisible();

    const form = page.getByRole("region", { name: "Nouvelle orientation" });
    const day = parisDay(-16);
    await form.getByLabel("Partenaire").selectOption({ label: "CCAS — CCAS d'Évry-Courcouronnes" });
    await form.getByLabel("Date de l'orientation").fill(day);
    await form.getByLabel("Pourquoi cette orientation").fill("Ouverture des droits et aide ponctuelle");
    // Without consent the form says nothing personal is shared.
    await form.getByLabel("Pas d'accord du ménage").check();
    await expect(form.getByRole("note")).toContainText("aucune donnée personnelle n'est transmise");
    await form.getByLabel("Accord oral").check();
    await form.getByLabel("Date de l'accord").fill(day);
    await expectNoAxeViolations(page);
    await form.getByRole("button", { name: "Enregistrer l'orientation" }).click();
    await expect(form.getByRole("status")).toContainText("Orientation enregistrée.");

    const item = page.getByRole("region", { name: /^Orientations du dossier/ }).getByRole("listitem").first();
    await expect(item).toContainText(`CCAS — CCAS d'Évry-Courcouronnes, le ${frenchDay(day)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: "Imprimer le courrier (PDF)" }).click()]);
    const pdf = await pdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(pdf).toContain("CCAS d'Évry-Courcouronnes");
    expect(pdf).toContain(`Accord oral du ménage recueilli le ${frenchDay(day)}`);
    expect(pdf).toContain("Ouverture des droits et aide ponctuelle");
    expect(pdf).toContain(surname.toUpperCase());

    // Fifteen days and more without news: "À faire" says so.
    await page.goto("/a-faire");
    const stale = page.getByRole("region", { name: /^Orientation sans nouvelles/ });
    await expect(stale.getByRole("heading", { level: 2 })).toHaveText("Orientation sans nouvelles (1)");
    await expect(stale.getByRole("link", { name: `Dossier n° ${number}` })).toBeVisible();
    await expectNoAxeViolations(page);

    // RDV pris.
    await stale.getByRole("link", { name: `Dossier n° ${number}` }).click();
    const followUp = page.getByRole("form", { name: "Suite de l'orientation vers CCAS d'Évry-Courcouronnes" });
    await followUp.getByLabel("Suite de l'orientation").selectOption("APPOINTMENT");
    await followUp.getByLabel("Date du rendez-vous").fill(parisDay(3));
    await followUp.getByRole("button", { name: "Enregistrer la suite" }).click();
    await expect(page.getByRole("region", { name: /^Orientations du dossier/ }).getByRole("listitem").first()).toContainText(`RDV pris — RDV le ${frenchDay(parisDay(3))}`);
    await page.goto("/a-faire");
    await expect(page.getByRole("region", { name: /^Orientation sans nouvelles/ })).toHaveCount(0);

    // The household's sheet, printable.
    await page.goto(`${casePath}/ce-qui-va-se-passer`);
    await expect(page.getByRole("heading", { level: 1, name: "Ce qui va se passer" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("0805 299 049");
    await expectNoAxeViolations(page);

    // The coordinator's dashboard.
    // The sign-out ends before the next account's cookies are set: the form's
    // action (which first sends the offline outbox, issue 18) must not end the
    // coordinator's session instead.
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/connexion"));
    await page.context().clearCookies();
    await loginAs("coordination");
    await page.goto("/indicateurs");
    const table = page.getByRole("table", { name: "Orientations vers les partenaires" });
    await expect(table.getByRole("row").filter({ hasText: /^Orientations\s*1\b/ })).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: "dont avec des nouvelles (taux de suivi)" })).toContainText("1");
    await expect(table.getByRole("row").filter({ hasText: "dont avec des nouvelles (taux de suivi)" })).toContainText("100,0");
    await expect(table.getByRole("row").filter({ hasText: "Vers : CCAS" })).toContainText("1");
  });

  test("the new pages have no accessibility violation on a phone @phone", async ({ page, loginAs }) => {
    test.setTimeout(300_000); // seven accessibility scans on 2 shared cores
    await loginAs("coordination");
    for (const path of ["/partenaires", "/fiche-menage", "/compte"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.goto("/dossiers");
    await page.getByRole("main").getByRole("link", { name: /[A-Z]{2,}/ }).first().click();
    const casePath = new URL(page.url()).pathname;
    for (const path of [`${casePath}/orientations`, `${casePath}/ce-qui-va-se-passer`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.goto("/compte");
    await page.getByRole("button", { name: "Créer une adresse d'agenda" }).click();
    await expect(page.getByLabel("Adresse de l'agenda")).toHaveValue(/\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectNoAxeViolations(page);
    const url = await page.getByLabel("Adresse de l'agenda").inputValue();
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    await page.getByRole("button", { name: "Révoquer l'adresse" }).click();
    await expect(page.getByRole("status").filter({ hasText: "révoquée" })).toBeVisible();
    expect((await page.request.get(url)).status()).toBe(404);
  });
});

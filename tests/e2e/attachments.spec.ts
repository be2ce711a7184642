import fs from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import type { Page } from "@playwright/test";
import { jpegWithGpsFixture, pdfFixture, pngFixture } from "../support/attachment-fixtures";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
const frDay = (iso: string) => iso.split("-").reverse().join("/");
const norm = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

/** A new household at the assignation stage, through the form; returns the case id. */
async function newCase(page: Page, surname: string): Promise<string> {
  await page.goto("/dossiers/nouveau");
  await page.getByLabel("Prénom", { exact: true }).fill("Inès");
  await page.getByLabel("Nom", { exact: true }).fill(surname);
  await page.getByLabel("Adresse", { exact: true }).fill("5 rue des Écoles");
  await page.getByLabel("Code postal", { exact: true }).fill("91000");
  await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
  await page.getByLabel("Nouveau bailleur").check();
  await page.getByLabel("Nom du bailleur").fill(`SCI ${surname}`);
  await page.getByLabel("Loyer mensuel hors charges (€)").fill("650");
  await page.getByText("Compléter maintenant (facultatif)").click();
  await page.getByLabel("Charges mensuelles (€)").fill("50");
  await page.getByLabel("Date de l'acte").fill(today());
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  // The first write of a fresh app on a loaded machine can take a while.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase(), { timeout: 30_000 });
  await page.goto(`/dossiers?q=${encodeURIComponent(surname.toLowerCase())}`);
  await page.getByRole("link", { name: new RegExp(surname.toUpperCase()) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());
  return new URL(page.url()).pathname.split("/")[2]!;
}

test.describe("Documents et photos", () => {
  test("a jurist attaches the assignation and a photo, then downloads the hearing file with both as annexes, in one PDF", async ({ page, loginAs }, testInfo) => {
    // Two uploads, a refusal, a filter and the bundle: each a round trip on a loaded machine.
    test.setTimeout(300_000);
    const surname = `Documents-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("juriste");
    const caseId = await newCase(page, surname);

    await page.getByRole("link", { name: /Documents et photos/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Documents et photos" })).toBeVisible();
    await expect(page.getByText("Aucun document pour ce dossier.")).toBeVisible();
    await expectNoAxeViolations(page);
    const form = page.getByRole("region", { name: "Ajouter un document ou une photo" });

    // A PNG renamed .pdf: refused in French next to the file, and what was typed stays.
    await form.getByLabel("Type de document").selectOption({ label: "Assignation" });
    await form.getByLabel("Date du document").fill("2026-05-12");
    await form.getByLabel("Note").fill("Remise à l'étude le 12 mai");
    await form.getByLabel("Choisir un fichier").setInputFiles({ name: "assignation.pdf", mimeType: "application/pdf", buffer: Buffer.from(pngFixture()) });
    await form.getByRole("button", { name: "Ajouter le document" }).click();
    await expect(form.getByRole("alert")).toContainText("Le document n'a pas été ajouté");
    await expect(form.getByText("Le contenu du fichier ne correspond pas à son extension")).toBeVisible();
    await expect(form.getByLabel("Note")).toHaveValue("Remise à l'étude le 12 mai");
    await expect(form.getByLabel("Type de document")).toHaveValue("ASSIGNATION");
    await expectNoAxeViolations(page);

    // The real assignation.
    await form.getByLabel("Choisir un fichier").setInputFiles({ name: "assignation.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdfFixture("Assignation devant le juge des contentieux de la protection", 2)) });
    await form.getByRole("button", { name: "Ajouter le document" }).click();
    await expect(form.getByRole("status")).toHaveText("Document ajouté.");
    const list = page.getByRole("list", { name: "Documents du dossier" });
    await expect(list.getByRole("heading", { name: "Assignation du 12/05/2026" })).toBeVisible();

    // A photo of the dwelling, with a GPS position in its EXIF.
    await form.getByLabel("Type de document").selectOption({ label: "Photo du logement" });
    await form.getByLabel("Date du document").fill("2026-06-01");
    await form.getByLabel("Choisir un fichier").setInputFiles({ name: "salle-de-bain.jpg", mimeType: "image/jpeg", buffer: Buffer.from(jpegWithGpsFixture(64, 48)) });
    await form.getByRole("button", { name: "Ajouter le document" }).click();
    await expect(list.getByRole("heading", { name: "Photo du logement du 01/06/2026" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Documents du dossier (2)" })).toBeVisible();

    // Filter by kind.
    await page.getByRole("region", { name: /^Documents du dossier/ }).getByLabel("Type de document").selectOption({ label: "Assignation" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expectNoAxeViolations(page);

    // Preview: inline under a restrictive CSP; download: attachment, nosniff, no-store.
    const previewHref = (await list.getByRole("link", { name: /^Aperçu : Assignation/ }).getAttribute("href"))!;
    const preview = await page.request.get(previewHref);
    expect(preview.headers()["content-disposition"]).toMatch(/^inline;/);
    expect(preview.headers()["content-type"]).toBe("application/pdf");
    expect(preview.headers()["content-security-policy"]).toContain("default-src 'none'");
    const downloadHref = (await list.getByRole("link", { name: /^Télécharger : Assignation/ }).getAttribute("href"))!;
    const download = await page.request.get(downloadHref);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="assignation.pdf"/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["cache-control"]).toContain("no-store");

    // The hearing file with both documents as annexes, appended into one PDF.
    await page.goto(`/dossiers/${caseId}/audience`);
    const pieces = page.getByRole("region", { name: "Pièces jointes" });
    await pieces.getByLabel(/^Photo du logement du 01\/06\/2026/).check();
    await pieces.getByLabel(/^Assignation du 12\/05\/2026/).check();
    await pieces.getByLabel("Joindre les documents eux-mêmes à la suite du dossier (un seul PDF)").check();
    await expectNoAxeViolations(page);
    const [file] = await Promise.all([page.waitForEvent("download"), pieces.getByRole("button", { name: "Télécharger le dossier d'audience avec ces pièces" }).click()]);
    expect(file.suggestedFilename()).toMatch(/^dossier-audience-\d+-avec-pieces\.pdf$/);
    const bytes = new Uint8Array(fs.readFileSync((await file.path())!));
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = norm(text);
    // The order of the list on the page: the assignation (12/05) before the photo (01/06).
    expect(flat).toContain("Pièce n° 1 : assignation du 12/05/2026");
    expect(flat).toContain("Pièce n° 2 : photo du logement du 01/06/2026");
    expect(flat).toContain("Assignation devant le juge des contentieux de la protection (page 2)");
    // The hearing file (one page at least), then cover + the assignation's 2 pages, cover + the photo's page.
    expect(pdf.numPages).toBeGreaterThanOrEqual(1 + 3 + 2);
    expect(flat.match(/Assignation devant le juge des contentieux de la protection \(page \d\)/g)).toHaveLength(2);
  });

  test("a social worker adds a photo of the dwelling with the phone's camera @phone", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(120_000);
    const surname = `Photo-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("travail-social");
    const caseId = await newCase(page, surname);
    await page.goto(`/dossiers/${caseId}/documents`);
    await expectNoAxeViolations(page);
    const form = page.getByRole("region", { name: "Ajouter un document ou une photo" });
    const camera = form.getByLabel("Prendre une photo");
    // The phone opens its camera directly.
    await expect(camera).toHaveAttribute("capture", "environment");
    await expect(camera).toHaveAttribute("accept", "image/*");
    await camera.setInputFiles({ name: "image.jpg", mimeType: "image/jpeg", buffer: Buffer.from(jpegWithGpsFixture(64, 48)) });
    // Taking a photo proposes its kind.
    await expect(form.getByLabel("Type de document")).toHaveValue("HOUSING_PHOTO");
    await expect(form.getByText("Fichier choisi : image.jpg")).toBeVisible();
    await form.getByRole("button", { name: "Ajouter le document" }).click();
    await expect(form.getByRole("status")).toHaveText("Document ajouté.");
    const list = page.getByRole("list", { name: "Documents du dossier" });
    await expect(list.getByRole("heading", { name: `Photo du logement du ${frDay(today())}` })).toBeVisible();
    const previewHref = (await list.getByRole("link", { name: /^Aperçu : Photo du logement/ }).getAttribute("href"))!;
    const preview = await page.request.get(previewHref);
    expect(preview.headers()["content-type"]).toBe("image/jpeg");
    expect(preview.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    await expectNoAxeViolations(page);
  });

  test("a user of another team finds neither the documents page nor a document", async ({ page, loginAs }) => {
    test.setTimeout(150_000);
    await loginAs("juriste");
    const caseId = await newCase(page, `Isolement-${Date.now().toString(36)}`);
    await page.goto(`/dossiers/${caseId}/documents`);
    const form = page.getByRole("region", { name: "Ajouter un document ou une photo" });
    await form.getByLabel("Type de document").selectOption({ label: "Bail" });
    await form.getByLabel("Choisir un fichier").setInputFiles({ name: "bail.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdfFixture("Bail")) });
    await form.getByRole("button", { name: "Ajouter le document" }).click();
    await expect(form.getByRole("status")).toHaveText("Document ajouté.");
    const href = (await page.getByRole("link", { name: /^Télécharger : Bail/ }).getAttribute("href"))!;

    await page.context().clearCookies();
    await loginAs("autre-equipe");
    expect((await page.request.get(href)).status()).toBe(404);
    expect((await page.request.get(`${href}/apercu`)).status()).toBe(404);
    const res = await page.goto(`/dossiers/${caseId}/documents`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  });
});

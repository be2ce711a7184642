import { extractText, getDocumentProxy } from "unpdf";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

/** "YYYY-MM" of the month `offset` months from this one, in Paris. */
function parisMonth(offset: number): string {
  const [y, m] = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" }).split("-").map(Number);
  const d = new Date(Date.UTC(y!, m! - 1 + offset, 1));
  return d.toISOString().slice(0, 7);
}

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
const norm = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

test.describe("Dossier d'audience", () => {
  test("a jurist rebuilds the ledger, finds the claimed debt too high, simulates a 24-month plan, records a request and downloads the PDF @phone", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(150_000); // eight saves and a simulation, each a server round trip
    const surname = `Mercier-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("juriste");

    // A household whose landlord claims 3 250 € (650 € of rent + 50 € of charges).
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
    await page.getByLabel("Dette locative déclarée (€)").fill("3 250");
    await page.getByLabel("Date de l'acte").fill(today());
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());

    // From the caseload to the case, then its hearing file.
    await page.goto(`/dossiers?q=${encodeURIComponent(surname.toLowerCase())}`);
    await page.getByRole("link", { name: new RegExp(surname.toUpperCase()) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());
    const caseId = new URL(page.url()).pathname.split("/")[2]!;
    await page.goto(`/dossiers/${caseId}/audience`);
    await expect(page.getByRole("heading", { level: 1, name: "Dossier d'audience" })).toBeVisible();
    await expectNoAxeViolations(page);

    const ledger = page.getByRole("region", { name: "Relevé des loyers" });
    const status = ledger.getByRole("status");
    // Up to this month: the claim is "arrêtée" today, and the comparison needs the
    // ledger to cover every month up to that day (issue 13).
    const months = [-4, -3, -2, -1, 0].map(parisMonth);

    // A bad amount first: the French error is next to its field, and nothing typed is lost.
    await ledger.getByLabel("Mois", { exact: true }).fill(months[0]!);
    await ledger.getByLabel("Loyer dû (€)").fill("650");
    await ledger.getByLabel("Charges dues (€)").fill("50");
    await ledger.getByLabel("Payé par le ménage (€)").fill("12x");
    await ledger.getByLabel("Aide au logement versée au bailleur (€)").fill("82");
    await ledger.getByRole("button", { name: "Ajouter au relevé" }).click();
    await expect(ledger.getByRole("alert")).toContainText("corrigez les champs signalés");
    await expect(ledger.getByText("Le montant payé : montant invalide (ex. 1 234,56).")).toBeVisible();
    await expect(ledger.getByLabel("Payé par le ménage (€)")).toHaveAttribute("aria-invalid", "true");
    await expect(ledger.getByLabel("Payé par le ménage (€)")).toHaveValue("12x");
    await expect(ledger.getByLabel("Aide au logement versée au bailleur (€)")).toHaveValue("82");
    await expect(ledger.getByLabel("Mois", { exact: true })).toHaveValue(months[0]!);
    await expectNoAxeViolations(page);

    // Five months at 700 € due, 82 € of housing benefit each, one payment of 200 €: 2 890 € owed.
    const paid = ["0", "0", "200", "0", "0"];
    for (const [i, month] of months.entries()) {
      await ledger.getByLabel("Mois", { exact: true }).fill(month);
      await ledger.getByLabel("Loyer dû (€)").fill("650");
      await ledger.getByLabel("Charges dues (€)").fill("50");
      await ledger.getByLabel("Payé par le ménage (€)").fill(paid[i]!);
      await ledger.getByLabel("Aide au logement versée au bailleur (€)").fill("82");
      await ledger.getByRole("button", { name: "Ajouter au relevé" }).click();
      await expect(status).toHaveText(/ajouté au relevé\.$/);
      await expect(status).toContainText(String(Number(month.slice(0, 4))));
      // The form is empty again (the month is proposed), ready for the next one.
      await expect(ledger.getByLabel("Payé par le ménage (€)")).toHaveValue("");
    }
    const debt = page.getByRole("region", { name: "Vérification de la dette" });
    await expect(debt).toContainText("Dette réclamée : 3 250,00 € · Dette calculée : 2 890,00 € · Écart : 360,00 € en faveur du locataire");
    await expect(page.getByRole("region", { name: "Reprise du loyer courant" })).toContainText("n'est pas intégralement payé");
    await expectNoAxeViolations(page);

    // The simulator: 1 900 € of resources, 2 people, 380 € of charges, over 24 months.
    const simulator = page.getByRole("region", { name: "Simulation d'un plan d'apurement" });
    await simulator.getByLabel(/Ressources mensuelles/).fill("1 900");
    await simulator.getByLabel(/Nombre de personnes/).fill("2");
    await simulator.getByLabel(/Charges mensuelles hors loyer/).fill("380");
    await simulator.getByLabel(/Durée souhaitée/).fill("24");
    await simulator.getByRole("button", { name: "Simuler le plan" }).click();
    await expect(page).toHaveURL(/duree=24/);
    const result = simulator.getByRole("region", { name: /Résultat/ });
    await expect(result).toContainText("Plan soutenable");
    await expect(result).toContainText("121,00 € par mois pendant 24 mois");
    await expect(result).toContainText("dernière échéance : 107,00 €");
    // The values stay in the form.
    await expect(simulator.getByLabel(/Ressources mensuelles/)).toHaveValue("1 900");
    await expectNoAxeViolations(page);

    // The request for delays to pay, filed today.
    const requests = page.getByRole("region", { name: "Demandes" });
    await requests.getByRole("button", { name: "Mettre à jour : Délais de paiement" }).click();
    await requests.getByLabel("État de la demande").selectOption("FILED");
    await requests.getByLabel("Déposée le").fill(today());
    await requests.getByRole("button", { name: "Enregistrer la demande" }).click();
    await expect(requests.getByRole("status")).toHaveText("Délais de paiement : demande enregistrée.");
    await expect(requests.getByRole("listitem").filter({ hasText: "Délais de paiement" })).toContainText("Déposée");
    await expectNoAxeViolations(page);

    // The PDF carries the simulation; the browser downloads it under the case's number.
    const link = page.getByRole("link", { name: "Télécharger le dossier d'audience (PDF)" });
    const href = (await link.getAttribute("href"))!;
    expect(href).toContain("duree=24");
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="dossier-audience-\d+\.pdf"$/);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true });
    const pdf = norm(text);
    for (const expected of [`Inès ${surname.toUpperCase()}`, "3 250,00 €", "2 890,00 €", "360,00 € en faveur du locataire", "Mensualité proposée : 121,00 € pendant 24 mois", "Déposée"]) {
      expect(pdf, expected).toContain(expected);
    }
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^dossier-audience-\d+\.pdf$/);
  });

  test("a user of another team, or a funder, finds neither the case page, nor its hearing file, nor the PDF", async ({ page, loginAs }) => {
    await loginAs("juriste");
    await page.goto("/dossiers");
    await page.getByRole("main").getByRole("list").getByRole("link").first().click();
    const caseId = new URL(page.url()).pathname.split("/")[2]!;
    for (const outsider of ["autre-equipe", "financeur"] as const) {
      await page.context().clearCookies();
      await loginAs(outsider);
      // The case page itself: "not found", as for an id that does not exist.
      const caseResponse = await page.goto(`/dossiers/${caseId}`);
      expect(caseResponse?.status(), outsider).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
      const pageResponse = await page.goto(`/dossiers/${caseId}/audience`);
      expect(pageResponse?.status(), outsider).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
      const pdf = await page.request.get(`/dossiers/${caseId}/audience/pdf`);
      expect(pdf.status(), outsider).toBe(404);
      expect(pdf.headers()["content-type"]).not.toContain("pdf");
    }
  });
});

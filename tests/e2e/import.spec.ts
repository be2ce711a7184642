import { readFile } from "node:fs/promises";
import { extractText, getDocumentProxy } from "unpdf";
import { encodeWindows1252, sampleRow, SAMPLE_HEADERS, toCells, toCsvText } from "../../lib/domain/import/sample-list";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

test.describe("Import d'une liste de la préfecture", () => {
  test("a coordinator uploads a list, reads the preview with a rejected row and its reason, imports, and sees the result", async ({ page, loginAs }, testInfo) => {
    // Names and references unique to this run, so reruns on the same database stay independent.
    const token = `${testInfo.project.name}${Date.now().toString(36)}`.toUpperCase();
    // Today's date in Paris (not the runner's time zone), at UTC midnight as sampleRow wants it.
    const today = new Date(`${new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" })}T00:00:00Z`);
    const rows = [1, 2, 3].map((i) => {
      const r = sampleRow(i, today);
      return { ...r, "Nom du locataire": `${r["Nom du locataire"]}-${token}`, "Référence de la procédure": `${r["Référence de la procédure"]}-${token}` };
    });
    const bad = { ...sampleRow(4, today), "Nom du locataire": `FAURE-${token}`, "Dette locative": "abc", "Référence de la procédure": `RG-${token}` };
    const csv = encodeWindows1252(toCsvText([[...SAMPLE_HEADERS], ...rows.map(toCells), toCells(bad)]));

    await loginAs("coordination");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Importer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Importer une liste de la préfecture" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Télécharger le modèle CSV" })).toHaveAttribute("href", "/modele-import-prefecture.csv");
    await expectNoAxeViolations(page);

    await page.getByLabel("Fichier de la liste").setInputFiles({ name: `liste-${token}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Voir l'aperçu" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Aperçu de l'import" })).toBeVisible();
    await expect(page.getByText(/CSV Windows, séparateur « ; », 4 lignes/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Lignes rejetées (1)" })).toBeVisible();
    const rejected = page.getByRole("region", { name: "Lignes rejetées", exact: true });
    await expect(rejected.getByRole("row", { name: /Dette locative/ })).toContainText("Dette locative : « abc » n'est pas un montant (ex. 1 234,56).");
    await expect(page.getByRole("heading", { name: "Ménages à créer (3)" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Ménages à créer", exact: true })).toContainText(`${rows[0]!["Nom du locataire"]} ${rows[0]!["Prénom du locataire"]}`);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Importer 3 lignes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Résultat de l'import" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("status").filter({ hasText: "Import enregistré : 3 dossiers créés, 0 complété." })).toBeVisible();
    await expect(page.getByRole("link", { name: "Télécharger la ligne non importée avec son motif (CSV)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Dossiers créés (3)" })).toBeVisible();
    for (const r of rows) await expect(page.getByRole("link", { name: new RegExp(`${r["Nom du locataire"]} ${r["Prénom du locataire"]}`) })).toBeVisible();
    await expectNoAxeViolations(page);

    // Issue 7 acceptance: the first letters of this list, one PDF, name each imported household and its address.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Premiers courriers aux locataires de cette liste (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^premier-courrier-liste-\d{4}-\d{2}-\d{2}\.pdf$/);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await readFile((await download.path())!))), { mergePages: true });
    const letters = text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");
    for (const r of rows) {
      expect(letters).toContain(`${r["Prénom du locataire"]} ${r["Nom du locataire"].toLocaleUpperCase("fr-FR")}`);
      expect(letters).toContain(r.Adresse);
      expect(letters).toContain(`${r["Code postal"]} ${r.Commune}`);
    }
    expect(letters).not.toContain(bad["Nom du locataire"]);
  });

  test("a reference already on file under another household is a conflict the coordinator decides in the preview (issue 14)", async ({ page, loginAs }, testInfo) => {
    const token = `${testInfo.project.name}${Date.now().toString(36)}`.toUpperCase();
    const today = new Date(`${new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" })}T00:00:00Z`);
    const first = { ...sampleRow(11, today), "Nom du locataire": `PREMIER-${token}`, "Référence de la procédure": `RG-C-${token}` };
    const second = { ...sampleRow(12, today), "Nom du locataire": `SECOND-${token}`, "Référence de la procédure": `RG-C-${token}` };
    const upload = async (row: typeof first, name: string) => {
      await page.goto("/import");
      await page.getByLabel("Fichier de la liste").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(toCsvText([[...SAMPLE_HEADERS], toCells(row)]), "utf8") });
      await page.getByRole("button", { name: "Voir l'aperçu" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Aperçu de l'import" })).toBeVisible();
    };

    await loginAs("coordination");
    await upload(first, `premier-${token}.csv`);
    await page.getByRole("button", { name: "Importer 1 ligne" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Résultat de l'import" })).toBeVisible({ timeout: 20_000 });

    await upload(second, `second-${token}.csv`);
    await expect(page.getByRole("heading", { name: "Conflits à trancher (1)" })).toBeVisible();
    const conflict = page.getByRole("group", { name: `Ligne 2 : référence RG-C-${token}` });
    await expect(conflict).toContainText(`PREMIER-${token}`);
    await expect(conflict).toContainText(`SECOND-${token}`);
    await expect(conflict.getByRole("link", { name: /^n° \d+$/ })).toBeVisible();
    await expect(conflict.getByRole("radio", { name: "Ignorer cette ligne" })).toBeChecked();
    await expectNoAxeViolations(page);

    await conflict.getByRole("radio", { name: "Ménage différent : créer un nouveau dossier" }).check();
    await page.getByRole("button", { name: "Appliquer mes choix" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Résultat de l'import" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("link", { name: new RegExp(`SECOND-${token}`) })).toBeVisible();
  });

  test("a list past the row limit is refused next to the file field, in French (issue 14)", async ({ page, loginAs }) => {
    await loginAs("coordination");
    await page.goto("/import");
    const csv = `Nom du locataire;Prénom du locataire\n${"DUPONT;Jean\n".repeat(50_001)}`;
    await page.getByLabel("Fichier de la liste").setInputFiles({ name: "enorme.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Voir l'aperçu" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Le fichier dépasse 50 000 lignes : découpez-le en plusieurs fichiers." })).toBeVisible();
    await expect(page.getByLabel("Fichier de la liste")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
  });
});

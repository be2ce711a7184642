import { readFile } from "node:fs/promises";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

/**
 * Letters (issue 7): a coordinator fixes the team's first letter, prints the
 * batch of due first letters and confirms they were posted; a case's own
 * letters page; other teams and funders find nothing.
 */

const norm = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return norm(text);
}

test.describe("Courriers", () => {
  test("a coordinator corrects a template, prints the due first letters and confirms they were sent", async ({ page, loginAs }) => {
    test.setTimeout(120_000); // six accessibility scans, three saves and a confirmation of every due letter, on 2 shared cores
    await loginAs("coordination");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Courriers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Courriers" })).toBeVisible();
    await expectNoAxeViolations(page);

    // A typo in a merge field: refused, with the French message next to the field.
    await page.getByRole("link", { name: "Modèles de courriers, en-tête et signature" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Premier courrier au locataire" })).toBeVisible();
    await expectNoAxeViolations(page);
    const body = page.getByRole("textbox", { name: "Texte du courrier" });
    const original = await body.inputValue();
    await body.fill(`${original}\n\nVotre conseiller : {{conseiller}}`);
    await page.getByRole("button", { name: "Enregistrer le modèle" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Le formulaire contient des erreurs : corrigez les champs signalés.");
    await expect(body).toHaveAttribute("aria-invalid", "true");
    await expect(body).toHaveAccessibleDescription(/Ligne \d+ : « \{\{conseiller\}\} » n'est pas un champ connu\./);
    await expectNoAxeViolations(page);

    // Fixed with a known field, inserted with its button.
    await body.fill(`${original}\n\nPour toute question : `);
    await page.getByRole("button", { name: "Insérer {{telephone_equipe}} dans le texte" }).click();
    await expect(body).toHaveValue(`${original}\n\nPour toute question : {{telephone_equipe}}`);
    await page.getByRole("button", { name: "Enregistrer le modèle" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Modèle « Premier courrier au locataire » enregistré." })).toBeVisible();
    await expect(body).not.toHaveAttribute("aria-invalid", "true");

    // The letterhead gets the team's phone number, which the new line uses.
    const letterhead = page.getByRole("region", { name: "En-tête et signature" });
    await letterhead.getByRole("textbox", { name: "Téléphone" }).fill("01 60 78 12 34");
    await letterhead.getByRole("button", { name: "Enregistrer l'en-tête" }).click();
    await expect(letterhead.getByRole("status").filter({ hasText: "En-tête et signature enregistrés." })).toBeVisible();

    // The batch of every due first letter.
    await page.goto("/courriers");
    const due = page.getByRole("region", { name: "À envoyer" });
    await due.getByRole("link", { name: "Voir la liste et confirmer l'envoi : premiers courriers aux locataires" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Premiers courriers aux locataires à envoyer" })).toBeVisible();
    await expectNoAxeViolations(page);
    const households = page.getByRole("region", { name: /^Dans ce lot/ }).getByRole("listitem");
    const count = await households.count();
    expect(count).toBeGreaterThan(0);
    const expected: Array<{ name: string; street: string; town: string }> = [];
    for (let i = 0; i < count; i++) {
      const item = households.nth(i);
      const name = (await item.getByRole("link").innerText()).trim();
      const address = (await item.locator("span").innerText()).split(" · ")[0]!;
      const parts = address.split(", ");
      expected.push({ name, street: parts[0]!, town: parts[parts.length - 1]! });
    }
    const firstCase = await households.first().getByRole("link").getAttribute("href");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^premier-courrier-a-envoyer-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await pdfText(new Uint8Array(await readFile((await download.path())!)));
    for (const h of expected) {
      // "Élodie FERREIRA et Sébastien BERNARD": each tenant on a line of the address block.
      for (const person of h.name.split(/, | et /)) expect(pdf, h.name).toContain(norm(person));
      expect(pdf, h.street).toContain(norm(h.street));
      expect(pdf, h.town).toContain(norm(h.town));
    }
    expect(pdf).toContain("Pour toute question : 01 60 78 12 34");
    expect(pdf).not.toContain("{{");

    // Posted: confirm, and every case of the list gets its letter.
    const confirm = page.getByRole("region", { name: "2. Confirmer l'envoi" });
    await confirm.getByRole("button", { name: "Confirmer l'envoi" }).click();
    await expect(page.getByRole("status").filter({ hasText: count === 1 ? "envoi enregistré" : `${count} envois enregistrés (premiers courriers aux locataires).` })).toBeVisible();
    await expect(page.getByText("Aucun courrier à envoyer dans ce lot.")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(firstCase!);
    await expect(page.getByRole("region", { name: "Historique" })).toContainText("Courrier au locataire");
  });

  test("a case's letters page prints one letter; another team and a funder find neither the page nor the PDF", async ({ page, loginAs }) => {
    await loginAs("juriste");
    await page.goto("/dossiers");
    await page.getByRole("main").getByRole("list").getByRole("link").first().click();
    await page.waitForURL(/\/dossiers\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Dossier n°");
    const caseId = new URL(page.url()).pathname.split("/")[2]!;
    const name = (await page.getByRole("heading", { level: 1 }).innerText()).split("·")[0]!.trim();
    await page.getByRole("link", { name: /^Courriers \(premier courrier/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Courriers");
    await expectNoAxeViolations(page);

    const link = page.getByRole("region", { name: "Premier courrier au locataire" }).getByRole("link", { name: /^Télécharger le PDF/ });
    const href = (await link.getAttribute("href"))!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(await pdfText(new Uint8Array(await response.body()))).toContain(norm(name));

    for (const outsider of ["autre-equipe", "financeur"] as const) {
      await page.context().clearCookies();
      await loginAs(outsider);
      expect((await page.goto(`/courriers/dossiers/${caseId}`))?.status(), outsider).toBe(404);
      const pdf = await page.request.get(href);
      expect(pdf.status(), outsider).toBe(404);
      expect(pdf.headers()["content-type"]).not.toContain("pdf");
    }
    expect((await page.goto("/courriers"))?.status()).toBe(404);
    expect((await page.goto("/courriers/modeles"))?.status()).toBe(404);
  });
});

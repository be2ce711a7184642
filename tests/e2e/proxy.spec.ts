// Issue 14 §1: the app behind a real reverse proxy. nginx terminates TLS with
// a throwaway certificate (scripts/test/nginx-proxy.ts, the configuration of
// docs/deployment.md) and forwards to the app under https://maintien.test:<port>;
// Chromium resolves that name to the loopback (--host-resolver-rules). Runs in
// the "proxy" Playwright project only, which run-all.ts enables by starting
// nginx. Every redirect must stay on the proxy's address: none may point to
// localhost or the app's own port.
import fs from "node:fs";
import type { Page, Response } from "@playwright/test";
import { encodeWindows1252, sampleRow, SAMPLE_HEADERS, toCells, toCsvText } from "../../lib/domain/import/sample-list";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

function parisDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
}

/** Records every response, to check afterwards that nothing left the proxy's origin. */
function watch(page: Page): Response[] {
  const seen: Response[] = [];
  page.on("response", (r) => seen.push(r));
  return seen;
}

test.describe("Derrière un proxy HTTPS (nginx, maintien.test)", () => {
  test("sign-in, new household, a visit, the import's preview and result, a PDF, an export and sign-out, all over HTTPS", async ({ page, loginAs, baseURL }, testInfo) => {
    test.setTimeout(180_000);
    const origin = new URL(baseURL!).origin;
    expect(origin).toMatch(/^https:\/\/maintien\.test:\d+$/);
    const responses = watch(page);

    // Sign-in, over HTTPS: HSTS, and the session cookie is Secure.
    const signInPage = await page.goto("/connexion");
    expect(signInPage?.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
    await expectNoAxeViolations(page);
    await loginAs("coordination");
    expect(new URL(page.url()).origin).toBe(origin);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => /authjs\.session-token$/.test(c.name));
    expect(session?.name).toMatch(/^__Secure-/);
    expect(session?.secure).toBe(true);
    expect(session?.domain).toBe("maintien.test");

    // A new household.
    const surname = `Proxy-${testInfo.project.name}-${Date.now().toString(36)}`;
    await page.goto("/dossiers/nouveau");
    await page.getByLabel("Prénom", { exact: true }).fill("Maëlle");
    await page.getByLabel("Nom", { exact: true }).fill(surname);
    await page.getByLabel("Adresse", { exact: true }).fill("5 rue de la Gare");
    await page.getByLabel("Code postal", { exact: true }).fill("91100");
    await page.getByLabel("Ville", { exact: true }).fill("Corbeil-Essonnes");
    await page.getByLabel("Nouveau bailleur").check();
    await page.getByLabel("Nom du bailleur").fill(`SCI ${surname}`);
    await page.getByLabel("Loyer mensuel hors charges (€)").fill("700");
    await page.getByLabel("Date de l'acte").fill(parisDay(-60));
    // Identified a month ago: the visit below, ten days ago, comes after it (issue 15).
    await page.getByLabel("Date d'identification").fill(parisDay(-30));
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Le dossier a été créé." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());
    expect(new URL(page.url()).origin).toBe(origin);

    // A visit.
    const panel = page.getByRole("region", { name: "Aller-vers" });
    await panel.getByRole("button", { name: "Visite", exact: true }).click();
    await panel.getByLabel("Absent").check();
    await panel.getByLabel("Date", { exact: true }).fill(parisDay(-10));
    await panel.getByLabel("Heure", { exact: true }).fill("18:30");
    await panel.getByRole("button", { name: "Enregistrer la visite" }).click();
    await expect(panel.getByRole("status")).toHaveText("Visite enregistrée.");
    await expectNoAxeViolations(page);

    // The import: the upload's redirect lands on the preview at the proxy's address (it went to localhost before issue 14).
    const token = `PX${Date.now().toString(36)}`.toUpperCase();
    const now = new Date();
    const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
    const rows = [1, 2].map((i) => {
      const r = sampleRow(i, today);
      return { ...r, "Nom du locataire": `${r["Nom du locataire"]}-${token}`, "Référence de la procédure": `${r["Référence de la procédure"]}-${token}` };
    });
    const bad = { ...sampleRow(3, today), "Nom du locataire": `REJET-${token}`, "Dette locative": "abc", "Référence de la procédure": `RG-${token}` };
    await page.goto("/import");
    await page.getByLabel("Fichier de la liste").setInputFiles({
      name: `liste-${token}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(encodeWindows1252(toCsvText([[...SAMPLE_HEADERS], ...rows.map(toCells), toCells(bad)]))),
    });
    await page.getByRole("button", { name: "Voir l'aperçu" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Aperçu de l'import" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
    await expect(page.getByRole("heading", { name: "Ménages à créer (2)" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Importer 2 lignes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Résultat de l'import" })).toBeVisible({ timeout: 30_000 });
    expect(new URL(page.url()).origin).toBe(origin);
    await expect(page.getByRole("heading", { name: "Dossiers créés (2)" })).toBeVisible();

    // A PDF (the list's first letters) and a CSV (its rejected row), downloaded through the proxy.
    const [letters] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Premiers courriers aux locataires de cette liste (PDF)" }).click()]);
    expect(fs.readFileSync((await letters.path())!).subarray(0, 5).toString()).toBe("%PDF-");
    const [rejected] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /ligne non importée/ }).click()]);
    expect(fs.readFileSync((await rejected.path())!, "latin1")).toContain(`REJET-${token}`);

    // An export: the case list in Excel.
    await page.goto("/indicateurs");
    const [list] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Liste des dossiers (Excel)" }).click()]);
    expect(list.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.readFileSync((await list.path())!).subarray(0, 2).toString()).toBe("PK");

    // Sign-out: back on the sign-in page at the proxy's address, and the cookie no longer opens a page.
    await page.goto("/");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(`${origin}/connexion`);
    await page.goto("/dossiers");
    await expect(page).toHaveURL(/\/connexion/);

    // No response anywhere sent the browser off the proxy's origin.
    for (const r of responses) {
      expect(new URL(r.url()).origin, r.url()).toBe(origin);
      const location = r.headers()["location"];
      if (location) expect(new URL(location, r.url()).origin, `Location: ${location}`).toBe(origin);
    }
    expect(responses.some((r) => r.status() === 303)).toBe(true);

    // The requests went through nginx.
    const accessLog = process.env.E2E_PROXY_ACCESS_LOG;
    if (accessLog) expect(fs.readFileSync(accessLog, "utf8")).toContain("POST /import/televerser");
  });
});

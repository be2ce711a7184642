// Issue 18: the round without a network. The social worker opens "Ma tournée"
// online, goes offline, opens cases from it, logs visits (kept on the phone),
// reloads, goes online: each visit is recorded once with the time she typed;
// a case closed by a colleague meanwhile comes back "à revoir" with the
// reason; after sign-out nothing personal stays in Cache Storage or IndexedDB.
// Times are typed days in the past (parisDay): nothing depends on the hour.
import type { Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, login, test } from "./support/fixtures";

/** A calendar day `offset` days from today in Paris. */
function parisDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
}
const frDay = (iso: string) => iso.split("-").reverse().join("/");

/** A household identified ten days ago whose tenant letter went out three days ago: its first visit is on the round. */
async function householdOnRound(page: Page, surname: string): Promise<string> {
  await page.goto("/dossiers/nouveau");
  await page.getByLabel("Nom", { exact: true }).fill(surname);
  await page.getByLabel("Adresse", { exact: true }).fill("3 allée des Tilleuls");
  await page.getByLabel("Code postal", { exact: true }).fill("91100");
  await page.getByLabel("Ville", { exact: true }).fill("Corbeil-Essonnes");
  await page.getByLabel("Date de l'acte").fill(parisDay(-40));
  await page.getByLabel("Date d'identification").fill(parisDay(-10));
  await page.getByLabel("Bailleur", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Loyer mensuel hors charges (€)").fill("610");
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());
  const caseId = new URL(page.url()).pathname.split("/")[2]!;
  const panel = page.getByRole("region", { name: "Aller-vers" });
  await panel.getByRole("button", { name: "Courrier au locataire", exact: true }).click();
  await panel.getByLabel("Date", { exact: true }).fill(parisDay(-3));
  await panel.getByLabel("Heure", { exact: true }).fill("10:00");
  await panel.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").first()).toBeVisible();
  return caseId;
}

/** Logs a visit on the case page shown (offline: kept on the phone). */
async function logVisit(page: Page, outcome: "Absent" | "Ménage rencontré", day: string, time: string, pending: number) {
  const panel = page.getByRole("region", { name: "Aller-vers" });
  await panel.getByRole("button", { name: "Visite", exact: true }).click();
  await panel.getByLabel(outcome).check();
  if (outcome === "Absent") await expect(panel.getByLabel("Avis de passage déposé")).toBeChecked();
  await panel.getByLabel("Date", { exact: true }).fill(day);
  await panel.getByLabel("Heure", { exact: true }).fill(time);
  await panel.getByRole("button", { name: "Enregistrer la visite" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Enregistrée sur le téléphone : sera envoyée au retour du réseau (${pending} en attente).` })).toBeVisible();
}

/** Opens a case from the round (offline: the copy kept on the phone). */
async function openFromRound(page: Page, surname: string) {
  await page.goto("/tournee");
  await expect(page.getByRole("heading", { level: 1, name: "Ma tournée" })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(surname.toUpperCase()) }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());
}

async function closeCaseAsColleague(browser: Browser, baseURL: string | undefined, caseId: string) {
  const context = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await login(page, "coordination");
  await page.goto(`/dossiers/${caseId}`);
  const panel = page.getByRole("region", { name: "Aller-vers" });
  await panel.getByRole("button", { name: "Clôturer", exact: true }).click();
  await panel.getByLabel("Motif de clôture").selectOption({ label: "Déjà suivi par l'association (ASLL)" });
  await panel.getByRole("button", { name: "Clôturer le dossier" }).click();
  await expect(page.getByRole("status").first()).toBeVisible();
  await context.close();
}

/** What the phone holds: the URLs in Cache Storage and the outbox's entries in IndexedDB. */
async function onThePhone(page: Page): Promise<{ cachedPages: string[]; outbox: unknown[]; databases: string[] }> {
  return page.evaluate(async () => {
    const cachedPages: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) {
        const path = new URL(req.url).pathname;
        if (!path.startsWith("/_next/static/") && !path.startsWith("/icons/") && path !== "/manifest.webmanifest") cachedPages.push(`${name} ${path}`);
      }
    }
    const databases = (await indexedDB.databases()).map((d) => d.name ?? "");
    let outbox: unknown[] = [];
    if (databases.includes("maintien-hors-ligne")) {
      outbox = await new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("maintien-hors-ligne");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("outbox")) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction("outbox").objectStore("outbox").getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      });
    }
    return { cachedPages, outbox, databases };
  });
}

test.describe("La tournée sans réseau", () => {
  test("visits logged offline are kept, sent once with their time, a closed case is 'à revoir', sign-out leaves nothing @phone", async ({ page, context, browser, baseURL }, testInfo) => {
    test.setTimeout(300_000);
    const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
    const [absent, met, closed] = [`Hors-Ligne-A-${stamp}`, `Hors-Ligne-B-${stamp}`, `Hors-Ligne-C-${stamp}`];
    await login(page, "travail-social");
    const ids = { absent: await householdOnRound(page, absent), met: await householdOnRound(page, met), closed: await householdOnRound(page, closed) };

    // Online: "Ma tournée" copies itself and its cases to the phone, and says when.
    await page.goto("/tournee");
    await expect(page.getByText(/^Disponible hors ligne sur ce téléphone : données du .+ à \d\d:\d\d\.$/)).toBeVisible({ timeout: 60_000 });
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 60_000 });

    // Offline: two cases opened from the round, a visit logged on each.
    await context.setOffline(true);
    const yesterday = parisDay(-1);
    await openFromRound(page, absent);
    await expect(page.getByRole("status").filter({ hasText: /^Hors ligne\. Cette page est la copie gardée sur le téléphone : données du / })).toBeVisible();
    await logVisit(page, "Absent", yesterday, "18:30", 1);
    await openFromRound(page, met);
    await logVisit(page, "Ménage rencontré", yesterday, "18:45", 2);
    await expectNoAxeViolations(page);

    // A reload without network: still 2 waiting.
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "(2 en attente)" })).toBeVisible();
    await expectNoAxeViolations(page);

    // A third visit, on a case a colleague closes meanwhile.
    await openFromRound(page, closed);
    await logVisit(page, "Ménage rencontré", yesterday, "19:00", 3);
    const typed = (await onThePhone(page)).outbox;
    expect(typed).toHaveLength(3);
    await closeCaseAsColleague(browser, baseURL, ids.closed);

    // Back online: sent in order, each once; the closed case's visit is "à revoir" with its reason and what was typed.
    await context.setOffline(false);
    await expect(page.getByRole("status").filter({ hasText: "Les 2 saisies faites hors ligne ont été envoyées et enregistrées." })).toBeVisible({ timeout: 30_000 });
    const review = page.getByRole("region", { name: /À revoir \(1\)/ });
    await expect(review).toContainText("Motif : Le dossier a changé depuis votre saisie hors ligne : ");
    await expect(review).toContainText(`Visite à domicile ; le ${frDay(yesterday)} à 19:00 ; Résultat : Ménage rencontré`);
    await expectNoAxeViolations(page);
    expect((await onThePhone(page)).outbox).toHaveLength(1);

    for (const [id, time, text] of [
      [ids.absent, "18:30", "avis de passage déposé"],
      [ids.met, "18:45", "Visite à domicile"],
    ] as const) {
      await page.goto(`/dossiers/${id}?section=historique`);
      const history = page.getByRole("region", { name: "Historique" });
      await expect(history.getByRole("listitem").filter({ hasText: `${frDay(yesterday)} à ${time}` })).toHaveCount(1);
      await expect(history.getByRole("listitem").filter({ hasText: `${frDay(yesterday)} à ${time}` })).toContainText(text);
    }

    // The same outbox sent again records nothing new.
    const replay = await page.evaluate(async (items) => {
      const res = await fetch("/hors-ligne/envoi", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ items }) });
      return (await res.json()) as { results: Array<{ status: string }> };
    }, (typed as Array<{ clientId: string; workerId: string; fields: Record<string, string> }>).map((e) => ({ clientId: e.clientId, workerId: e.workerId, fields: e.fields })));
    expect(replay.results.map((r) => r.status).sort()).toEqual(["already", "already", "review"]);
    await page.goto(`/dossiers/${ids.absent}?section=historique`);
    await expect(page.getByRole("region", { name: "Historique" }).getByRole("listitem").filter({ hasText: "Visite à domicile" })).toHaveCount(1);

    // Sign-out: no page and no outbox entry stays on the phone.
    expect((await onThePhone(page)).cachedPages.length).toBeGreaterThan(0);
    const menu = page.getByRole("button", { name: "Menu" });
    if (await menu.isVisible()) await menu.click();
    // The "à revoir" entry was never recorded: the sign-out asks before deleting it.
    const asked = new Promise<string>((resolve) =>
      page.once("dialog", (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    expect(await asked).toContain("1 saisie faite hors ligne n'est pas encore enregistrée");
    await page.waitForURL((url) => url.pathname.startsWith("/connexion"));
    const left = await onThePhone(page);
    expect(left.cachedPages).toEqual([]);
    expect(left.outbox).toEqual([]);
    expect(JSON.stringify(left)).not.toContain(DEMO_ACCOUNTS["travail-social"]);
  });
});

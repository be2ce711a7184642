// Issue 15, acceptance: a real team's first week on a fresh embedded database
// with NO demo data. This journey starts its own app (scripts/start.ts on an
// empty DATA_DIR, with the build the suite already made) beside the demo app
// the other journeys use, reads the one-time setup code from its output, and
// stops it at the end. Dates are calendar days relative to today in Paris.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, expectNoAxeViolations, test } from "./support/fixtures";
import { freePort } from "../../scripts/net/free-port";

// Playwright runs from the project's root (playwright.config.ts), like scripts/test/run-all.ts.
const ROOT = process.cwd();
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const ADMIN = { name: "Agnès Leroy", email: "agnes.leroy@empe91.fr", password: "des volets bleus à Évry" };
const WORKER = { name: "Inès Garnier", email: "ines.garnier@empe91.fr", password: "un jardin partagé à Massy" };

/** A calendar day `offset` days from today in Paris, as an <input type="date"> wants it. */
function parisDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
}


interface FreshApp {
  url: string;
  setupCode: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start` on an empty data folder: no DEMO, no scenario, no DATABASE_URL. */
async function startFreshApp(): Promise<FreshApp> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-first-week-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  for (const key of ["DATABASE_URL", "DATABASE_POOL_MAX", "AUTH_SECRET", "DEMO", "SEED_SCENARIOS", "NODE_ENV", "HOSTNAME", "EMBEDDED_DB_DIR", "MAINTIEN_SETUP_CODE"]) {
    Reflect.deleteProperty(env, key);
  }
  const child: ChildProcess = spawn(process.execPath, [TSX_CLI, "scripts/start.ts", "--no-build"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const ready = new Promise<boolean>((resolve) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Maintien est prêt")) resolve(true);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void closed.then(() => resolve(false));
  });
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    const killer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 20_000);
    await closed;
    clearTimeout(killer);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (!(await ready)) {
    await stop();
    throw new Error(`the fresh app did not start:\n${log.slice(-3000)}`);
  }
  const code = /Code d'installation : ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(log)?.[1];
  if (!code) {
    await stop();
    throw new Error(`no setup code in the output:\n${log.slice(-3000)}`);
  }
  const url = `http://localhost:${port}`;
  // A fresh server loads each route's code on its first request: warm the first pages up on this loaded machine.
  for (const route of ["/installation", "/installation/equipe", "/connexion"]) {
    await fetch(`${url}${route}`, { redirect: "manual", signal: AbortSignal.timeout(90_000) }).catch(() => undefined);
  }
  return { url, setupCode: code, output: () => log, stop };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel(/^\s*Adresse e-mail\s*\*?\s*$/).fill(email);
  await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  // The second app's pages are loaded for the first time during this journey.
  page.setDefaultNavigationTimeout(60_000);
  page.setDefaultTimeout(30_000);
  return page;
}

/** The second app answers slower on first hits: more patience than the suite's 5 s. */
const slowExpect = expect.configure({ timeout: 30_000 });

let app: FreshApp | null = null;

test.describe("Première semaine d'une équipe réelle", () => {
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    app = await startFreshApp();
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("setup → team, two sectors, admin; a social worker enters a case identified 3 weeks ago; the median delay is 2 weeks; no demo account", async ({ browser }) => {
    test.setTimeout(420_000);
    const url = app!.url;
    expect(app!.output()).not.toContain("Comptes de démonstration");

    // 1. The first visit offers the two choices.
    const admin = await newPage(browser, url);
    await admin.goto("/");
    await slowExpect(admin).toHaveURL(/\/installation$/);
    await slowExpect(admin.getByRole("heading", { level: 1, name: "Premier démarrage" })).toBeVisible();
    await slowExpect(admin.getByRole("heading", { name: "Explorer la démo" })).toBeVisible();
    await expectNoAxeViolations(admin);
    await admin.getByRole("link", { name: "Installer une équipe réelle" }).click();
    await slowExpect(admin.getByRole("heading", { level: 1, name: "Installer une équipe" })).toBeVisible();
    await expectNoAxeViolations(admin);

    // A wrong code is refused, nothing typed is lost.
    await admin.getByLabel("Code d'installation").fill("AAAA-BBBB-CCCC");
    await admin.getByLabel("Nom de l'équipe").fill("Équipe mobile Essonne");
    await admin.getByLabel("Département").fill("91");
    await admin.getByLabel("ADIL partenaire").fill("ADIL 91");
    await admin.getByLabel("Association partenaire").fill("Tout Azimut");
    await admin.getByLabel("Téléphone").fill("01 60 78 12 34");
    await admin.getByLabel("E-mail", { exact: true }).fill("contact@empe91.fr");
    await admin.getByLabel("Adresse postale").fill("1 place de l'Hôtel de ville\n91000 Évry-Courcouronnes");
    await admin.getByLabel("Secteur 1 : nom").fill("Nord");
    await admin.getByLabel("Secteur 1 : codes postaux et communes").fill("91200, 91300, Juvisy-sur-Orge");
    await admin.getByLabel("Secteur 2 : nom").fill("Sud");
    await admin.getByLabel("Secteur 2 : codes postaux et communes").fill("91000, 91080");
    await admin.getByLabel("Votre nom").fill(ADMIN.name);
    await admin.getByLabel("Votre adresse e-mail").fill(ADMIN.email);
    await admin.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(ADMIN.password);
    await admin.getByLabel("Mot de passe, encore une fois").fill(ADMIN.password);
    await admin.getByRole("button", { name: "Installer l'équipe" }).click();
    await slowExpect(admin.getByRole("main").getByRole("alert").first()).toContainText("Le code d'installation ne correspond pas");
    await slowExpect(admin.getByLabel("Secteur 2 : codes postaux et communes")).toHaveValue("91000, 91080");
    await expectNoAxeViolations(admin);

    await admin.getByLabel("Code d'installation").fill(app!.setupCode);
    await admin.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(ADMIN.password);
    await admin.getByLabel("Mot de passe, encore une fois").fill(ADMIN.password);
    await admin.getByRole("button", { name: "Installer l'équipe" }).click();
    await slowExpect(admin).toHaveURL(/\/connexion\?installation=terminee/);
    await slowExpect(admin.getByRole("status")).toContainText("L'équipe est installée");
    await expectNoAxeViolations(admin);

    // The setup page is gone for good.
    const gone = await admin.request.get("/installation/equipe");
    expect(gone.status()).toBe(404);

    // 2. The admin signs in and invites a social worker.
    await signIn(admin, ADMIN.email, ADMIN.password);
    await slowExpect(admin.getByRole("heading", { level: 1, name: `Bonjour ${ADMIN.name}` })).toBeVisible();
    await expectNoAxeViolations(admin);
    await admin.goto("/administration/utilisateurs");
    const form = admin.getByRole("region", { name: "Inviter une personne" });
    await form.getByLabel("Prénom et nom").fill(WORKER.name);
    await form.getByLabel("Adresse e-mail").fill(WORKER.email);
    await form.getByLabel("Rôle").selectOption({ label: "Travailleur social" });
    await form.getByRole("button", { name: "Créer l'invitation" }).click();
    await slowExpect(form.getByRole("status").first()).toContainText(`Invitation créée pour ${WORKER.name}`);
    const link = new URL(await form.getByLabel("Lien d'invitation (à usage unique)").inputValue()).pathname;
    await expectNoAxeViolations(admin);

    // 3. She sets her password and signs in.
    const worker = await newPage(browser, url);
    await worker.goto(link);
    await worker.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(WORKER.password);
    await worker.getByLabel("Mot de passe, encore une fois").fill(WORKER.password);
    await worker.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await slowExpect(worker).toHaveURL(/\/connexion\?invitation=acceptee/);
    await signIn(worker, WORKER.email, WORKER.password);
    await slowExpect(worker.getByRole("heading", { level: 1, name: `Bonjour ${WORKER.name}` })).toBeVisible();

    // 4. A household identified three weeks ago, typed in today: its postcode puts it in "Nord".
    await worker.goto("/dossiers/nouveau");
    await worker.getByLabel("Prénom", { exact: true }).fill("Gaëlle");
    await worker.getByLabel("Nom", { exact: true }).fill("Lefèvre");
    await worker.getByLabel("Adresse", { exact: true }).fill("3 rue Pasteur");
    await worker.getByLabel("Code postal", { exact: true }).fill("91300");
    await worker.getByLabel("Ville", { exact: true }).fill("Massy");
    await worker.getByLabel("Nouveau bailleur").check();
    await worker.getByLabel("Nom du bailleur").fill("SCI des Coteaux");
    await worker.getByLabel("Loyer mensuel hors charges (€)").fill("720");
    await worker.getByLabel("Date de l'acte").fill(parisDay(-60));
    await slowExpect(worker.getByLabel("Date d'identification")).toHaveValue(parisDay(0));
    await worker.getByLabel("Date d'identification").fill(parisDay(-21));
    await worker.getByLabel("Origine du signalement").selectOption({ label: "CCAPEX" });
    await expectNoAxeViolations(worker);
    await worker.getByRole("button", { name: "Créer le dossier" }).click();
    await slowExpect(worker.getByRole("heading", { level: 1 })).toContainText("LEFÈVRE");
    // The sector is in the case page's "Ménage" section (issue 16).
    await worker.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Ménage" }).click();
    await slowExpect(worker.getByRole("definition").filter({ hasText: /^Nord$/ })).toBeVisible();
    await expectNoAxeViolations(worker);

    // 5. A letter and a visit, both last week, logged after the fact.
    const panel = worker.getByRole("region", { name: "Aller-vers" });
    await panel.getByRole("button", { name: "Courrier au locataire", exact: true }).click();
    await panel.getByLabel("Date", { exact: true }).fill(parisDay(-7));
    await panel.getByLabel("Heure", { exact: true }).fill("10:00");
    await panel.getByRole("button", { name: "Enregistrer" }).click();
    await slowExpect(panel.getByRole("status")).toHaveText("Courrier au locataire enregistré.");
    await panel.getByRole("button", { name: "Visite", exact: true }).click();
    await panel.getByLabel("Ménage rencontré").check();
    await panel.getByLabel("Date", { exact: true }).fill(parisDay(-7));
    await panel.getByLabel("Heure", { exact: true }).fill("18:30");
    await panel.getByRole("button", { name: "Enregistrer la visite" }).click();
    await slowExpect(panel.getByRole("status")).toContainText("Visite enregistrée");
    await expectNoAxeViolations(worker);

    // 6. The dashboard: identified 21 days ago, first contact 7 days ago: 14 days, never negative.
    await admin.goto("/indicateurs");
    const figure = admin.getByRole("definition").filter({ hasText: /\d+,\d j/ });
    await slowExpect(figure).toHaveText("14,0 j");
    await expectNoAxeViolations(admin);

    // 7. No demo account exists in this database.
    const stranger = await newPage(browser, url);
    await signIn(stranger, DEMO_ACCOUNTS.admin, DEMO_PASSWORD);
    await slowExpect(stranger.getByRole("main").getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
    await expectNoAxeViolations(stranger);
  });
});

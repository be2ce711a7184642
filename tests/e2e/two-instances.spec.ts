// Issue 14 §2: two app instances (`npm start` twice) on one PostgreSQL, the
// way Maintien grows past one machine. One browser alternates between them as
// a load balancer would: everything that must be shared lives in the database
// (sessions, sign-in failure counters, used TOTP steps, uploads awaiting
// confirmation). Reuses the build `npm test` made for the journeys.
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "@playwright/test";
import { encodeWindows1252, sampleRow, SAMPLE_HEADERS, toCells, toCsvText } from "../../lib/domain/import/sample-list";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect as baseExpect, test } from "./support/fixtures";
import { postgresAvailable, startCluster, startInstance, type Cluster, type Instance } from "./support/app-instances";

test.describe.configure({ mode: "serial" });

// Two fresh servers on a shared, loaded machine: their first answers are slow.
const expect = baseExpect.configure({ timeout: 20_000 });
test.use({ navigationTimeout: 45_000, actionTimeout: 20_000 });

/** Loads the pages' code once (unauthenticated requests end in a redirect, after the route's modules are loaded). */
async function warmUp(origin: string): Promise<void> {
  for (const p of ["/", "/dossiers/nouveau", "/dossiers", "/import", "/import/apercu", "/compte"]) await fetch(`${origin}${p}`, { redirect: "manual" }).catch(() => undefined);
}

let cluster: Cluster | undefined;
let A: Instance | undefined;
let B: Instance | undefined;

test.beforeAll(async () => {
  test.skip(!postgresAvailable(), "PostgreSQL binaries not found (apt-get install postgresql)");
  test.setTimeout(480_000);
  cluster = startCluster();
  // The same secret on every instance (docs/deployment.md); A applies the migrations and seeds the demo.
  const env = { DATABASE_URL: cluster.url, AUTH_SECRET: "two-instances-e2e-secret-0123456789abcdef", DATABASE_POOL_MAX: "5" };
  A = await startInstance("instance-a", { ...env, DEMO: "1" });
  B = await startInstance("instance-b", env);
  await Promise.all([warmUp(A.url), warmUp(B.url)]);
});

test.afterAll(async () => {
  await Promise.all([A?.stop(), B?.stop()]);
  cluster?.stop();
});

async function signIn(page: Page, origin: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${origin}/connexion`);
  await page.getByLabel(/^\s*Adresse e-mail\s*\*?\s*$/).fill(email);
  await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("sign in on A, record on B; an upload previewed on A is imported on B; a copied cookie dies at sign-out on both", async ({ browser }) => {
  test.setTimeout(180_000);
  const [a, b] = [A!.url, B!.url];
  const page = await newPage(browser);
  await signIn(page, a, DEMO_ACCOUNTS.coordination);
  await expect(page.getByRole("heading", { level: 1, name: /^Bonjour/ })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(a);

  // Record on B with the session opened on A: a new household.
  const surname = `Deux-Instances-${Date.now().toString(36)}`;
  await page.goto(`${b}/dossiers/nouveau`);
  await page.getByLabel("Nom", { exact: true }).fill(surname);
  await page.getByLabel("Prénom", { exact: true }).fill("Léa");
  await page.getByLabel("Adresse", { exact: true }).fill("3 rue des Lilas");
  await page.getByLabel("Code postal", { exact: true }).fill("91000");
  await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
  await page.getByLabel("Nouveau bailleur").check();
  await page.getByLabel("Nom du bailleur").fill("SCI des Deux Rives");
  await page.getByLabel("Loyer mensuel hors charges (€)").fill("600");
  await page.getByLabel("Date de l'acte").fill("2026-10-02");
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le dossier a été créé." })).toBeVisible();
  const casePath = new URL(page.url()).pathname;
  await page.goto(`${a}${casePath}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Léa ${surname.toUpperCase()}`);

  // An upload previewed on A, imported on B. The upload's redirect is a path:
  // the browser stays on the address it used (issue 14 §1).
  const now = new Date();
  const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  const token = Date.now().toString(36).toUpperCase();
  const rows = [1, 2].map((i) => {
    const r = sampleRow(i, today);
    return { ...r, "Nom du locataire": `${r["Nom du locataire"]}-${token}`, "Référence de la procédure": `${r["Référence de la procédure"]}-${token}` };
  });
  await page.goto(`${a}/import`);
  await page.getByLabel("Fichier de la liste").setInputFiles({ name: `liste-${token}.csv`, mimeType: "text/csv", buffer: Buffer.from(encodeWindows1252(toCsvText([[...SAMPLE_HEADERS], ...rows.map(toCells)]))) });
  await page.getByRole("button", { name: "Voir l'aperçu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aperçu de l'import" })).toBeVisible();
  const preview = new URL(page.url());
  expect(preview.origin).toBe(a);
  await page.goto(`${b}${preview.pathname}${preview.search}`);
  await expect(page.getByRole("heading", { name: "Ménages à créer (2)" })).toBeVisible();
  await page.getByRole("button", { name: "Importer 2 lignes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Résultat de l'import" })).toBeVisible({ timeout: 30_000 });
  expect(new URL(page.url()).origin).toBe(b);
  await expect(page.getByRole("heading", { name: "Dossiers créés (2)" })).toBeVisible();

  // A copy of the cookie works on B… until the person signs out on A.
  const thief = await browser.newContext();
  await thief.addCookies(await page.context().cookies());
  const stolen = await thief.newPage();
  await stolen.goto(`${b}/dossiers`);
  await expect(stolen.getByRole("heading", { level: 1, name: "Dossiers de l'équipe" })).toBeVisible();
  await page.goto(`${a}/`);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(`${a}/connexion`);
  await stolen.goto(`${b}/dossiers`);
  await expect(stolen).toHaveURL(/\/connexion/);
  await stolen.goto(`${a}/dossiers`);
  await expect(stolen).toHaveURL(/\/connexion/);
  await thief.close();
  await page.context().close();
});

test("a TOTP code used on A is refused on B", async ({ browser }) => {
  test.setTimeout(120_000);
  const [a, b] = [A!.url, B!.url];
  const email = DEMO_ACCOUNTS.juriste;
  const page = await newPage(browser);
  await signIn(page, a, email);
  await expect(page.getByRole("heading", { level: 1, name: /^Bonjour/ })).toBeVisible();
  await page.goto(`${a}/compte`);
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  await page.getByLabel("Code affiché par l'application").fill(totp.generate());
  await page.getByRole("button", { name: "Confirmer et activer" }).click();
  await expect(page.getByText(/^Activée depuis le/)).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  // Sign-out first sends the offline outbox: wait for it to end before signing in again.
  await expect(page).toHaveURL(`${a}/connexion`);

  // The next step's code (the enrolment used this one) signs in on A…
  const code = totp.generate({ timestamp: Date.now() + 30_000 });
  await signIn(page, a, email);
  await page.getByLabel("Code de vérification").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bonjour/ })).toBeVisible();

  // …and is refused on B, within its validity.
  const other = await newPage(browser);
  await signIn(other, b, email);
  await other.getByLabel("Code de vérification").fill(code);
  await other.getByRole("button", { name: "Valider le code" }).click();
  await expect(other.getByLabel("Code de vérification")).toHaveAccessibleDescription(/Code incorrect ou déjà utilisé/);
  await other.context().close();
  await page.context().close();
});

test("the sign-in rate limit counts the failures made on both instances", async ({ browser }) => {
  test.setTimeout(180_000);
  const [a, b] = [A!.url, B!.url];
  const page = await newPage(browser);
  const alert = page.getByRole("main").getByRole("alert");
  // The address's budget is 20 failures in 15 minutes. The wrong TOTP code on B
  // (previous test) was the first; 18 more alternate between A and B (unknown
  // e-mails: no account lockout gets in the way).
  for (let i = 1; i <= 18; i++) {
    await signIn(page, i % 2 ? a : b, `inconnu.${i}.${Date.now().toString(36)}@exemple.fr`, "pas le bon mot de passe");
    // The form comes back empty once the answer is in: only then the next attempt.
    await expect(page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/)).toHaveValue("");
    await expect(alert).toContainText("Adresse e-mail ou mot de passe incorrect.");
  }
  // The 20th failure, on B, uses up the budget…
  await signIn(page, b, `inconnu.19.${Date.now().toString(36)}@exemple.fr`, "pas le bon mot de passe");
  await expect(alert).toContainText("Trop de tentatives de connexion ont échoué depuis votre réseau.");
  // …and A refuses even the right password now.
  await signIn(page, a, DEMO_ACCOUNTS.coordination);
  await expect(alert).toContainText("Trop de tentatives de connexion ont échoué depuis votre réseau.");
  await page.context().close();
});

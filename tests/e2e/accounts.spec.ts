import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

const PASSWORD = "des volets bleus à Évry";

/** The admin invites someone through the accounts page; returns the one-time link shown. */
async function invite(page: Page, name: string, email: string, role: string): Promise<string> {
  await page.goto("/administration/utilisateurs");
  const form = page.getByRole("region", { name: "Inviter une personne" });
  await form.getByLabel("Prénom et nom").fill(name);
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Rôle").selectOption({ label: role });
  await form.getByRole("button", { name: "Créer l'invitation" }).click();
  await expect(form.getByRole("status").first()).toContainText(`Invitation créée pour ${name}`);
  const link = await form.getByLabel("Lien d'invitation (à usage unique)").inputValue();
  expect(link).toMatch(/\/invitation\/[\w-]{43}$/);
  // Absolute (AUTH_URL, or completed by the page), never built from the Host header (issue 14).
  return new URL(link, page.url()).pathname;
}

/** The invitee, in their own browser, sets their password through the link. */
async function accept(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(PASSWORD);
  await page.getByLabel("Mot de passe, encore une fois").fill(PASSWORD);
  await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(page).toHaveURL(/\/connexion\?invitation=acceptee/);
  return page;
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel(/^\s*Adresse e-mail\s*\*?\s*$/).fill(email);
  await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test.describe("Comptes", () => {
  test("an admin invites a social worker, who sets a password (a too-short one first), signs in and turns on the second factor", async ({ page, loginAs, browser }, testInfo) => {
    test.setTimeout(120_000);
    const email = `ines.${testInfo.project.name}.${Date.now().toString(36)}@demo.maintien.fr`;
    await loginAs("admin");
    const path = await invite(page, "Inès Garnier", email, "Travailleur social");
    await expectNoAxeViolations(page);
    // The list shows the pending invitation.
    await expect(page.getByRole("listitem", { name: "Inès Garnier" })).toContainText("Invitation envoyée");

    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(path);
    await expect(invitee.getByRole("heading", { name: "Bienvenue, Inès Garnier" })).toBeVisible();
    await expectNoAxeViolations(invitee);
    const passwordField = invitee.getByLabel(/^\s*Mot de passe\s*\*?\s*$/);
    await passwordField.fill("trop court");
    await invitee.getByLabel("Mot de passe, encore une fois").fill("trop court");
    await invitee.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    // The French message sits next to the field and is tied to it.
    await expect(passwordField).toHaveAccessibleDescription(/au moins 12 caractères \(il en a 10\)/);
    await expect(passwordField).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(invitee);

    await passwordField.fill(PASSWORD);
    await invitee.getByLabel("Mot de passe, encore une fois").fill(PASSWORD);
    await invitee.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await expect(invitee.getByRole("status")).toContainText("Votre mot de passe est enregistré");
    await signIn(invitee, email, PASSWORD);
    await expect(invitee.getByRole("heading", { level: 1, name: "Bonjour Inès Garnier" })).toBeVisible();

    // The link worked once.
    await invitee.goto(path);
    await expect(invitee.getByRole("main").getByRole("alert")).toContainText("n'est plus valable");

    // Mon compte: the second factor, confirmed with a code computed from the key shown.
    await invitee.goto("/compte");
    await invitee.getByRole("button", { name: "Activer la double authentification" }).click();
    await expect(invitee.getByRole("img", { name: /QR code/ })).toBeVisible();
    await expectNoAxeViolations(invitee);
    const secret = (await invitee.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
    await invitee.getByLabel("Code affiché par l'application").fill(totp.generate());
    await invitee.getByRole("button", { name: "Confirmer et activer" }).click();
    await expect(invitee.getByText(/^Activée depuis le/)).toBeVisible();

    // Next sign-in: password, then the code.
    await invitee.getByRole("button", { name: "Se déconnecter" }).click();
    // Sign-out first sends the offline outbox: wait for it to end before signing in again.
    await invitee.waitForURL((url) => url.pathname.startsWith("/connexion"));
    await signIn(invitee, email, PASSWORD);
    const code = invitee.getByLabel("Code de vérification");
    await expect(code).toBeVisible();
    await expectNoAxeViolations(invitee);
    // A code of the next step but one is refused (a fresh one would be accepted).
    await code.fill(totp.generate({ timestamp: Date.now() + 5 * 60_000 }));
    await invitee.getByRole("button", { name: "Valider le code" }).click();
    await expect(invitee.getByLabel("Code de vérification")).toHaveAccessibleDescription(/Code incorrect/);
    // The next step's code (±1 step is tolerated), never the one used to enrol: a code works once.
    await invitee.getByLabel("Code de vérification").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await invitee.getByRole("button", { name: "Valider le code" }).click();
    await expect(invitee.getByRole("heading", { level: 1, name: "Bonjour Inès Garnier" })).toBeVisible();
    await invitee.context().close();
  });

  test("five wrong passwords lock an account and the message says until when", async ({ page, loginAs, browser }, testInfo) => {
    // A throwaway invited account: the demo accounts other journeys sign in with stay usable.
    const email = `verrou.${testInfo.project.name}.${Date.now().toString(36)}@demo.maintien.fr`;
    await loginAs("admin");
    const invitee = await accept(browser, await invite(page, "Compte Verrouillé", email, "Juriste"));
    const password = invitee.getByLabel(/^\s*Mot de passe\s*\*?\s*$/);
    for (let i = 1; i <= 4; i++) {
      await signIn(invitee, email, `mauvais mot de passe ${i}`);
      // The form comes back empty once the answer is in: only then the next attempt.
      await expect(password).toHaveValue("");
      await expect(invitee.getByRole("main").getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    }
    await signIn(invitee, email, "mauvais mot de passe 5");
    await expect(password).toHaveValue("");
    const alert = invitee.getByRole("main").getByRole("alert");
    await expect(alert).toContainText(/^Compte verrouillé jusqu'à \d{1,2} h \d{2} après 5 tentatives infructueuses/);
    // The right password does not get through until then.
    await signIn(invitee, email, PASSWORD);
    await expect(password).toHaveValue("");
    await expect(invitee.getByRole("main").getByRole("alert")).toContainText("Compte verrouillé jusqu'à");
    await expectNoAxeViolations(invitee);

    // The admin sees it locked and unlocks it.
    await page.goto("/administration/utilisateurs");
    const row = page.getByRole("listitem", { name: "Compte Verrouillé" });
    await expect(row).toContainText("Verrouillé");
    await row.getByRole("button", { name: "Déverrouiller" }).click();
    await expect(row).toContainText("Actif");
    await signIn(invitee, email, PASSWORD);
    await expect(invitee.getByRole("heading", { level: 1, name: "Bonjour Compte Verrouillé" })).toBeVisible();
    await invitee.context().close();
  });

  test("a coordinator opens the journal, sees who read a case and filters the history @phone", async ({ page, loginAs }, testInfo) => {
    test.setTimeout(90_000);
    const surname = `Journal-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("coordination");
    // A new household: an audited write, then a read of its case page.
    await page.goto("/dossiers/nouveau");
    await page.getByLabel("Prénom", { exact: true }).fill("Yanis");
    await page.getByLabel("Nom", { exact: true }).fill(surname);
    await page.getByLabel("Adresse", { exact: true }).fill("3 allée des Tilleuls");
    await page.getByLabel("Code postal", { exact: true }).fill("91000");
    await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
    await page.getByLabel("Nouveau bailleur").check();
    await page.getByLabel("Nom du bailleur").fill(`SCI ${surname}`);
    await page.getByLabel("Loyer mensuel hors charges (€)").fill("600");
    await page.getByText("Compléter maintenant (facultatif)").click();
    await page.getByLabel("Charges mensuelles (€)").fill("40");
    await page.getByLabel("Dette locative déclarée (€)").fill("1 900");
    await page.getByLabel("Date de l'acte").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" }));
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(surname.toUpperCase());
    const heading = await page.getByRole("heading", { level: 1 }).innerText();
    const number = /Dossier n° (\d+)/.exec(heading)?.[1];
    expect(number).toBeTruthy();

    // On the phone the places are under "Menu" (issue 16).
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Équipe et journal" }).click();
    await page.getByRole("link", { name: "Journal", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Journal" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Consultations de dossiers" }).click();
    await expect(page).toHaveURL(/vue=consultations/);
    await expect(page.getByRole("link", { name: "Consultations de dossiers" })).toHaveAttribute("aria-current", "page");
    await page.getByLabel("N° de dossier").fill(number!);
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(new RegExp(`vue=consultations.*dossier=${number}`));
    const first = page.getByRole("region", { name: /consultation/ }).getByRole("listitem").first();
    await expect(first).toContainText(`a consulté le dossier n° ${number}`);
    await expect(first).toContainText("Hélène Rousseau");
    await expectNoAxeViolations(page);

    // The history of changes, filtered by action.
    await page.getByRole("link", { name: "Modifications" }).click();
    await expect(page.getByRole("link", { name: "Modifications" })).toHaveAttribute("aria-current", "page");
    await page.getByLabel("Action").selectOption({ label: "Création du dossier" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    const entries = page.getByRole("region", { name: /modification/ }).getByRole("listitem");
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText(`Création du dossier · dossier n° ${number}`);
    await expect(entries.first()).toContainText("par Hélène Rousseau");
    await entries.first().getByText("Avant / après").click();
    await expect(entries.first().getByRole("table")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a funder viewer gets no journal and no accounts page", async ({ page, loginAs }) => {
    await loginAs("financeur");
    for (const path of ["/administration", "/administration/journal", "/administration/utilisateurs"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    }
  });
});

// Issue 14 §7: bad bytes get a clear French answer, never "Internal Server Error".
import type { APIResponse, Page, Request } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

test.describe("Octets invalides", () => {
  test("a NUL byte in a query parameter or invalid percent-encoding in a path gets a French 400 page", async ({ page, loginAs }) => {
    await loginAs("coordination");
    for (const path of ["/dossiers?q=abc%00def", "/import/apercu?fichier=%00", "/dossiers/%E0%A4%A"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(400);
      await expect(page.getByRole("heading", { level: 1, name: "Adresse invalide" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Revenir à l'accueil" })).toBeVisible();
      expect(await page.content()).not.toContain("Internal Server Error");
    }
    await expectNoAxeViolations(page);
    // An ordinary search with accents still works.
    const ok = await page.goto("/dossiers?q=%C3%A9lodie");
    expect(ok?.status()).toBe(200);
  });
});

/**
 * An address the browser accepts but the form's schema refuses ("Adresse e-mail
 * invalide"): sign-in attempts with it never reach the password check, so they
 * neither lock an account nor spend the address's failure budget.
 */
const NO_TLD = "personne@exemple";

/** The sign-in form's server action, as the browser sends it (id, headers, multipart body). */
async function captureSignIn(page: Page, email: string, password: string): Promise<{ url: string; headers: Record<string, string>; body: Buffer }> {
  await page.goto("/connexion");
  const posted = page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel(/^\s*Adresse e-mail\s*\*?\s*$/).fill(email);
  await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  const request = await posted;
  const all = await request.allHeaders();
  return {
    url: request.url(),
    headers: {
      "content-type": all["content-type"] as string,
      accept: all["accept"] ?? "text/x-component",
      "next-action": all["next-action"] as string,
      "next-router-state-tree": all["next-router-state-tree"] ?? "",
      origin: new URL(request.url()).origin,
    },
    body: request.postDataBuffer() ?? Buffer.alloc(0),
  };
}

async function expectFrenchRefusal(response: APIResponse, status: number, what: string): Promise<void> {
  const text = await response.text();
  expect(response.status(), `${what}: ${text.slice(0, 200)}`).toBe(status);
  expect(text, what).not.toContain("Internal Server Error");
  expect(text, what).toContain('lang="fr"');
  expect(text, what).toContain("Requête refusée");
  expect(response.headers()["x-request-id"], what).toBeTruthy();
}

test.describe("Actions serveur malformées (issue 14 §7)", () => {
  test("an unknown or malformed action id, a truncated or garbage body and an oversized body get a French 4xx, never a 500", async ({ page }) => {
    const action = await captureSignIn(page, NO_TLD, "pas-le-bon-mot-de-passe");
    const post = (headers: Record<string, string>, body: Buffer | string) =>
      page.context().request.post(action.url, { headers: { ...action.headers, ...headers }, data: body, maxRedirects: 0 });

    // The captured request itself is fine: the form's own French answer.
    const genuine = await post({}, action.body);
    expect(genuine.status()).toBe(200);
    expect(await genuine.text()).toContain("Adresse e-mail invalide");

    // (a) an action id of no build, and one that is not an id at all.
    const unknown = await post({ "next-action": `7f${"0".repeat(40)}` }, action.body);
    await expectFrenchRefusal(unknown, 404, "unknown action id");
    expect(unknown.headers()["x-nextjs-action-not-found"]).toBe("1");
    await expectFrenchRefusal(await post({ "next-action": "pas-une-action" }, action.body), 400, "malformed action id");

    // (b) a truncated multipart body, garbage in place of the form, a reply that is not React's encoding.
    await expectFrenchRefusal(await post({}, action.body.subarray(0, Math.floor(action.body.length / 2))), 400, "truncated multipart");
    await expectFrenchRefusal(await post({}, Buffer.from("\u0000\u0001\u0002 not a form at all")), 400, "garbage multipart");
    await expectFrenchRefusal(await post({ "content-type": "text/plain;charset=UTF-8" }, '["$K1",'), 400, "garbage reply");
    await expectFrenchRefusal(await post({ "content-type": "application/json" }, "{"), 400, "garbage JSON");

    // (c) a body over serverActions.bodySizeLimit (1 MB).
    const boundary = /boundary=([^;]+)/.exec(action.headers["content-type"]!)![1]!;
    const big = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="1_email"\r\n\r\n`),
      Buffer.alloc(1024 * 1024 + 10, "a"),
      Buffer.from(`\r\n`),
      action.body,
    ]);
    const oversized = await post({}, big);
    await expectFrenchRefusal(oversized, 413, "oversized body");
    expect(await oversized.text()).toContain("trop volumineuses");

    // The same through a form sent without JavaScript (no Next-Action header; Next.js answered these with a 500).
    const noScript = (body: Buffer) =>
      page.context().request.post(action.url, {
        headers: { "content-type": "multipart/form-data; boundary=----x", origin: action.headers.origin! },
        data: body,
        maxRedirects: 0,
      });
    await expectFrenchRefusal(await noScript(Buffer.from('------x\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc')), 400, "truncated form without JavaScript");
    const bigForm = Buffer.concat([Buffer.from('------x\r\nContent-Disposition: form-data; name="email"\r\n\r\n'), Buffer.alloc(1024 * 1024 + 10, "a"), Buffer.from("\r\n------x--\r\n")]);
    await expectFrenchRefusal(await noScript(bigForm), 413, "oversized form without JavaScript");
    const unknownForm = Buffer.from(`------x\r\nContent-Disposition: form-data; name="$ACTION_ID_7f${"0".repeat(40)}"\r\n\r\n\r\n------x--\r\n`);
    await expectFrenchRefusal(await noScript(unknownForm), 404, "unknown action without JavaScript");
  });

  test("NUL bytes in the fields of real actions get the form's French answer, or are removed", async ({ page, loginAs }, testInfo) => {
    // Sign-in: a NUL in the e-mail is an invalid address, in the password a wrong password
    // (for an address that has no account: no demo account gets locked).
    const action = await captureSignIn(page, NO_TLD, "pas-le-bon-mot-de-passe");
    const replay = (body: Buffer) => page.context().request.post(action.url, { headers: action.headers, data: body, maxRedirects: 0 });
    const withNulEmail = Buffer.from(action.body.toString("latin1").replace(NO_TLD, `personne\u0000@exemple.fr`), "latin1");
    const email = await replay(withNulEmail);
    expect(email.status()).toBe(200);
    expect(await email.text()).toContain("Adresse e-mail invalide");
    const withNulPassword = Buffer.from(action.body.toString("latin1").replace(NO_TLD, `nul.${Date.now().toString(36)}@exemple.fr`).replace("pas-le-bon-mot-de-passe", "pas-le-bon\u0000mot"), "latin1");
    const password = await replay(withNulPassword);
    expect(password.status()).toBe(200);
    expect(await password.text()).toContain("Adresse e-mail ou mot de passe incorrect.");

    // New household: the NUL bytes typed in the name and the address are removed, the case is created.
    const surname = `Nul-${testInfo.project.name}-${Date.now().toString(36)}`;
    await loginAs("travail-social");
    await page.goto("/dossiers/nouveau");
    await page.getByLabel("Prénom", { exact: true }).fill("Élodie");
    await page.getByLabel("Nom", { exact: true }).fill(`${surname}-a`);
    await page.getByLabel("Adresse", { exact: true }).fill("8 allée des Tilleuls");
    await page.getByLabel("Code postal", { exact: true }).fill("91000");
    await page.getByLabel("Ville", { exact: true }).fill("Évry-Courcouronnes");
    await page.getByLabel("Nouveau bailleur").check();
    await page.getByLabel("Nom du bailleur").fill("SCI des Coteaux");
    await page.getByLabel("Loyer mensuel hors charges (€)").fill("650");
    await page.getByLabel("Date de l'acte").fill("2026-10-02");
    const posted = page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    const created = await posted;
    await expect(page.getByRole("status").filter({ hasText: "Le dossier a été créé." })).toBeVisible();
    const headers = await created.allHeaders();
    const body = (created.postDataBuffer() ?? Buffer.alloc(0)).toString("utf8");
    // The same request for another household, with NUL bytes in the name and the address.
    const hostile = body
      .replace(`${surname}-a`, `${surname}\u0000-b`)
      .replace("8 allée des Tilleuls", "9 all\u0000ée des Tilleuls");
    const response = await page.context().request.post(created.url(), {
      headers: {
        "content-type": headers["content-type"] as string,
        accept: headers["accept"] ?? "text/x-component",
        "next-action": headers["next-action"] as string,
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        origin: new URL(created.url()).origin,
      },
      data: Buffer.from(hostile, "utf8"),
      maxRedirects: 0,
    });
    expect(response.status(), (await response.text()).slice(0, 300)).toBeLessThan(500);
    expect(await response.text()).not.toContain("Internal Server Error");
    await page.goto(`/dossiers?q=${encodeURIComponent(`${surname}-b`)}`);
    await expect(page.getByRole("link", { name: new RegExp(`${surname}-b`.toUpperCase()) })).toBeVisible();
  });
});

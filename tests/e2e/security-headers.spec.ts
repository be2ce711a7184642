// HTTP hardening (issue 8.6, decision 015): the security headers on a page
// without personal data (sign-in), a case page and a PDF route; the CSP's
// nonce on every inline script and no violation while signing in and using
// the app; HSTS only over HTTPS; a server action replayed from another
// origin refused while the same request from the app's origin goes through.
import type { APIResponse, Page, Request, Response } from "@playwright/test";

import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, expectNoAxeViolations, login, test } from "./support/fixtures";

type Headers = Record<string, string>;

function expectSecurityHeaders(headers: Headers, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `CSP on ${where}`).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("img-src 'self' data: blob:");
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
  expect(scriptSrc, `script-src on ${where}`).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["referrer-policy"], where).toBe("same-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["cache-control"], `Cache-Control on ${where}`).toContain("no-store");
  // Plain HTTP here: no HSTS.
  expect(headers["strict-transport-security"], where).toBeUndefined();
}

function nonceOf(headers: Headers): string {
  const match = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "");
  if (!match) throw new Error("no nonce in the CSP");
  return match[1] as string;
}

/** Every <script> of the HTML as served carries this response's nonce. */
function expectScriptsCarryNonce(html: string, nonce: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
}

/** Records CSP violations in the page (the init script runs through DevTools, outside the CSP). */
async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  // Returns the violations seen since the last call, and forgets them. axe-core
  // itself compiles its message templates with `new Function` (a "script-src
  // eval" violation): call this before each axe run, and once after to drop axe's.
  return async () => {
    const inPage = await page.evaluate(() => {
      const w = window as unknown as { __cspViolations?: string[] };
      const seen = w.__cspViolations ?? [];
      w.__cspViolations = [];
      return seen;
    });
    return [...console.splice(0), ...inPage];
  };
}

async function expectNoCspViolationThenAxe(page: Page, violations: () => Promise<string[]>) {
  expect(await violations(), `CSP violations on ${page.url()}`).toEqual([]);
  await expectNoAxeViolations(page);
  await violations();
}

test("every response carries the security headers; the CSP's nonce lets Next.js hydrate and forms work", async ({ page }) => {
  const violations = await watchCspViolations(page);

  const signIn = (await page.goto("/connexion")) as Response;
  const signInHeaders = await signIn.allHeaders();
  expectSecurityHeaders(signInHeaders, "/connexion");
  expectScriptsCarryNonce(await signIn.text(), nonceOf(signInHeaders));
  // The inline bootstrap scripts ran (a blocked one would leave __next_f undefined).
  expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
  await expectNoCspViolationThenAxe(page, violations);

  // A fresh nonce on every response.
  const again = await page.request.get("/connexion");
  expect(nonceOf(again.headers())).not.toBe(nonceOf(signInHeaders));

  // The sign-in form (a server action) works under the CSP.
  await login(page, "juriste");

  await page.goto("/dossiers");
  const caseHref = await page.locator('a[href^="/dossiers/c"]').first().getAttribute("href");
  expect(caseHref).toMatch(/^\/dossiers\/c[a-z0-9]+$/);
  const casePage = (await page.goto(caseHref as string)) as Response;
  const caseHeaders = await casePage.allHeaders();
  expectSecurityHeaders(caseHeaders, "case page");
  expectScriptsCarryNonce(await casePage.text(), nonceOf(caseHeaders));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dossier n°");
  await expectNoCspViolationThenAxe(page, violations);

  const pdf = await page.request.get(`${caseHref}/audience/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expectSecurityHeaders(pdf.headers(), "PDF route");

  expect(await violations()).toEqual([]);
});

test("HSTS is sent when the request came over HTTPS (X-Forwarded-Proto), with upgrade-insecure-requests", async ({ request }) => {
  const plain = await request.get("/connexion");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  expect(plain.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  const proxied = await request.get("/connexion", { headers: { "X-Forwarded-Proto": "https" } });
  expect(proxied.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  expect(proxied.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("a server action replayed from another origin is refused; the same request from the app's origin goes through", async ({ page, baseURL }) => {
  await page.goto("/connexion");
  // Capture the sign-in form's server action request as the browser sends it.
  const posted = page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel(/^\s*Adresse e-mail\s*\*?\s*$/).fill(DEMO_ACCOUNTS.coordination);
  await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  const request = await posted;
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));

  const headers = await request.allHeaders();
  const replay = (origin: string): Promise<APIResponse> =>
    page.context().request.post(request.url(), {
      headers: {
        "content-type": headers["content-type"] as string,
        accept: headers["accept"] ?? "text/x-component",
        "next-action": headers["next-action"] as string,
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        origin,
      },
      data: request.postDataBuffer() ?? Buffer.alloc(0),
      maxRedirects: 0,
    });

  const forged = await replay("https://evil.example");
  expect(forged.status()).toBe(403);
  expect(forged.headers()["set-cookie"]).toBeUndefined();
  expect(await forged.text()).toContain("Requête refusée");

  const own = await replay(new URL(baseURL as string).origin);
  expect(own.status()).not.toBe(403);
  expect(own.status()).toBeLessThan(500);
});

// Shared Playwright fixtures: import { test, expect } from "./support/fixtures".
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/** Demo accounts created by prisma/seed.ts and its scenarios (password DEMO_PASSWORD). */
export const DEMO_ACCOUNTS = {
  admin: "admin@demo.maintien.fr",
  coordination: "coordination@demo.maintien.fr",
  "travail-social": "travail.social@demo.maintien.fr",
  juriste: "juriste@demo.maintien.fr",
  financeur: "financeur@demo.maintien.fr",
  /** A social worker of the other demo team: for cross-team isolation checks. */
  "autre-equipe": "autre.equipe@demo.maintien.fr",
  /** The coordinator of the Essonne 18-month report's team (prisma/scenarios/essonne.ts; seeded for e2e by SEED_SCENARIOS). */
  "bilan-essonne": "bilan.essonne@demo.maintien.fr",
} as const;

export const DEMO_PASSWORD = "maintien-demo";

/** French role names as used in the UI, or the app's Role enum values. */
export type DemoRole = keyof typeof DEMO_ACCOUNTS;
const ROLE_ALIASES: Record<string, DemoRole> = {
  ADMIN: "admin",
  COORDINATOR: "coordination",
  SOCIAL_WORKER: "travail-social",
  JURIST: "juriste",
  FUNDER_VIEWER: "financeur",
};
export type LoginRole = DemoRole | keyof typeof ROLE_ALIASES;

/**
 * Leaves the page and drops the context's cookies. Leaving first matters: the
 * page's in-flight requests (Next prefetches the links in view) carry the
 * previous account's session, whose answers renew its cookie. One answering
 * after `clearCookies()` signed the previous account back in, and /connexion
 * then sent it home (a flaky "Adresse e-mail" not found in CI).
 */
async function leaveSession(page: Page): Promise<void> {
  await page.goto("about:blank");
  await page.context().clearCookies();
}

export async function login(page: Page, role: LoginRole): Promise<void> {
  const key = (ROLE_ALIASES[role] ?? role) as DemoRole;
  const email = DEMO_ACCOUNTS[key];
  if (!email) throw new Error(`loginAs: unknown role "${role}"`);
  await leaveSession(page);
  await page.goto("/connexion");
  // The label's text may end with the required-field mark ("Adresse e-mail *").
  await page.getByLabel(/^\s*Adresse e-mail\s*\*?\s*$/).fill(email);
  await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

/** Fails with one readable line per WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // @axe-core/playwright's peer playwright-core is installed at another version
  // than @playwright/test's: same API, distinct types.
  const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"];
  // One axe.run() in the page (legacy mode): the default runs axe per frame,
  // then opens a blank page in the context to merge the frames' results,
  // which costs a new page and a second copy of axe for each scan (about a
  // third of the scan's time here), and left the journey's own page in the
  // background while it lasted. The app has no frames. Only the violations'
  // nodes come back: the passes' nodes were serialised for nothing. The rules
  // run are the same WCAG 2.1 A/AA tags (docs/decisions/050-cheaper-journeys.md).
  const results = await new AxeBuilder({ page: axePage })
    .setLegacyMode(true)
    .options({ resultTypes: ["violations"] }) // before withTags: options() replaces the whole option object
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const lines = results.violations.map((v) => {
    const targets = v.nodes
      .slice(0, 5)
      .map((n) => n.target.join(" "))
      .join(", ");
    const more = v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : "";
    return `- [${v.impact ?? "?"}] ${v.id}: ${v.help} — ${targets}${more}\n  ${v.helpUrl}`;
  });
  expect(
    results.violations.length,
    `Accessibility violations on ${page.url()}:\n${lines.join("\n")}`,
  ).toBe(0);
}

// Signed-in cookies of each demo account, kept by this worker after its first
// sign-in through the form (docs/decisions/046-a-faster-test-run.md): a
// journey's `loginAs` then costs one page load instead of the sign-in page,
// the form and its redirect. The cookies are checked by loading "/", where the
// form's redirect lands too: a session another journey ended (sign-out,
// password change, deactivation) sends to /connexion, and the account signs in
// through the form again.
const signedIn = new Map<string, Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>>>();

async function loginReusingSession(page: Page, role: LoginRole): Promise<void> {
  const key = ROLE_ALIASES[role] ?? role;
  const cookies = signedIn.get(key);
  if (cookies) {
    await leaveSession(page);
    await page.context().addCookies(cookies);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/connexion")) return;
    signedIn.delete(key);
  }
  await login(page, role);
  signedIn.set(key, await page.context().cookies());
}

export const test = base.extend<{ loginAs: (role: LoginRole) => Promise<void>; signInThroughForm: boolean }>({
  /** `test.use({ signInThroughForm: true })`: every `loginAs` fills the sign-in form (the sign-in journeys). */
  signInThroughForm: [false, { option: true }],
  loginAs: async ({ page, signInThroughForm }, use) => {
    await use((role) => (signInThroughForm ? login(page, role) : loginReusingSession(page, role)));
  },
});

export { expect };

import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

// Section headings in urgency order, each followed by its count: "Visites à faire (3)".
const SECTIONS = [
  "Audience dans 15 jours ou moins, sans contact",
  "Relances à envoyer",
  "Visites à faire",
  "Courriers à envoyer",
  "Clôtures à décider",
  "Audience dans 16 à 45 jours, sans contact",
  "Relances à venir",
  // Then the legal deadlines of the procedure, within the chosen horizon (30 days by default).
  "Échéances de procédure dans les 30 jours",
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const heading = (page: Page, title: string) => page.getByRole("heading", { level: 2, name: new RegExp(`^${escape(title)} \\(\\d+\\)$`) });

/** Items the page lists per section before its "Voir les N" link (DUE_WORK_PAGE_LIMIT, decision 047; the deadlines too, decision 050). */
const PAGE_LIMIT = 10;

/**
 * The count in a section's heading matches the cases listed in it, up to the
 * page's short list; a longer section says how many are shown and links to
 * the whole section.
 */
async function expectCountsMatchItems(page: Page) {
  for (const title of SECTIONS) {
    const text = (await heading(page, title).textContent()) ?? "";
    const count = Number(/\((\d+)\)$/.exec(text)?.[1]);
    const region = page.getByRole("region", { name: new RegExp(`^${escape(title)}`) });
    await expect(region.getByRole("listitem")).toHaveCount(Math.min(count, PAGE_LIMIT));
    if (count > PAGE_LIMIT) {
      const shown = title.startsWith("Échéances") ? `Les ${PAGE_LIMIT} premières sont affichées sur ${count}.` : `Les ${PAGE_LIMIT} premiers sont affichés sur ${count}.`;
      await expect(region.getByText(shown)).toBeVisible();
      await expect(region.getByRole("link", { name: new RegExp(`^Voir les ${count}`) })).toBeVisible();
    }
  }
}

test.describe("À faire", () => {
  test("a social worker sees their due work by urgency, then the team's @phone", async ({ page, loginAs }) => {
    await loginAs("travail-social");
    await page.goto("/a-faire");
    await expect(page.getByRole("heading", { level: 1, name: "À faire" })).toBeVisible();
    const scopes = page.getByRole("navigation", { name: "Dossiers affichés" });
    // A social worker starts with their own cases.
    await expect(scopes.getByRole("link", { name: "Moi" })).toHaveAttribute("aria-current", "page");
    await expect(scopes.getByRole("link", { name: "Équipe" })).not.toHaveAttribute("aria-current", "page");
    const h2 = page.getByRole("main").getByRole("heading", { level: 2 });
    await expect(h2).toHaveCount(SECTIONS.length);
    for (const [i, title] of SECTIONS.entries()) await expect(h2.nth(i)).toHaveText(new RegExp(`^${escape(title)} \\(\\d+\\)$`));
    await expectCountsMatchItems(page);
    // Every item leads to its case and says who follows it: here, the signed-in worker.
    const items = page.getByRole("main").getByRole("region").getByRole("listitem");
    await expect(items.first()).toBeVisible();
    await expect(items.first().getByRole("link").first()).toHaveAttribute("href", /^\/dossiers\/[^/]+$/);
    await expect(items.first()).toContainText("Dossier n°");
    await expect(items.first()).toContainText(/Suivi par Jérôme Lefèvre|Juriste : /);
    await expectNoAxeViolations(page);

    // The team's view adds the households nobody follows yet: the new one needs its letters.
    await scopes.getByRole("link", { name: "Équipe" }).click();
    await expect(page).toHaveURL(/\/a-faire\?vue=equipe$/);
    await expect(scopes.getByRole("link", { name: "Équipe" })).toHaveAttribute("aria-current", "page");
    const letters = page.getByRole("region", { name: /^Courriers à envoyer/ });
    const newHousehold = letters.getByRole("listitem").filter({ has: page.getByRole("link", { name: "BRÛLÉ Maëlys" }) });
    // Its tenant letter may be sent by now: the letters journey (which runs before the phone project) confirms the demo's due first letters.
    await expect(newHousehold).toContainText("Courrier au bailleur non envoyé");
    await expect(newHousehold).toContainText("Non attribué");
    await expect(newHousehold).toContainText(/En attente depuis le \d{2}\/\d{2}\/\d{4}/);
    await expectCountsMatchItems(page);
    await expectNoAxeViolations(page);

    // A section longer than the short list: "Voir les N" lists it in full, the scope kept.
    for (const title of SECTIONS.slice(0, -1)) {
      const region = page.getByRole("region", { name: new RegExp(`^${escape(title)}`) });
      const more = region.getByRole("link", { name: /^Voir les \d+/ });
      if ((await more.count()) === 0) continue;
      const total = Number(/Voir les (\d+)/.exec((await more.textContent()) ?? "")?.[1]);
      await more.click();
      await expect(page).toHaveURL(/\?vue=equipe&voir=[a-z-]+#[a-z-]+$/);
      await expect(region.getByRole("listitem")).toHaveCount(total);
      await expect(region.getByRole("link", { name: /^Voir les \d+/ })).toHaveCount(0);
      break;
    }
  });

  test("reminders show the day they fell due; hearings close without contact show the days left", async ({ page, loginAs }) => {
    await loginAs("coordination");
    await page.goto("/a-faire");
    // The coordinator starts with the whole team.
    await expect(page.getByRole("navigation", { name: "Dossiers affichés" }).getByRole("link", { name: "Équipe" })).toHaveAttribute("aria-current", "page");
    const due = page.getByRole("region", { name: /^Relances à envoyer/ }).getByRole("listitem");
    await expect(due.first()).toContainText(/Due depuis le \d{2}\/\d{2}\/\d{4}/);
    const upcoming = page.getByRole("region", { name: /^Relances à venir/ }).getByRole("listitem");
    if ((await upcoming.count()) > 0) await expect(upcoming.first()).toContainText(/À partir du \d{2}\/\d{2}\/\d{4}/);
    const hearings = page.getByRole("region", { name: /^Audience dans .* sans contact/ }).getByRole("listitem");
    await expect(hearings.first()).toContainText(/Audience (aujourd'hui|dans \d+ jours?)/);
    await expectNoAxeViolations(page);
  });

  test("admins and funders get 'not found'", async ({ page, loginAs }) => {
    for (const role of ["admin", "financeur"] as const) {
      await page.context().clearCookies();
      await loginAs(role);
      await page.goto("/a-faire");
      await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    }
  });
});

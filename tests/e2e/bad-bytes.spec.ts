// Issue 14 §7: bad bytes get a clear French answer, never "Internal Server Error".
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

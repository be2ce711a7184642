// The accessibility check itself (tests/e2e/support/fixtures.ts) must fail on
// a page that breaks a WCAG 2.1 A/AA rule: every journey relies on it, and its
// settings (legacy mode, violations only, the tags) must not silence it.
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

test.describe("Le contrôle d'accessibilité", () => {
  test("fails on an image without text, a field without label and grey-on-grey text; passes once they are fixed @phone", async ({ page }) => {
    await page.setContent(`<!doctype html><html lang="fr"><head><title>Contrôle</title></head><body><main>
      <h1>Contrôle</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="image">
      <input type="text" id="champ">
      <p id="pale" style="color:#bbb;background:#fff">Texte trop pâle</p>
    </main></body></html>`);
    const failure = await expectNoAxeViolations(page).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain("image-alt");
    expect(failure).toContain("label");
    expect(failure).toContain("color-contrast");

    await page.evaluate(() => {
      document.getElementById("image")!.setAttribute("alt", "Pixel");
      document.getElementById("champ")!.setAttribute("aria-label", "Nom");
      document.getElementById("pale")!.style.color = "#333";
    });
    await expectNoAxeViolations(page);
  });
});

// Issue 14 §8: logs a team can read. A refused sign-in writes exactly one JSON
// line, with the request id the response carries (X-Request-Id), its reason,
// and nothing personal: no e-mail, no password, no stack trace (Auth.js's own
// CredentialsSignin log is silenced). Reads the app's output, which
// scripts/test/run-all.ts writes to E2E_SERVER_LOG.
import fs from "node:fs";
import type { Response } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const LOG = process.env.E2E_SERVER_LOG;

test.describe("Journal du serveur", () => {
  test.skip(!LOG, "E2E_SERVER_LOG is set by npm test (scripts/test/run-all.ts)");

  test("a refused sign-in is one JSON line with the request id, no e-mail, no password, no stack trace", async ({ page }) => {
    const email = `inconnu.${Date.now().toString(36)}@exemple.fr`;
    const password = `mauvais-${Date.now().toString(36)}-secret`;
    const before = fs.statSync(LOG!).size;

    await page.goto("/connexion");
    await page.getByLabel(/^\s*Adresse e-mail\s*\*?\s*$/).fill(email);
    await page.getByLabel(/^\s*Mot de passe\s*\*?\s*$/).fill(password);
    const answered = page.waitForResponse((r: Response) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await page.getByRole("button", { name: "Se connecter" }).click();
    const response = await answered;
    await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
    const requestId = response.headers()["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    // The server writes its line before answering; give the pipe to the log file a moment.
    let written = "";
    await expect
      .poll(() => {
        const fd = fs.openSync(LOG!, "r");
        try {
          const size = fs.fstatSync(fd).size;
          const buffer = Buffer.alloc(size - before);
          fs.readSync(fd, buffer, 0, buffer.length, before);
          written = buffer.toString("utf8");
        } finally {
          fs.closeSync(fd);
        }
        return written.includes(requestId!);
      }, { timeout: 10_000 })
      .toBe(true);

    const mine = written.split("\n").filter((line) => line.includes(requestId!));
    expect(mine, written.slice(-2000)).toHaveLength(1);
    const entry = JSON.parse(mine[0]!);
    expect(entry).toMatchObject({ level: 40, msg: "sign-in refused", event: "signin.refused", reason: "invalid", requestId });
    expect(typeof entry.time).toBe("number");
    expect(entry).not.toHaveProperty("stack");
    // Nothing personal anywhere in what the server wrote meanwhile (other journeys run beside this one),
    // and no Auth.js refusal log (its CredentialsSignin error comes with a stack trace).
    expect(written).not.toContain(email);
    expect(written).not.toContain(password);
    expect(written).not.toContain("CredentialsSignin");
  });
});

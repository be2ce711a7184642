// End-to-end journeys in Debian's Chromium (no browser download on these
// machines: never `playwright install`). The app must already run: `npm test`
// (scripts/test/run-all.ts) builds it, starts it on a fresh embedded database
// with the demo seed, and sets E2E_BASE_URL. By hand:
//   npm start   then   E2E_BASE_URL=http://localhost:3000 npx playwright test
import { defineConfig } from "@playwright/test";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
  ],
};

// ── issue 14: journeys through the nginx TLS proxy (scripts/test/nginx-proxy.ts,
// started by run-all.ts, which sets E2E_PROXY_URL=https://maintien.test:<port>).
const PROXY_SPECS = /proxy\.spec\.ts/;
const proxyUrl = process.env.E2E_PROXY_URL;
const proxyProjects = proxyUrl
  ? [
      {
        name: "proxy",
        testMatch: PROXY_SPECS,
        use: {
          baseURL: proxyUrl,
          viewport: { width: 1280, height: 800 },
          // The throwaway certificate is self-signed; maintien.test resolves to the loopback.
          ignoreHTTPSErrors: true,
          launchOptions: { ...chromium, args: [...chromium.args, `--host-resolver-rules=MAP ${new URL(proxyUrl).hostname} 127.0.0.1`] },
        },
      },
    ]
  : [];
// ── end issue 14

// Journeys that read the whole demo team's state and expect nobody else to
// change it meanwhile: the batch of every due first letter (confirmed as a
// whole), the dashboard's numbers before and after an anonymisation. They run
// last, one at a time, once every other journey has ended.
const QUIET_TEAM_SPECS = /(letters|retention)\.spec\.ts/;

export default defineConfig({
  testDir: "tests/e2e",
  // Two journeys at once (E2E_WORKERS changes it): while one waits on the
  // server, the other's browser renders or runs axe, so the two cores stay
  // busy. A journey must not depend on another's absence: it creates what it
  // counts, under a name of its own (docs/decisions/049-ci-in-twenty-minutes.md).
  workers: Number(process.env.E2E_WORKERS) || 2,
  fullyParallel: false,
  // One retry at most, never silent: a journey that passes on its retry is
  // reported "flaky" by name in `npm test`'s summary (scripts/test/playwright-ndjson-reporter.ts).
  retries: 1,
  forbidOnly: !!process.env.CI,
  // Long journeys on 2 shared cores: 30 s proved too tight (a 29.7 s pass).
  timeout: 90_000,
  // The suite's budget: past it Playwright stops and still reports every
  // journey (run-all.ts stops it for good a minute later).
  globalTimeout: 25 * 60_000,
  // A loaded 2-core machine (the build, the server and the browser share it):
  // 5 s expectations failed under load; a missing element still fails in 15 s.
  expect: { timeout: 15_000 },
  // `npm test` adds its own reporter (--reporter=list,./scripts/test/playwright-ndjson-reporter.ts).
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    browserName: "chromium",
    launchOptions: chromium,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: "off",
    screenshot: "only-on-failure",
    video: "off",
  },
  projects: [
    {
      // Journeys tagged @phone run on the small screen only: the stricter
      // layout, and CI's 15 minutes (docs/decisions/003-test-strategy.md).
      name: "desktop",
      grepInvert: /@phone/,
      testIgnore: [PROXY_SPECS, QUIET_TEAM_SPECS],
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: "phone",
      grep: /@phone/,
      testIgnore: [PROXY_SPECS, QUIET_TEAM_SPECS],
      // Touch emulation (issue 16): taps, the phone's meta viewport, coarse pointer.
      use: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true },
    },
    ...proxyProjects,
    {
      // After the others (a failure there skips these: they are reported skipped).
      name: "desktop-alone",
      testMatch: QUIET_TEAM_SPECS,
      grepInvert: /@phone/,
      workers: 1,
      dependencies: ["desktop", "phone", ...proxyProjects.map((p) => p.name)],
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
});

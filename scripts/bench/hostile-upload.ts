// `npm run bench:hostile-upload` (issue 14, part 4; decision 042): while a
// coordinator uploads hostile lists to the built app (a 235 000-row XLSX of
// ~8 MB, and an XLSX whose one cell inflates to 400 MB), another user signs
// in again and again. Prints that user's sign-in p50/p95 during the uploads
// (and before, as a baseline), against the target (p95 < 1 s), and the
// French reason each hostile file was refused with.
//
//   npm run bench:hostile-upload -- [--rounds 3]
//
// A manual command (build first: `npm run build`): never in `npm test`.
// Only 127.0.0.1 is requested; the app runs on a fresh embedded database.
import os from "node:os";
import { parseArgs } from "node:util";

import { bigCellXlsx, manyRowsXlsx } from "@/tests/support/hostile-files";
import { startEmbeddedApp, BENCH_PASSWORD } from "./app-targets";
import { get, signIn, type Session } from "./http";
import { formatMs } from "./report";

const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "3" } } });
const ROUNDS = Math.min(20, Math.max(1, Number(args.rounds)));
const TARGET_P95_MS = 1000;
const log = (line: string) => console.log(line);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function decodeHtml(s: string): string {
  return s.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** Uploads a file as the form does; returns the refusal shown next to the field, or where the browser was sent. */
async function upload(session: Session, teamId: string, fileName: string, bytes: Buffer): Promise<{ ms: number; shown: string }> {
  const form = new FormData();
  form.set("equipe", teamId);
  form.set("fichier", new Blob([new Uint8Array(bytes)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), fileName);
  const t = performance.now();
  const res = await fetch(`${session.base}/import/televerser`, { method: "POST", redirect: "manual", headers: { cookie: session.cookie, origin: session.base }, body: form });
  await res.arrayBuffer();
  const ms = performance.now() - t;
  const location = res.headers.get("location") ?? "";
  if (!location.startsWith("/import?erreur=")) return { ms, shown: `(not refused: HTTP ${res.status} → ${location})` };
  const page = await get(session, location);
  const alert = /<p id="import-fichier-err" role="alert"[^>]*>([^<]*)<\/p>/.exec(page.body);
  return { ms, shown: alert ? decodeHtml(alert[1]!) : `(no message on ${location})` };
}

async function signInsUntil(base: string, email: string, done: () => boolean, times: number[]): Promise<number> {
  let failures = 0;
  while (!done()) {
    const t = performance.now();
    try {
      await signIn(base, email, BENCH_PASSWORD);
      times.push(performance.now() - t);
    } catch {
      failures += 1;
    }
  }
  return failures;
}

async function main() {
  log("Hostile upload bench (issue 14): another user's sign-in while hostile lists are uploaded");
  log(`  generating the hostile files…`);
  const manyRows = manyRowsXlsx(235_000);
  const bomb = bigCellXlsx(400);
  const hiddenBomb = bigCellXlsx(400, { declaredSize: 1000 });
  log(`  235 000-row XLSX: ${(manyRows.length / 1024 / 1024).toFixed(1)} MB; 400 MB-cell XLSX: ${(bomb.length / 1024).toFixed(0)} KB (sizes declared), ${(hiddenBomb.length / 1024).toFixed(0)} KB (sizes hidden)`);

  const target = await startEmbeddedApp(log);
  try {
    const coordinator = await signIn(target.app.url, target.accounts.COORDINATOR![0]!, BENCH_PASSWORD);
    const importPage = await get(coordinator, "/import");
    const teamId = /name="equipe" value="([^"]+)"/.exec(importPage.body)?.[1] ?? /<option value="([^"]+)"/.exec(importPage.body)?.[1];
    if (!teamId) throw new Error("no team on /import for the coordinator");
    const other = target.accounts.SOCIAL_WORKER![0]!;

    // Baseline: sign-ins with nothing else going on.
    const baseline: number[] = [];
    let n = 0;
    await signInsUntil(target.app.url, other, () => n++ >= 15, baseline);

    // Under attack: the uploads one after the other, ROUNDS times, while the other user signs in.
    const during: number[] = [];
    let uploading = true;
    const refusals = new Map<string, { shown: string; ms: number[] }>();
    const uploads = (async () => {
      try {
        for (let r = 0; r < ROUNDS; r += 1) {
          for (const [name, bytes] of [["235 000 lignes", manyRows], ["cellule de 400 Mo (tailles déclarées)", bomb], ["cellule de 400 Mo (tailles cachées)", hiddenBomb]] as const) {
            const { ms, shown } = await upload(coordinator, teamId, "liste.xlsx", bytes);
            const entry = refusals.get(name) ?? { shown, ms: [] };
            entry.ms.push(ms);
            refusals.set(name, entry);
          }
        }
      } finally {
        uploading = false;
      }
    })();
    const failures = await signInsUntil(target.app.url, other, () => !uploading, during);
    await uploads;

    const cpu = target.cpu ? ` (app CPU so far ${formatMs(target.cpu())})` : "";
    const b = [...baseline].sort((x, y) => x - y);
    const d = [...during].sort((x, y) => x - y);
    log("");
    log(`Other user's sign-in, ${b.length} before the uploads: p50 ${formatMs(percentile(b, 50))}, p95 ${formatMs(percentile(b, 95))}`);
    log(`Other user's sign-in, ${d.length} during ${ROUNDS * 3} hostile uploads: p50 ${formatMs(percentile(d, 50))}, p95 ${formatMs(percentile(d, 95))}, failures ${failures}${cpu}`);
    log("");
    for (const [name, r] of refusals) log(`  ${name}: refused in ${r.ms.map(formatMs).join(", ")} — « ${r.shown} »`);
    log("");
    const p95 = percentile(d, 95);
    const allRefused = [...refusals.values()].every((r) => !r.shown.startsWith("("));
    const pass = p95 < TARGET_P95_MS && failures === 0 && allRefused;
    log(`Target: other user's sign-in p95 < ${formatMs(TARGET_P95_MS)} during the hostile uploads, each refused with a French reason.`);
    log(`Measured: p95 ${formatMs(p95)}, ${allRefused ? "all refused" : "NOT ALL REFUSED"} → ${pass ? "PASS" : "FAIL"}`);
    log(`(Load: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min load average) on ${os.cpus().length} cores.)`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    await target.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// `npm start` (next start) and `npm run dev` (next dev, with --dev).
//
// Demo data and real data never share a database (issue 15):
// - `npm start`: the team's database. Without DATABASE_URL, the embedded
//   database (PGlite, $DATA_DIR/pglite, DATA_DIR defaulting to ./data) served on
//   a unix socket. Pending migrations are applied. While it has no account, a
//   one-time setup code is drawn, printed, and given to Next
//   (MAINTIEN_SETUP_CODE): the first visit offers the setup page
//   (/installation), which asks for it. Nothing fictitious is ever added.
// - `npm start -- --demo` (or DEMO=1, or SEED_SCENARIOS set, as the e2e run
//   does): the demo. Embedded, it lives in its own folder, $DATA_DIR/demo/pglite,
//   seeded when empty. On a PostgreSQL server (DATABASE_URL) the demo is seeded
//   into an empty database only, and refused once real accounts exist.
// Then generate the Prisma client and build when needed, run Next with
// DATABASE_URL / DATABASE_POOL_MAX / AUTH_SECRET, forward SIGINT/SIGTERM, and
// close the database when Next exits, exiting with Next's code.
//
// Options: --dev (next dev), --build (always run next build first), --no-build
// (never: use the build there is), --demo.
// Environment: PORT (3000), HOSTNAME, DATA_DIR (./data: pglite/, demo/pglite/ and
// auth-secret; the documents of cases in attachments/, encrypted with attachments-key,
// both made by lib/server/attachments/config.ts on first use unless ATTACHMENTS_KEY /
// S3_BUCKET are set), EMBEDDED_DB_DIR (the PGlite folder, overriding both), DATABASE_URL,
// DATABASE_POOL_MAX, DEMO=1, AUTH_SECRET, SEED_SCENARIOS (e.g. "essonne": seed
// these scenarios of prisma/seed.ts too, with the demo; implies the demo).

import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import pg from "pg";

import { startEmbeddedDatabase } from "./db/embedded-server";
import { generateClient, generatedClientIsFresh } from "./db/generate";
import { applyMigrations } from "./db/migrations";

const ROOT = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

const args = new Set(process.argv.slice(2));
const DEV = args.has("--dev");
const FORCE_BUILD = args.has("--build");
/** Never build (a second instance beside a running one, e.g. an e2e journey's own app): fail without a build. */
const NO_BUILD = args.has("--no-build");
/** The demo (issue 15): asked for explicitly; scenarios are demo data too. */
const DEMO = args.has("--demo") || process.env.DEMO === "1" || Boolean(process.env.SEED_SCENARIOS?.trim());
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOSTNAME?.trim() || undefined;
const DATA_DIR = path.resolve(ROOT, process.env.DATA_DIR ?? "data");

const DEMO_ACCOUNTS = [
  ["administration", "admin@demo.maintien.fr"],
  ["coordination", "coordination@demo.maintien.fr"],
  ["travail social", "travail.social@demo.maintien.fr"],
  ["juriste", "juriste@demo.maintien.fr"],
  ["financeur", "financeur@demo.maintien.fr"],
] as const;
const DEMO_PASSWORD = "maintien-demo";

class StartError extends Error {}

const say = (line = "") => console.log(line);

function box(lines: string[]): void {
  const rule = "─".repeat(Math.min(78, Math.max(...lines.map((l) => l.length)) + 2));
  say(`┌${rule}`);
  for (const line of lines) say(`│ ${line}`);
  say(`└${rule}`);
}

// ───────────────────────────── child processes

let current: ChildProcess | null = null;
let stopRequested: NodeJS.Signals | null = null;

/** Run a Node script to completion with the given env; throws on failure. */
function runNode(label: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: "inherit" });
    current = child;
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      current = null;
      if (code === 0) resolve();
      else reject(new StartError(`${label} a échoué (${signal ?? `code ${code}`}).`));
    });
  });
}

const tsxCli = () => require.resolve("tsx/cli");
const nextCli = () => require.resolve("next/dist/bin/next");

// ───────────────────────────── steps

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** Why a build is needed, or null when .next/BUILD_ID is newer than the sources. */
function buildReason(): string | null {
  if (FORCE_BUILD) return "--build";
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "aucun build";
  const built = fs.statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "lib",
    "components",
    "public",
    "prisma/schema.prisma",
    "package-lock.json",
    "tsconfig.json",
    "next.config.ts",
    "next.config.mjs",
    "next.config.js",
    "postcss.config.mjs",
  ];
  const changed = sources.find((s) => newestMtime(path.join(ROOT, s)) > built);
  return changed ? `${changed} a changé depuis le dernier build` : null;
}

function ensurePrismaClient(): void {
  if (generatedClientIsFresh()) return;
  say("Génération du client Prisma…");
  generateClient();
}

/** AUTH_SECRET from the environment, or one generated once and kept in $DATA_DIR/auth-secret. */
function authSecret(usingServer: boolean): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (usingServer && process.env.NODE_ENV === "production" && !DEV) {
    throw new StartError(
      "AUTH_SECRET n'est pas défini. En production (NODE_ENV=production avec DATABASE_URL), définissez-le " +
        "dans l'environnement, identique sur chaque instance, par exemple : AUTH_SECRET=$(openssl rand -base64 32)",
    );
  }
  const file = path.join(DATA_DIR, "auth-secret");
  try {
    const kept = fs.readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  const shown = file.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, file) : file;
  say(`AUTH_SECRET généré et conservé dans ${shown} (les sessions survivent aux redémarrages).`);
  return secret;
}

async function hasUsers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM "User") AS present`);
    return rows[0]?.present === true;
  } finally {
    await client.end();
  }
}

async function hasDemoAccounts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM "User" WHERE email = $1) AS present`,
      [DEMO_ACCOUNTS[0][1]],
    );
    return rows[0]?.present === true;
  } finally {
    await client.end();
  }
}

/** "demo", then the scenarios SEED_SCENARIOS adds ("essonne"), seeded by one process. */
function seedScenarios(): string {
  const extra = (process.env.SEED_SCENARIOS ?? "").split(",").map((s) => s.trim()).filter((s) => s && s !== "demo");
  return ["demo", ...new Set(extra)].join(",");
}

async function seedDemo(env: NodeJS.ProcessEnv): Promise<void> {
  say("Ajout des données de démonstration…");
  await runNode(
    "Le chargement des données de démonstration",
    [tsxCli(), "--conditions=react-server", "prisma/seed.ts", "--if-empty", "--scenario", seedScenarios()],
    env,
  );
}

function printDemoAccounts(): void {
  box([
    `Comptes de démonstration (mot de passe : ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map(([role, email]) => `  ${email.padEnd(34)} ${role}`),
  ]);
}

/** The one-time setup code: 12 characters of an unambiguous alphabet, in groups of four. */
function newSetupCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

function printSetupCode(code: string): void {
  box([
    "PREMIER DÉMARRAGE : aucun compte n'existe encore.",
    `Code d'installation : ${code}`,
    "Ouvrez Maintien dans le navigateur, choisissez « Installer une équipe réelle »",
    "et saisissez ce code. Il change à chaque démarrage tant que l'équipe n'est pas installée.",
    "Pour explorer plutôt la démonstration (base séparée) : npm start -- --demo",
  ]);
}

function printDemoNotice(pgliteDir: string | null): void {
  box([
    "DÉMONSTRATION : données fictives, mots de passe publics.",
    ...(pgliteDir ? [`Base de la démo : ${pgliteDir}`] : []),
    "Vos données réelles n'y sont pas : relancez « npm start » sans --demo pour les retrouver.",
  ]);
}

function printLegacyDemoWarning(pgliteDir: string | null): void {
  box([
    "ATTENTION : cette base contient les comptes de démonstration (mot de passe public).",
    ...(pgliteDir ? [`Dossier : ${pgliteDir}`] : []),
    "Ne l'utilisez pas pour de vraies données. Pour démarrer une équipe réelle sur une base vide,",
    "déplacez ce dossier (il deviendra la démo : DATA_DIR/demo/pglite) puis relancez « npm start ».",
  ]);
}

function printEmbeddedWarning(pgliteDir: string): void {
  box([
    "ATTENTION : base de données intégrée (PGlite)",
    `Dossier : ${pgliteDir}`,
    "Elle sert à essayer Maintien et à un usage modeste par une seule équipe.",
    "PGlite fonctionne sans fsync : un plantage du système ou une coupure de",
    "courant peut perdre ou corrompre des données. Sauvegardez le dossier.",
    "En production, utilisez un serveur PostgreSQL : DATABASE_URL=postgresql://…",
  ]);
}

async function waitUntilReady(child: ChildProcess): Promise<boolean> {
  const host = !HOST || HOST === "0.0.0.0" || HOST === "::" ? "127.0.0.1" : HOST;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${PORT}/`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return false;
}

// ───────────────────────────── main

async function main(): Promise<number> {
  const started = Date.now();
  const externalUrl = process.env.DATABASE_URL?.trim() || undefined;
  const secret = authSecret(Boolean(externalUrl));

  let stopDatabase: () => Promise<void> = async () => {};
  let databaseUrl: string;
  let poolMax: string | undefined;
  // EMBEDDED_DB_DIR is what scripts/db's CLI reads for the same folder. The
  // demo has its own folder: it never shares a database with a real team.
  const pgliteDir = path.resolve(ROOT, process.env.EMBEDDED_DB_DIR || (DEMO ? path.join(DATA_DIR, "demo", "pglite") : path.join(DATA_DIR, "pglite")));

  const onSignal = (signal: NodeJS.Signals) => {
    stopRequested = signal;
    if (current && current.exitCode === null) current.kill(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const checkStop = () => {
    if (stopRequested) throw new StartError(`Arrêt demandé (${stopRequested}).`);
  };

  try {
    ensurePrismaClient();
    checkStop();

    if (externalUrl) {
      databaseUrl = externalUrl;
      poolMax = process.env.DATABASE_POOL_MAX;
      say("Base de données : serveur PostgreSQL (DATABASE_URL).");
    } else {
      const embedded = await startEmbeddedDatabase({ dataDir: pgliteDir, handleSignals: false, log: () => {} });
      databaseUrl = embedded.url;
      poolMax = String(embedded.poolMax);
      stopDatabase = () => embedded.stop();
      printEmbeddedWarning(pgliteDir);
    }
    checkStop();

    const t = Date.now();
    const { applied } = await applyMigrations(databaseUrl, { poolMax: 1 });
    say(
      applied.length
        ? `Migrations appliquées (${applied.length}) en ${Date.now() - t} ms : ${applied.join(", ")}`
        : "Base de données à jour (aucune migration en attente).",
    );
    checkStop();

    // NEXT_TELEMETRY_DISABLED: the app holds personal data and never calls home
    // (issue 14); Next.js would otherwise send anonymous usage data from builds.
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" };
    if (poolMax) env.DATABASE_POOL_MAX = poolMax;
    // Next sets NODE_ENV itself (production for build/start, development for dev).
    Reflect.deleteProperty(env, "NODE_ENV");

    if (DEMO) {
      const users = await hasUsers(databaseUrl);
      const demo = users && (await hasDemoAccounts(databaseUrl));
      if (users && !demo) {
        throw new StartError(
          "Cette base de données contient déjà des comptes réels : la démonstration n'y est pas ajoutée. " +
            (externalUrl
              ? "Utilisez une autre base (DATABASE_URL) pour la démo."
              : `Indiquez un autre dossier (EMBEDDED_DB_DIR) ou retirez --demo / DEMO=1.`),
        );
      }
      if (!users) await seedDemo(env); // prints the accounts it created
      else printDemoAccounts();
      printDemoNotice(externalUrl ? null : pgliteDir);
    } else if (!(await hasUsers(databaseUrl))) {
      const code = newSetupCode();
      env.MAINTIEN_SETUP_CODE = code;
      printSetupCode(code);
    } else if (await hasDemoAccounts(databaseUrl)) {
      printLegacyDemoWarning(externalUrl ? null : pgliteDir);
    }
    checkStop();

    if (!DEV && NO_BUILD && !fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
      throw new StartError("--no-build : aucun build de l'application (lancez d'abord « npm run build »).");
    }
    if (!DEV && !NO_BUILD) {
      const reason = buildReason();
      if (reason) {
        say(`Construction de l'application (next build : ${reason})…`);
        const b = Date.now();
        await runNode("next build", [nextCli(), "build"], env);
        say(`next build terminé en ${((Date.now() - b) / 1000).toFixed(1)} s.`);
      }
    }
    checkStop();

    const nextArgs = [nextCli(), DEV ? "dev" : "start", "-p", String(PORT), ...(HOST ? ["-H", HOST] : [])];
    const child = spawn(process.execPath, nextArgs, { cwd: ROOT, env, stdio: "inherit" });
    current = child;
    const exited = new Promise<number>((resolve) => {
      child.on("exit", (code, signal) => {
        current = null;
        // A stop we were asked for (SIGINT/SIGTERM forwarded; Next then exits
        // with 128 + the signal's number) is a clean exit, not a failure.
        const requested = stopRequested ? 128 + (signalNumber(stopRequested) ?? 0) : -1;
        if (stopRequested && (signal === stopRequested || code === requested)) resolve(0);
        else resolve(code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1));
      });
      child.on("error", (error) => {
        console.error(error);
        resolve(1);
      });
    });

    void waitUntilReady(child).then((ready) => {
      if (ready && !stopRequested) {
        const publicUrl = process.env.AUTH_URL?.trim();
        say(
          `\nMaintien est prêt sur ${listenUrl(HOST, PORT)} (démarré en ${((Date.now() - started) / 1000).toFixed(1)} s)` +
            (publicUrl ? `\nAdresse publique (AUTH_URL) : ${publicUrl}` : "") +
            "\n",
        );
      }
    });

    return await exited;
  } finally {
    try {
      await stopDatabase();
    } catch (error) {
      console.error("Erreur à la fermeture de la base de données intégrée :", error);
    }
  }
}

/**
 * Where `next start` listens, as a URL to open: the host given by HOSTNAME
 * (an IPv6 address in brackets), or "localhost" when it listens on every
 * interface (HOSTNAME unset, 0.0.0.0 or ::), which the message says.
 */
function listenUrl(host: string | undefined, port: number): string {
  if (!host || host === "0.0.0.0" || host === "::") return `http://localhost:${port} (toutes les interfaces)`;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return (
    { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Partial<Record<NodeJS.Signals, number>>
  )[signal];
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Expected refusals (bad configuration, a data folder in use) need no stack.
    if (error instanceof StartError || (error instanceof Error && error.name === "DatabaseLockedError")) {
      console.error(`\n${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(stopRequested ? 130 : 1);
  },
);

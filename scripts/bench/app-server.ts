// Starts the built app the way `npm start` does (scripts/start.ts), on a free
// port of 127.0.0.1, for bench:pages and bench:load: on a fresh embedded
// database with the demo data, or on a PostgreSQL database the bench filled.
// Never builds: run `npm run build` (or `npm start` once) first; the bench
// says so when .next is missing.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort } from "../net/free-port";

const ROOT = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

export interface RunningApp {
  url: string;
  log: string;
  /** The app's process group (the start script, Next, and the embedded database's server). */
  pgid: number;
  stop: () => Promise<void>;
}


export function assertBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `npm run build` first (the benches time the built app, never `next dev`).");
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Starts the app; resolves once it says it is ready. `databaseUrl` absent: a fresh embedded database with the demo data. */
export async function startApp(opts: { databaseUrl?: string; poolMax?: number; label: string; demo?: boolean }): Promise<RunningApp> {
  assertBuilt();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-bench-app-"));
  const log = path.join(dataDir, "server.log");
  const logStream = fs.createWriteStream(log);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", DATA_DIR: dataDir, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123" };
  for (const key of ["DATABASE_URL", "DATABASE_POOL_MAX", "DEMO", "NODE_ENV", "EMBEDDED_DB_DIR", "SEED_SCENARIOS"]) Reflect.deleteProperty(env, key);
  if (opts.databaseUrl) {
    env.DATABASE_URL = opts.databaseUrl;
    env.DATABASE_POOL_MAX = String(opts.poolMax ?? 10);
  }
  // The embedded target is the demonstration (`--demo`: the demo accounts,
  // asked for explicitly since issue 15); without it a first start waits for
  // an installation code.
  const startArgs = opts.demo || !opts.databaseUrl ? ["--demo"] : [];
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts", ...startArgs], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let readyResolve: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (readyResolve = resolve));
  let recent = "";
  const onData = (chunk: Buffer) => {
    const raw = chunk.toString();
    logStream.write(raw);
    recent = (recent + raw).slice(-4000);
    if (recent.includes("Maintien est prêt")) readyResolve(true);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const closed = new Promise<void>((resolve) => child.on("close", () => (readyResolve(false), resolve())));
  const timer = setTimeout(() => readyResolve(false), 600_000);
  const stop = async () => {
    clearTimeout(timer);
    killGroup(child, "SIGTERM");
    const killer = setTimeout(() => killGroup(child, "SIGKILL"), 20_000);
    await closed;
    clearTimeout(killer);
    await new Promise<void>((resolve) => logStream.end(resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (!(await ready)) {
    const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-3000) : "";
    await stop();
    throw new Error(`${opts.label}: the app did not start.\n${tail}`);
  }
  return { url: `http://127.0.0.1:${port}`, log, stop, pgid: child.pid as number };
}

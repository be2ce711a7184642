// A throwaway PostgreSQL cluster (initdb + pg_ctl) in a fresh temp directory:
// for tests, and as the scratch server that `create` generates migrations on.
// Loopback only, trust authentication, fsync off, deleted on stop.
//
// The server refuses to run as root: when we are root, every command runs as
// the `postgres` user through `runuser -u postgres --`.
//
// CLI (for CI scripts):
//   tsx scripts/db/pg-cluster.ts start [--port N] [--state FILE]   prints the URL
//   tsx scripts/db/pg-cluster.ts stop [--state FILE]
//   tsx scripts/db/pg-cluster.ts find                              prints the binaries dir

import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { onShutdown } from "./shutdown";
import { freePort } from "../net/free-port";

export interface PostgresBinaries {
  bindir: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
  /** e.g. "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" */
  version: string;
}

function binariesIn(bindir: string): PostgresBinaries | null {
  const initdb = path.join(bindir, "initdb");
  const pgCtl = path.join(bindir, "pg_ctl");
  const postgres = path.join(bindir, "postgres");
  for (const file of [initdb, pgCtl, postgres]) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      return null;
    }
  }
  try {
    const version = execFileSync(postgres, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return { bindir, initdb, pgCtl, postgres, version };
  } catch {
    return null;
  }
}

/**
 * Locate initdb/pg_ctl/postgres: $PG_BINDIR, then PostgreSQL 15 in Debian's
 * layout, then `pg_config --bindir`, then other Debian versions (newest
 * first), then $PATH. Null when none is found (or PG_BINDIR=none).
 */
export function findPostgresBinaries(): PostgresBinaries | null {
  // PG_BINDIR=none: behave as if PostgreSQL were not installed (to exercise
  // the PGlite-only route and the skipped tests).
  if (process.env.PG_BINDIR === "none") return null;
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  candidates.push("/usr/lib/postgresql/15/bin");
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    /* no pg_config */
  }
  try {
    const versions = fs
      .readdirSync("/usr/lib/postgresql")
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  } catch {
    /* not Debian's layout */
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) candidates.push(dir);
  for (const dir of candidates) {
    const found = binariesIn(dir);
    if (found) return found;
  }
  return null;
}

export const MISSING_POSTGRES_MESSAGE =
  "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found. Install them (Debian/Ubuntu: " +
  "`apt-get install postgresql`) or set PG_BINDIR to their directory.";

interface RunAs {
  /** Prefix to run a command as the cluster's owner. */
  wrap(cmd: string, args: string[]): [string, string[]];
  uid: number | null;
  gid: number | null;
}

function runAs(): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    return { wrap: (cmd, args) => [cmd, args], uid: null, gid: null };
  }
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  } catch {
    throw new Error("PostgreSQL refuses to run as root, and there is no `postgres` user to run it as.");
  }
  return { wrap: (cmd, args) => ["runuser", ["-u", "postgres", "--", cmd, ...args]], uid, gid };
}

/** Synchronous, for exit handlers. */
function runSync(as: RunAs, cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const [c, a] = as.wrap(cmd, args);
  const result = spawnSync(c, a, { cwd, encoding: "utf8" });
  if (result.error) throw result.error;
  return result;
}

/**
 * Asynchronous, so that signals are handled meanwhile (tsx SIGKILLs a child
 * that does not acknowledge a relayed signal within 30 ms).
 */
function run(as: RunAs, cmd: string, args: string[], cwd: string): Promise<{ status: number | null; output: string }> {
  const [c, a] = as.wrap(cmd, args);
  return new Promise((resolve, reject) => {
    const child = spawn(c, a, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}


export interface ThrowawayCluster {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  rootDir: string;
  version: string;
  /** Stop the server and delete its directory. Idempotent. */
  stop(): Promise<void>;
}

export interface StartThrowawayClusterOptions {
  port?: number;
  /** Leave the server running when this process exits (CLI `start`). */
  keepAfterExit?: boolean;
}

interface ClusterState {
  rootDir: string;
  dataDir: string;
  port: number;
  url: string;
  pgCtl: string;
  asRoot: boolean;
}

function stopCluster(state: ClusterState, mode: "fast" | "immediate"): void {
  const as: RunAs = state.asRoot ? runAs() : { wrap: (c, a) => [c, a], uid: null, gid: null };
  if (fs.existsSync(path.join(state.dataDir, "postmaster.pid"))) {
    const result = runSync(as, state.pgCtl, ["-D", state.dataDir, "-m", mode, "-w", "-t", "60", "stop"], os.tmpdir());
    if (result.status !== 0 && fs.existsSync(path.join(state.dataDir, "postmaster.pid"))) {
      throw new Error(`pg_ctl stop failed: ${result.stderr || result.stdout}`);
    }
  }
  fs.rmSync(state.rootDir, { recursive: true, force: true });
}

async function initAndStart(bins: PostgresBinaries, as: RunAs, state: ClusterState, port?: number): Promise<void> {
  state.port = port ?? (await freePort());
  const init = await run(
    as,
    bins.initdb,
    ["-D", state.dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
    state.rootDir,
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.output}`);
  const serverOptions = [
    `-p ${state.port}`,
    `-k ${state.rootDir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=50",
  ].join(" ");
  const logFile = path.join(state.rootDir, "server.log");
  const start = await run(
    as,
    bins.pgCtl,
    ["-D", state.dataDir, "-l", logFile, "-o", serverOptions, "-w", "-t", "60", "start"],
    state.rootDir,
  );
  if (start.status !== 0) {
    let logText = "";
    try {
      logText = fs.readFileSync(logFile, "utf8");
    } catch {
      /* no log */
    }
    throw new Error(`pg_ctl start failed: ${start.output}\n${logText}`);
  }
  state.url = `postgresql://postgres@127.0.0.1:${state.port}/postgres`;
}

export async function startThrowawayCluster(options: StartThrowawayClusterOptions = {}): Promise<ThrowawayCluster> {
  const bins = findPostgresBinaries();
  if (!bins) throw new Error(MISSING_POSTGRES_MESSAGE);
  const as = runAs();
  const rootDir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-pg-"));
  if (as.uid !== null && as.gid !== null) fs.chownSync(rootDir, as.uid, as.gid);
  const state: ClusterState = {
    rootDir,
    dataDir: path.join(rootDir, "data"),
    port: 0,
    url: "",
    pgCtl: bins.pgCtl,
    asRoot: as.uid !== null,
  };

  // From here on, never leave the directory or a running server behind:
  // - on a signal, the CLI awaits registered shutdown cleanups: wait for an
  //   in-flight start to finish, then stop;
  // - on any other exit, stop synchronously (best effort).
  let stopped = false;
  const starting = initAndStart(bins, as, state, options.port);
  const stopOnce = (mode: "fast" | "immediate") => {
    if (stopped) return;
    stopped = true;
    unregister();
    process.off("exit", onExit);
    stopCluster(state, mode);
  };
  const onExit = () => {
    try {
      stopOnce("immediate");
    } catch {
      /* best effort at exit */
    }
  };
  const unregister = onShutdown(async () => {
    await starting.catch(() => {});
    stopOnce("fast");
  });
  process.on("exit", onExit);

  try {
    await starting;
  } catch (error) {
    try {
      stopOnce("immediate");
    } catch {
      /* ignore */
    }
    throw error;
  }
  if (options.keepAfterExit) {
    unregister();
    process.off("exit", onExit);
  }

  return {
    url: state.url,
    port: state.port,
    rootDir,
    version: bins.version,
    async stop() {
      stopOnce("fast");
    },
  };
}

// ───────────────────────────── CLI

const DEFAULT_STATE = path.join(os.tmpdir(), "maintien-pg-cluster.json");

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const stateFile = path.resolve(argValue(args, "--state") ?? DEFAULT_STATE);
  switch (command) {
    case "find": {
      const bins = findPostgresBinaries();
      if (!bins) {
        console.error(MISSING_POSTGRES_MESSAGE);
        return 1;
      }
      console.log(`${bins.bindir}\t${bins.version}`);
      return 0;
    }
    case "start": {
      if (fs.existsSync(stateFile)) {
        console.error(`A cluster is already recorded in ${stateFile}; run \`stop\` first.`);
        return 1;
      }
      const port = argValue(args, "--port");
      const cluster = await startThrowawayCluster({ port: port ? Number(port) : undefined, keepAfterExit: true });
      const bins = findPostgresBinaries();
      const state: ClusterState = {
        rootDir: cluster.rootDir,
        dataDir: path.join(cluster.rootDir, "data"),
        port: cluster.port,
        url: cluster.url,
        pgCtl: bins?.pgCtl ?? "pg_ctl",
        asRoot: typeof process.getuid === "function" && process.getuid() === 0,
      };
      fs.writeFileSync(stateFile, JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
      console.error(`Started ${cluster.version} in ${cluster.rootDir} (state: ${stateFile})`);
      console.log(cluster.url);
      return 0;
    }
    case "stop": {
      if (!fs.existsSync(stateFile)) {
        console.error(`No cluster recorded in ${stateFile}.`);
        return 1;
      }
      const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as ClusterState;
      stopCluster(state, "fast");
      fs.rmSync(stateFile, { force: true });
      console.error(`Stopped and deleted ${state.rootDir}`);
      return 0;
    }
    default:
      console.error("Usage: tsx scripts/db/pg-cluster.ts start [--port N] [--state FILE] | stop [--state FILE] | find");
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

// A PostgreSQL cluster kept between bench runs (`bench:dashboard --keep-pg DIR`):
// generating the 100 000-case caseload takes 10–15 minutes on the shared
// machine, profiling a statement takes seconds. The first run creates the
// cluster in DIR and loads the data; later runs start the same cluster, apply
// any pending migration and reuse the data (the bench records what it loaded
// in a `bench_meta` table). Stopped, never deleted, when the bench ends:
// `rm -rf DIR` to throw it away. Loopback only, trust authentication, fsync off.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { findPostgresBinaries, MISSING_POSTGRES_MESSAGE } from "../db/pg-cluster";
import { freePort } from "../net/free-port";

export interface KeptCluster {
  url: string;
  version: string;
  /** True when this run created the cluster (empty database). */
  created: boolean;
  /** Stop the server; the directory stays. */
  stop(): Promise<void>;
}

function wrap(cmd: string, args: string[]): [string, string[]] {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  return root ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

function run(cmd: string, args: string[]): Promise<{ status: number | null; output: string }> {
  const [c, a] = wrap(cmd, args);
  return new Promise((resolve, reject) => {
    const child = spawn(c, a, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}


export async function startKeptCluster(dir: string): Promise<KeptCluster> {
  const bins = findPostgresBinaries();
  if (!bins) throw new Error(MISSING_POSTGRES_MESSAGE);
  const root = path.resolve(dir);
  const dataDir = path.join(root, "data");
  const created = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (created) {
    fs.mkdirSync(root, { recursive: true });
    if (typeof process.getuid === "function" && process.getuid() === 0) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      fs.chownSync(root, uid, gid);
    }
    const init = await run(bins.initdb, ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
    if (init.status !== 0) throw new Error(`initdb failed: ${init.output}`);
  }
  if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
    throw new Error(`${dataDir} has a postmaster.pid: is another bench using it? (stop it, or remove the file if no server runs)`);
  }
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${root}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=50"].join(" ");
  const start = await run(bins.pgCtl, ["-D", dataDir, "-l", path.join(root, "server.log"), "-o", options, "-w", "-t", "120", "start"]);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.output}`);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await run(bins.pgCtl, ["-D", dataDir, "-m", "fast", "-w", "-t", "120", "stop"]);
  };
  process.once("exit", () => {
    if (!stopped) {
      const [c, a] = wrap(bins.pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      try {
        execFileSync(c, a, { stdio: "ignore" });
      } catch {
        /* best effort */
      }
    }
  });
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, version: bins.version, created, stop };
}

// CLI, to profile by hand between bench runs (psql, EXPLAIN):
//   npx tsx scripts/bench/kept-cluster.ts start /tmp/maintien-bench-pg   prints the URL; leaves it running
//   npx tsx scripts/bench/kept-cluster.ts stop /tmp/maintien-bench-pg
async function cli(argv: string[]): Promise<number> {
  const [command, dir] = argv;
  if (!dir || (command !== "start" && command !== "stop")) {
    console.error("Usage: tsx scripts/bench/kept-cluster.ts start|stop DIR");
    return 2;
  }
  const bins = findPostgresBinaries();
  if (!bins) throw new Error(MISSING_POSTGRES_MESSAGE);
  const dataDir = path.join(path.resolve(dir), "data");
  if (command === "stop") {
    const r = await run(bins.pgCtl, ["-D", dataDir, "-m", "fast", "-w", "-t", "120", "stop"]);
    console.error(r.output.trim());
    return r.status ?? 1;
  }
  const cluster = await startKeptCluster(dir);
  process.removeAllListeners("exit");
  console.log(cluster.url);
  return 0;
}

if (process.argv[1] && /kept-cluster\.ts$/.test(process.argv[1])) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

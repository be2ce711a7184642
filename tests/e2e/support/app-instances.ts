// Issue 14: app instances and a throwaway PostgreSQL started by a journey
// itself (tests/e2e/two-instances.spec.ts). Each instance is `scripts/start.ts`
// (what `npm start` runs: migrations, optional demo seed, then `next start`
// on the build `npm test` made), in its own process group.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../../scripts/net/free-port";

const ROOT = path.resolve(__dirname, "../../..");
const require = createRequire(path.join(ROOT, "package.json"));
const tsx = () => require.resolve("tsx/cli");


/** Whether PostgreSQL binaries are installed (scripts/db/pg-cluster.ts find). */
export function postgresAvailable(): boolean {
  return spawnSync(process.execPath, [tsx(), "scripts/db/pg-cluster.ts", "find"], { cwd: ROOT, stdio: "ignore" }).status === 0;
}

export interface Cluster {
  url: string;
  stop(): void;
}

/** A throwaway PostgreSQL cluster (scripts/db/pg-cluster.ts start/stop with a state file). */
export function startCluster(): Cluster {
  const state = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "maintien-2inst-")), "cluster.json");
  const started = spawnSync(process.execPath, [tsx(), "scripts/db/pg-cluster.ts", "start", "--state", state], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  const url = started.stdout.trim().split("\n").pop()!;
  return {
    url,
    stop() {
      spawnSync(process.execPath, [tsx(), "scripts/db/pg-cluster.ts", "stop", "--state", state], { cwd: ROOT, stdio: "ignore", timeout: 120_000 });
    },
  };
}

export interface Instance {
  url: string;
  log: string;
  stop(): Promise<void>;
}

/** `npm start` on a free port with this environment; resolves once /connexion answers 200. */
export async function startInstance(name: string, env: Record<string, string>, timeoutMs = 240_000): Promise<Instance> {
  const port = await freePort();
  const log = path.join(os.tmpdir(), `maintien-${name}-${port}.log`);
  const out = fs.openSync(log, "w");
  const child: ChildProcess = spawn(process.execPath, [tsx(), "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", out, out],
    detached: true,
  });
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} (log: ${log})`);
    try {
      const response = await fetch(`${url}/connexion`, { redirect: "manual" });
      if (response.status === 200) return { url, log, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`${name} did not answer within ${timeoutMs / 1000} s (log: ${log})`);
}

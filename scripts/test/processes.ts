// Child processes of `npm test`: each in its own process group, stopped as a
// group. A time budget stops a suite politely first (SIGTERM, so its reporters
// may still write), then for good (SIGKILL) after a grace period.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";

export const children = new Set<ChildProcess>();

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export interface RunOptions extends SpawnOptions {
  /** The suite's time budget: past it the process group is stopped (SIGTERM, then SIGKILL). */
  timeoutMs?: number;
  /** Between SIGTERM and SIGKILL. */
  graceMs?: number;
  /** What the budget message calls it. */
  label?: string;
}

export interface RunResult {
  code: number;
  /** The budget ran out and the process was stopped. */
  timedOut: boolean;
}

/** Run a command in its own process group; resolves with its exit code (124 when its budget ran out). */
export function runProcess(cmd: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const { timeoutMs, graceMs = 15_000, label, ...spawnOptions } = options;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", detached: true, ...spawnOptions });
    children.add(child);
    let timedOut = false;
    let killer: NodeJS.Timeout | null = null;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          const name = label ?? path.basename(args[0] ?? cmd);
          console.error(`\n[run-all] ${name} ran out of its ${Math.round(timeoutMs / 1000)} s budget: stopping it; what it reported so far is kept`);
          killGroup(child, "SIGTERM");
          killer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
        }, timeoutMs)
      : null;
    child.on("error", (error) => {
      console.error(`[run-all] cannot start ${cmd}: ${error.message}`);
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (killer) clearTimeout(killer);
      children.delete(child);
      resolve({ code: timedOut ? 124 : (code ?? (signal ? 128 : 1)), timedOut });
    });
  });
}

// A pid lock file for the embedded database folder.
//
// PGlite has no data-directory lock of its own: two processes opening the same
// folder both "commit", and one of them silently loses everything. The process
// that serves the folder therefore owns a lock file; every other process must
// refuse the folder, or talk to the owner's socket (its URL is in the lock).
//
// A lock is stale when its process is gone, or when the pid now belongs to a
// different process (checked with the Linux process start time when /proc is
// available, so a reused pid after a reboot is not mistaken for the owner).

import fs from "node:fs";
import os from "node:os";

export interface LockInfo {
  pid: number;
  /** Linux process start time (clock ticks since boot), null elsewhere. */
  startTime: string | null;
  /** Linux boot id, null elsewhere. */
  bootId: string | null;
  hostname: string;
  /** Connection URL of the server run by the owner, if it serves one. */
  url: string | null;
  dataDir: string;
  createdAt: string;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockInfo,
  ) {
    super(
      `The embedded database ${owner.dataDir} is in use by process ${owner.pid}` +
        (owner.url ? ` (serving ${owner.url})` : "") +
        `. Stop that process first (lock file: ${lockPath}).`,
    );
    this.name = "DatabaseLockedError";
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

function processStartTime(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 2 (comm) may contain spaces and parentheses: split after the last ")".
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // rest[0] is field 3 (state); starttime is field 22.
  return rest[19] ?? null;
}

function bootId(): string | null {
  return readText("/proc/sys/kernel/random/boot_id");
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the process recorded in the lock is still the one running. */
export function lockOwnerIsAlive(info: LockInfo): boolean {
  // The hostname is informational only: a container recreated on the same
  // volume gets a new hostname, and its old lock must still count as stale.
  if (info.bootId && bootId() && info.bootId !== bootId()) return false;
  if (!pidIsAlive(info.pid)) return false;
  if (info.startTime) {
    const current = processStartTime(info.pid);
    if (current !== null && current !== info.startTime) return false;
  }
  return true;
}

export function readLock(lockPath: string): LockInfo | null {
  const text = readText(lockPath);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    if (typeof parsed.pid !== "number") return null;
    return {
      pid: parsed.pid,
      startTime: parsed.startTime ?? null,
      bootId: parsed.bootId ?? null,
      hostname: parsed.hostname ?? os.hostname(),
      url: parsed.url ?? null,
      dataDir: parsed.dataDir ?? "",
      createdAt: parsed.createdAt ?? "",
    };
  } catch {
    // A half-written or foreign file: treat as unreadable (stale).
    return null;
  }
}

/** The live owner of a lock, or null when the lock is absent or stale. */
export function liveLockOwner(lockPath: string): LockInfo | null {
  const info = readLock(lockPath);
  return info && lockOwnerIsAlive(info) ? info : null;
}

export interface PidLock {
  readonly path: string;
  readonly info: LockInfo;
  /** Record the served URL in the lock (for tools that want to connect). */
  setUrl(url: string): void;
  /** Remove the lock if this process still owns it. Idempotent, synchronous. */
  release(): void;
}

/**
 * Take the lock at `lockPath` for `dataDir`, or throw DatabaseLockedError when
 * another live process owns it. A stale lock is taken over.
 */
export function acquirePidLock(lockPath: string, dataDir: string): PidLock {
  let info: LockInfo = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    bootId: bootId(),
    hostname: os.hostname(),
    url: null,
    dataDir,
    createdAt: new Date().toISOString(),
  };

  const tmp = `${lockPath}.${process.pid}.tmp`;
  const writeTmp = (value: LockInfo) => {
    fs.writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n", { mode: 0o600 });
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    writeTmp(info);
    try {
      // link() is atomic and fails if the lock exists: no window where two
      // processes both believe they created it.
      fs.linkSync(tmp, lockPath);
      fs.unlinkSync(tmp);
      return makeLock(lockPath, () => info, (next) => (info = next));
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }

    const existing = readLock(lockPath);
    if (existing && existing.pid === process.pid && existing.startTime === info.startTime) {
      throw new Error(`This process already holds the lock ${lockPath}`);
    }
    if (existing && lockOwnerIsAlive(existing)) {
      throw new DatabaseLockedError(lockPath, existing);
    }
    // Stale: move it aside, then check we moved the stale file and not a lock
    // that another process created in the meantime.
    const aside = `${lockPath}.stale.${process.pid}`;
    try {
      fs.renameSync(lockPath, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const moved = readLock(aside);
    if (moved && lockOwnerIsAlive(moved)) {
      // We raced with a process that just took the lock: give it back.
      try {
        fs.linkSync(aside, lockPath);
      } catch {
        /* someone else holds it now; we refuse below anyway */
      }
      fs.rmSync(aside, { force: true });
      throw new DatabaseLockedError(lockPath, moved);
    }
    fs.rmSync(aside, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath} (contention); try again.`);
}

function makeLock(lockPath: string, get: () => LockInfo, set: (info: LockInfo) => void): PidLock {
  let released = false;
  return {
    path: lockPath,
    get info() {
      return get();
    },
    setUrl(url: string) {
      const next = { ...get(), url };
      const tmp = `${lockPath}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(next, null, 2) + "\n", { mode: 0o600 });
      fs.renameSync(tmp, lockPath);
      set(next);
    },
    release() {
      if (released) return;
      released = true;
      const current = readLock(lockPath);
      if (current && current.pid === process.pid && current.startTime === get().startTime) {
        fs.rmSync(lockPath, { force: true });
      }
    },
  };
}

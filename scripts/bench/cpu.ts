// CPU time of the server's processes (Linux /proc), for benches on a shared
// machine: wall times grow with other people's load, the CPU a request costs
// the server much less. Counts the processes of the app's process group (Next,
// and PGlite in the start script) and the children of a PostgreSQL postmaster.
import fs from "node:fs";

export type CpuClock = () => number;

function statOf(pid: string | number): string[] {
  const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** The parent of a process (e.g. a backend's postmaster), or null. */
export function parentOf(pid: number): number | null {
  try {
    return Number(statOf(pid)[1]);
  } catch {
    return null;
  }
}

/** Milliseconds of CPU (user + system) used so far by the process groups `groups` and the children of `parents`; null off Linux. */
export function cpuClock(groups: number[], parents: number[] = []): CpuClock | null {
  if (process.platform !== "linux") return null;
  const hz = 100; // USER_HZ
  return () => {
    let ticks = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = statOf(entry);
        if (groups.includes(Number(f[2])) || parents.includes(Number(f[1])) || parents.includes(Number(entry))) ticks += Number(f[11]) + Number(f[12]);
      } catch {
        /* ended meanwhile */
      }
    }
    return (ticks * 1000) / hz;
  };
}

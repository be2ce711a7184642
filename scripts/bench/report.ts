// Timing statistics and the bench's table.

export interface Stats {
  runs: number;
  /** Median CPU time of the database server's processes per run (PostgreSQL only). */
  cpuMedian?: number;
  median: number;
  p95: number;
  min: number;
}

/** Median and 95th percentile (nearest rank) of the samples, in ms. */
export function summarise(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { runs: sorted.length, median, p95: at(0.95), min: sorted[0] as number };
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export interface Line {
  db: string;
  what: string;
  stats?: Stats;
  ratio?: number;
  target: string;
  /** null: no target for this line. */
  ok: boolean | null;
  /** The same target judged on the server's CPU time (PostgreSQL), when the bench gives it. */
  cpuOk?: boolean | null;
}

export function printTable(lines: readonly Line[]): void {
  const byCpu = lines.some((l) => l.cpuOk !== undefined);
  const rows = lines.map((l) => [
    l.db,
    l.what,
    l.stats ? formatMs(l.stats.median) : l.ratio !== undefined ? `${l.ratio.toFixed(2)}×` : "",
    l.stats ? formatMs(l.stats.p95) : "",
    l.stats?.cpuMedian !== undefined ? formatMs(l.stats.cpuMedian) : "",
    l.target,
    l.ok === null ? "" : l.ok ? "ok" : "MISSED",
    ...(byCpu ? [l.cpuOk === undefined || l.cpuOk === null ? "" : l.cpuOk ? "ok" : "MISSED"] : []),
  ]);
  const header = ["database", "measure", "median", "p95", "server CPU", "target", byCpu ? "wall" : "", ...(byCpu ? ["CPU"] : [])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join("  ").trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => "─".repeat(w)).join("  ")}`);
  let previous = "";
  for (const r of rows) {
    if (previous && r[0] !== previous) console.log("");
    previous = r[0] as string;
    console.log(line(r));
  }
}

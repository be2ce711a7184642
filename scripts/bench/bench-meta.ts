// What a kept bench cluster holds (kept-cluster.ts): the dataset's size, its
// teams and the day it was generated for, in a `bench_meta` table. Written by
// the bench that loaded the data (bench:dashboard or bench:pages --keep-pg),
// read by the next run of either to reuse it.
import type pg from "pg";

import type { BenchTeam } from "./generate";

export interface BenchMeta {
  cases: number;
  teams: BenchTeam[];
  now: string;
}

export async function readBenchMeta(client: pg.Client): Promise<BenchMeta | null> {
  const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('bench_meta')::text AS t");
  if (!rows[0]?.t) return null;
  const meta = await client.query<{ value: BenchMeta }>("SELECT value FROM bench_meta LIMIT 1");
  return meta.rows[0]?.value ?? null;
}

export async function writeBenchMeta(client: pg.Client, meta: BenchMeta): Promise<void> {
  await client.query("CREATE TABLE bench_meta (value jsonb NOT NULL)");
  await client.query("INSERT INTO bench_meta (value) VALUES ($1)", [JSON.stringify(meta)]);
}

// The national caseload of the benches (decision 011): N cases in T teams,
// copies of factory-planned templates with fresh ids, written with unnest bulk
// inserts. Shared by bench:dashboard, bench:pages and bench:load.
import type pg from "pg";

import { createRng } from "@/tests/factories/random";

import { bulkInsert, type Row } from "./bulk-insert";
import { caseRows, idFactory, landlordRows, planTemplates, type BenchTeam } from "./generate";

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;


export interface Loaded {
  teams: BenchTeam[];
  counts: Record<string, number>;
}

export async function loadBenchData(
  client: pg.Client,
  opts: { cases: number; teams: number; templates: number; now: Date; log: (line: string) => void; factsByTriggers?: boolean },
): Promise<Loaded> {
  const { now, log } = opts;
  const CASES = opts.cases;
  const TEAMS = opts.teams;
  const TEMPLATES = Math.min(opts.templates, CASES);
  const rng = createRng(66_000);
  const newId = idFactory();
  const t0 = performance.now();
  const templates = planTemplates(TEMPLATES, now);
  log(`  ${TEMPLATES} template cases planned by the factories in ${seconds(t0)}`);

  const teams: BenchTeam[] = Array.from({ length: TEAMS }, (_, i) => ({
    id: newId(),
    name: `Équipe bench ${String(i + 1).padStart(2, "0")}`,
    sectors: ["Nord", "Centre", "Sud"].map((name) => ({ id: newId(), name })),
    coordinatorId: newId(),
    workerIds: [newId(), newId(), newId()],
    juristId: newId(),
  }));
  await bulkInsert(client, "Team", teams.map((t) => ({ id: t.id, name: t.name, departement: "91" })));
  await bulkInsert(client, "Sector", teams.flatMap((t) => t.sectors.map((s) => ({ ...s, teamId: t.id }))));
  const users = teams.flatMap((t, i) =>
    [
      [t.coordinatorId, "COORDINATOR"],
      ...t.workerIds.map((id) => [id, "SOCIAL_WORKER"]),
      [t.juristId, "JURIST"],
    ].map(([id, role], j) => ({ id, role, teamId: t.id, email: `bench.${i}.${j}@bench.maintien.invalid`, name: `Bench ${i}.${j}`, passwordHash: "!" })),
  );
  await bulkInsert(client, "User", users.map(({ teamId: _t, ...u }) => u));
  await bulkInsert(client, "TeamMembership", users.map((u) => ({ userId: u.id, teamId: u.teamId })));

  const counts: Record<string, number> = {};
  const add = async (table: string, rows: Row[]) => {
    await bulkInsert(client, table, rows);
    counts[table] = (counts[table] ?? 0) + rows.length;
  };
  // The facts kept per case (decision 035): by the triggers as every write
  // does (factsByTriggers, bench:dashboard), or — faster for the page and load
  // benches — with the triggers off during the load (replica mode also skips
  // the foreign-key checks of these generated rows) and one rebuild at the end.
  const byTriggers = opts.factsByTriggers ?? true;
  if (!byTriggers) await client.query("SET session_replication_role = replica");
  const t1 = performance.now();
  const perTeam = Math.ceil(CASES / TEAMS);
  let done = 0;
  for (const [i, team] of teams.entries()) {
    const count = Math.min(perTeam, CASES - done);
    const landlords = landlordRows(team.id, Math.ceil(count / 1.2), now, rng, newId);
    await add("Landlord", landlords);
    const ids = landlords.map((l) => l.id as string);
    // Chunks of 2 500 cases: bounded memory, and still large INSERTs.
    for (let start = 0; start < count; start += 2500) {
      const n = Math.min(2500, count - start);
      for (const [table, rows] of caseRows({ templates, offset: done + start, count: n, team, landlords: ids, now, rng, newId })) await add(table, rows);
    }
    done += count;
    process.stdout.write(`\r  loaded ${done.toLocaleString("en")} / ${CASES.toLocaleString("en")} cases (${seconds(t1)})   `);
    if (i === teams.length - 1) process.stdout.write("\n");
  }
  const t2 = performance.now();
  if (!byTriggers) {
    await client.query("SET session_replication_role = DEFAULT");
    const t = performance.now();
    const { rows } = await client.query<{ id: string }>('SELECT id FROM "Case" ORDER BY id');
    for (let i = 0; i < rows.length; i += 10_000) {
      await client.query("SELECT maintien_refresh_case_facts($1::text[])", [rows.slice(i, i + 10_000).map((r) => r.id)]);
    }
    log(`  facts of ${rows.length.toLocaleString("en")} cases computed in ${seconds(t)} (triggers off during the load)`);
  }
  await client.query("VACUUM ANALYZE");
  log(`  VACUUM ANALYZE in ${seconds(t2)}`);
  return { teams, counts };
}


// Issue 13's data migration: a JEX delay recorded as "N months" gets the end
// date the decision sets (decision date + N months, CPCE L412-4; the month's
// last day when the day does not exist, CPC 641). The migrations before it are
// applied to an empty embedded database, rows are written in the old shape,
// then issue 13's migration runs and its UPDATE is checked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/db/embedded-server";
import { applyMigrations } from "../../scripts/db/migrations";

const MIGRATION = "20261207084035_issue13_jex_settings";
const SOURCE = path.resolve(__dirname, "../../prisma/migrations");
// Its own engine, whatever TEST_DB says: it runs once, in the embedded suite.
const ONCE = process.env.TEST_DB === "postgres";

describe.skipIf(ONCE)(`migration ${MIGRATION}`, () => {
  let embedded: EmbeddedDatabase | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-issue13-"));
  afterAll(async () => {
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fills delayEndsOn from the decision date and the months, and leaves other rows alone", async () => {
    for (const name of fs.readdirSync(SOURCE)) {
      if (name === MIGRATION) continue;
      fs.cpSync(path.join(SOURCE, name), path.join(dir, name), { recursive: true });
    }
    embedded = await startEmbeddedDatabase({ inMemory: true, handleSignals: false, log: () => {} });
    const options = { migrationsDir: dir, log: () => {} };
    await applyMigrations(embedded.url, options);

    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      // Rows in the old shape; the case they belong to is not needed for the UPDATE.
      await client.query("SET session_replication_role = replica");
      await client.query(`INSERT INTO "ProcedureEvent" ("id", "caseId", "stage", "date", "delayMonths") VALUES
        ('jex-3', 'c1', 'JEX_DELAY', '2025-06-20', 3),
        ('jex-eom', 'c1', 'JEX_DELAY', '2025-01-31', 1),
        ('jex-none', 'c1', 'JEX_DELAY', '2025-02-10', NULL),
        ('cql', 'c1', 'COMMANDEMENT_QUITTER_LIEUX', '2025-03-03', NULL)`);
      await client.query("SET session_replication_role = origin");
    } finally {
      await client.end();
    }

    fs.cpSync(path.join(SOURCE, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
    expect((await applyMigrations(embedded.url, options)).applied).toEqual([MIGRATION]);

    const after = new pg.Client({ connectionString: embedded.url });
    await after.connect();
    try {
      const { rows } = await after.query<{ id: string; end: string | null }>(
        `SELECT "id", to_char("delayEndsOn", 'YYYY-MM-DD') AS "end" FROM "ProcedureEvent" ORDER BY "id"`,
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.end]))).toEqual({
        // CQL 03/03/2025 + JEX of 3 months decided on 20/06/2025 → the delay ends 20/09/2025.
        "jex-3": "2025-09-20",
        // 31 January + 1 month → 28 February (CPC 641).
        "jex-eom": "2025-02-28",
        // No months on file: left empty, and the case page says so (JEX_DECISION_WITHOUT_END).
        "jex-none": null,
        cql: null,
      });
    } finally {
      await after.end();
    }
  }, 240_000);
});

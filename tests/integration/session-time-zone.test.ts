import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";

/**
 * Decision 045. Prisma's PostgreSQL adapter assumes a session in UTC: it sends
 * an instant as text without offset (read by the server in the session's time
 * zone) and reads a timestamptz column by replacing its offset with +00:00.
 * In a session in Paris time the two errors cancel for a column read directly,
 * but the stored instant is off by the offset (raw SQL, `now()` defaults) and
 * an instant read through a relation with relationJoins (JSON, whose offset
 * Prisma honours) comes back shifted. The app's connections therefore run
 * with TimeZone=UTC (lib/server/pg-adapter.ts). Runs on PGlite and on
 * PostgreSQL (TEST_DB); the control shows what a Paris session does, i.e. that
 * this test catches the option's removal.
 */

const INSTANT = new Date("2026-06-01T08:00:00.123Z"); // 10:00 in Paris (summer time)
const WINTER = new Date("2026-12-07T08:00:00.000Z"); // 09:00 in Paris

async function seed(client: PrismaClient) {
  const team = await createTeam(db);
  const user = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  await client.user.update({ where: { id: user.id }, data: { lastLoginAt: INSTANT, lockedUntil: WINTER } });
  return { team, user };
}

function readThroughRelations(client: PrismaClient, teamId: string) {
  return client.team.findUniqueOrThrow({
    where: { id: teamId },
    select: { memberships: { select: { user: { select: { id: true, lastLoginAt: true, lockedUntil: true, createdAt: true } } } } },
  });
}

/** The instants as the database stores them, in UTC, whatever the session's zone. */
async function stored(client: PrismaClient, userId: string) {
  const [row] = await client.$queryRaw<Array<{ login: string; locked: string }>>`
    SELECT to_char("lastLoginAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS login,
           to_char("lockedUntil" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS locked
      FROM "User" WHERE id = ${userId}`;
  return row!;
}

describe("instants on the app's connections (session in UTC)", () => {
  it("the app's connection runs in UTC", async () => {
    const [row] = await db.$queryRaw<Array<{ TimeZone: string }>>`SHOW TimeZone`;
    expect(row!.TimeZone).toBe("UTC");
  });

  it("an instant is stored as written, and read back the same directly and through a relation", async () => {
    const before = Date.now();
    const { team, user } = await seed(db);
    expect(await stored(db, user.id)).toEqual({ login: INSTANT.toISOString(), locked: WINTER.toISOString() });
    const direct = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true, createdAt: true } });
    const read = (await readThroughRelations(db, team.id)).memberships[0]!.user;
    expect(direct.lastLoginAt?.toISOString()).toBe(INSTANT.toISOString());
    expect(read.lastLoginAt?.toISOString()).toBe(INSTANT.toISOString());
    expect(read.lockedUntil?.toISOString()).toBe(WINTER.toISOString());
    // A `now()` default is the current instant (not shifted by an offset).
    expect(read.createdAt.toISOString()).toBe(direct.createdAt.toISOString());
    expect(Math.abs(direct.createdAt.getTime() - before)).toBeLessThan(5 * 60_000);
  });

  describe("control: a session in Paris time", () => {
    // One connection, set to Paris time by a statement (PGlite ignores the
    // startup packet's options). PGlite has one session for all its
    // connections: the zone is set back to UTC after each test.
    const paris = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) });
    afterAll(async () => {
      await paris.$executeRaw`SET TIME ZONE 'UTC'`;
      await paris.$disconnect();
    });

    it("stores the instant off by the offset and reads it shifted through a relation", async () => {
      await paris.$executeRaw`SET TIME ZONE 'Europe/Paris'`;
      try {
        const [row] = await paris.$queryRaw<Array<{ TimeZone: string }>>`SHOW TimeZone`;
        expect(row!.TimeZone).toBe("Europe/Paris");
        const { team, user } = await seed(paris);
        expect(await stored(paris, user.id)).toEqual({ login: "2026-06-01T06:00:00.123Z", locked: "2026-12-07T07:00:00.000Z" });
        const direct = await paris.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true } });
        expect(direct.lastLoginAt?.toISOString()).toBe(INSTANT.toISOString()); // the two errors cancel
        const read = (await readThroughRelations(paris, team.id)).memberships[0]!.user;
        expect(INSTANT.getTime() - read.lastLoginAt!.getTime()).toBe(2 * 3600_000);
        expect(WINTER.getTime() - read.lockedUntil!.getTime()).toBe(3600_000);
      } finally {
        await paris.$executeRaw`SET TIME ZONE 'UTC'`;
      }
    });
  });
});

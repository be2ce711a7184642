import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/server/env";
import { createPgAdapter } from "@/lib/server/pg-adapter";

// One Prisma client per process. In development Next reloads modules, so the
// client is kept on globalThis to avoid opening a new pool on every reload.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const env = getEnv();
  // The embedded database (PGlite behind pglite-socket) must be used through a
  // single connection: its socket multiplexer can mix concurrent connections'
  // results (see docs/decisions/001-database.md). The start script sets
  // DATABASE_POOL_MAX=1 for it.
  // The connection's session runs in UTC (lib/server/pg-adapter.ts): required
  // by relationJoins.
  const adapter = createPgAdapter(env.DATABASE_URL, env.DATABASE_POOL_MAX);
  // With one connection on the embedded database, concurrent requests queue for
  // it: Prisma's default 2 s wait to start a transaction is too short under load
  // (measured by tests/integration/crash-recovery.test.ts).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
}

function client(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/**
 * The client is created on first use, not at import: `next build` evaluates
 * route modules with no database and no environment.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

export type Db = PrismaClient;

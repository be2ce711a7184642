import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What every factory takes first: a Prisma client or an interactive
 * transaction's client (a PrismaClient is assignable to it).
 */
export type Db = Prisma.TransactionClient;

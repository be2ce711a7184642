import "server-only";
import type { Db } from "@/lib/server/db";

/** Whether the database has no account at all: the only time the setup pages exist (issue 15). */
export async function needsSetup(db: Db): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) === null;
}

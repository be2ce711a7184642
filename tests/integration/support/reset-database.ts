// Empty every table of the test database (but Prisma's migration history), in
// one statement. The setup file calls it before each test file; call it in a
// `beforeEach` when tests in one file must not see each other's rows.
import { db } from "@/lib/server/db";

export async function resetDatabase(): Promise<void> {
  const rows = await db.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema()
      AND table_type = 'BASE TABLE'
      AND table_name <> '_prisma_migrations'`;
  if (rows.length === 0) return;
  const tables = rows.map((r) => `"${r.table_name.replaceAll('"', '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
}

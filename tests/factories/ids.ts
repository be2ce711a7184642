import { randomBytes } from "node:crypto";

/**
 * Row ids chosen before inserting, so that a whole caseload can be written
 * with one `createMany` per table. Shaped like Prisma's cuid (25 characters,
 * starting with "c") so they look like every other id in the database.
 * Ids are the one non-deterministic part of factory data: they must stay
 * unique across runs and tests sharing a database.
 */
let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  const bytes = randomBytes(12);
  let random = "";
  for (const byte of bytes) random += (byte % 36).toString(36);
  return `c${time}${count}${random}`;
}

// Project locations used by the database tooling.

import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (two levels above scripts/db). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const defaultSchemaPath = (): string => path.join(projectRoot, "prisma", "schema.prisma");

export const defaultMigrationsDir = (): string => path.join(projectRoot, "prisma", "migrations");

/** Generated Prisma client (generator output in schema.prisma). */
export const generatedClientDir = (): string => path.join(projectRoot, "lib", "generated", "prisma");

/** The embedded database folder: $EMBEDDED_DB_DIR, default data/pglite. */
export const defaultEmbeddedDataDir = (): string =>
  path.resolve(projectRoot, process.env.EMBEDDED_DB_DIR || path.join("data", "pglite"));

/** Stub given to `prisma generate` as PRISMA_SCHEMA_ENGINE_BINARY (never run). */
export const schemaEngineStub = (): string => path.join(projectRoot, "scripts", "db", "schema-engine-stub.sh");

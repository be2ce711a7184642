#!/bin/sh
# Stub for PRISMA_SCHEMA_ENGINE_BINARY: `prisma generate` only checks that this
# file exists (it never runs it). Prisma's native schema engine cannot be
# downloaded here; migrations run on the WebAssembly engine (scripts/db/cli.ts).
echo "The native Prisma schema engine is not installed. Use npm run db:migrate, db:migrate:create, db:status, db:reset (scripts/db/cli.ts)." >&2
exit 1

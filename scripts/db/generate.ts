// `prisma generate` without network: the CLI insists that a native schema
// engine file exists (it never runs it for generate), so we point
// PRISMA_SCHEMA_ENGINE_BINARY at a stub script.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { defaultSchemaPath, generatedClientDir, projectRoot, schemaEngineStub } from "./paths";

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** The `output` of the schema's generator, resolved (null when not found). */
export function generatorOutputDir(schemaPath: string): string | null {
  const file = fs.statSync(schemaPath).isDirectory() ? null : schemaPath;
  if (!file) return null;
  const match = /generator\s+\w+\s*\{[^}]*?\boutput\s*=\s*"([^"]+)"/.exec(fs.readFileSync(file, "utf8"));
  return match?.[1] ? path.resolve(path.dirname(file), match[1]) : null;
}

/** The generated client is newer than the schema and the installed prisma package. */
export function generatedClientIsFresh(schemaPath = defaultSchemaPath()): boolean {
  const outputDir = schemaPath === defaultSchemaPath() ? generatedClientDir() : generatorOutputDir(schemaPath);
  if (!outputDir) return false;
  const marker = path.join(outputDir, "client.ts");
  if (!fs.existsSync(marker)) return false;
  const require = createRequire(import.meta.url);
  const inputs = [newestMtime(schemaPath), fs.statSync(require.resolve("prisma/package.json")).mtimeMs];
  const config = path.join(projectRoot, "prisma.config.ts");
  if (fs.existsSync(config)) inputs.push(fs.statSync(config).mtimeMs);
  return fs.statSync(marker).mtimeMs > Math.max(...inputs);
}

export function generateClient(options: { force?: boolean; schemaPath?: string } = {}): { skipped: boolean } {
  const schemaPath = options.schemaPath ?? defaultSchemaPath();
  if (!options.force && generatedClientIsFresh(schemaPath)) return { skipped: true };
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", schemaPath], {
    cwd: projectRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || schemaEngineStub(),
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`prisma generate failed (exit code ${result.status}).`);
  return { skipped: false };
}

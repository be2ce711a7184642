// Loading and driving @prisma/schema-engine-wasm (Prisma's schema engine
// compiled to WebAssembly) from Node, through our driver adapter.
//
// The package's entry point imports the .wasm file as an ES module, which Node
// cannot do without a flag; we instantiate the .wasm ourselves with the
// package's JS glue (schema_engine_bg.js). The glue keeps one module-level
// WebAssembly instance, so we instantiate it once per process; after a panic
// (a Rust panic aborts the instance) the engine refuses further calls.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  ApplyMigrationsInput,
  ApplyMigrationsOutput,
  CreateMigrationInput,
  CreateMigrationOutput,
  DiagnoseMigrationHistoryInput,
  DiagnoseMigrationHistoryOutput,
  DevDiagnosticInput,
  DevDiagnosticOutput,
  EvaluateDataLossInput,
  EvaluateDataLossOutput,
  MarkMigrationRolledBackInput,
  ResetInput,
  SchemaEngine,
} from "@prisma/schema-engine-wasm";

type Glue = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let gluePromise: Promise<Glue> | null = null;
const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let poisoned: string | null = null;

async function loadGlue(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as Glue;
  const module = await WebAssembly.compile(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  // The engine arms 10 s timers (timeouts around its I/O) that it never
  // clears: they would keep Node alive 10 s after the work is done. Track
  // them, so that closing a session can clear what is left.
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(imports)) {
    if (name.startsWith("__wbg_setTimeout_")) {
      imports[name] = (callback: () => void, ms: number) => {
        const timer = setTimeout(() => {
          engineTimers.delete(timer);
          callback();
        }, ms >>> 0);
        engineTimers.add(timer);
        return timer;
      };
    }
  }
  const instance = await WebAssembly.instantiate(module, {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/** The schema engine's own version (a prisma-engines commit hash). */
export async function schemaEngineVersion(): Promise<string> {
  gluePromise ??= loadGlue();
  return (await gluePromise).version();
}

/** An error reported by the engine or by the database, with Prisma's code when there is one. */
export class MigrationEngineError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly meta: unknown,
  ) {
    super(message);
    this.name = "MigrationEngineError";
  }
}

export const emptySchemaFilter = (): { externalTables: string[]; externalEnums: string[] } => ({
  externalTables: [],
  externalEnums: [],
});

export interface EngineSession {
  applyMigrations(input: ApplyMigrationsInput): Promise<ApplyMigrationsOutput>;
  createMigration(input: CreateMigrationInput): Promise<CreateMigrationOutput>;
  diagnoseMigrationHistory(input: DiagnoseMigrationHistoryInput): Promise<DiagnoseMigrationHistoryOutput>;
  devDiagnostic(input: DevDiagnosticInput): Promise<DevDiagnosticOutput>;
  evaluateDataLoss(input: EvaluateDataLossInput): Promise<EvaluateDataLossOutput>;
  markMigrationRolledBack(input: MarkMigrationRolledBackInput): Promise<void>;
  reset(input: ResetInput): Promise<void>;
  version(): Promise<string>;
  /** Free the engine and close every connection it opened. Idempotent. */
  close(): Promise<void>;
}

/**
 * Start a schema engine session on the database reached by `factory`.
 * Use one session at a time per process.
 */
export async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<EngineSession> {
  if (poisoned) throw new MigrationEngineError(`The schema engine crashed earlier in this process: ${poisoned}`, null, null);
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  // Keep every adapter the engine opens, to close them when the session ends.
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracking);
  const logs: string[] = [];
  const onLog = (line: string) => {
    logs.push(line);
    if (logs.length > 50) logs.shift();
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(`[schema-engine] ${line}`);
  };

  const translate = (error: unknown): Error => {
    const e = error as { message?: string; code?: string; meta?: unknown; name?: string; cause?: unknown };
    // JS errors raised inside our adapter are parked in the registry and
    // referred to as "External error id#N": put their message back.
    const resolveExternal = (text: string) =>
      text.replace(/External error id#(\d+)/g, (whole, id: string) => {
        const record = bound.errorRegistry.consumeError(Number(id));
        if (!record) return whole;
        return record.error instanceof Error ? record.error.message : String(record.error);
      });
    if (e && typeof e.message === "string") e.message = resolveExternal(e.message);
    if (error instanceof WebAssembly.RuntimeError) {
      poisoned = error.message;
      const tail = logs.slice(-10).join("\n");
      return new MigrationEngineError(
        `The schema engine panicked (${error.message}).` + (tail ? `\nLast engine log lines:\n${tail}` : ""),
        null,
        null,
      );
    }
    if (e && typeof e.code === "string") {
      return new MigrationEngineError(e.message ?? e.code, e.code, e.meta ?? null);
    }
    if (e?.name === "SchemaConnectorError" && typeof e.message === "string") {
      // Message, then a Rust span trace ("   0: module::function\n  with ...").
      const full = e.message;
      const summary = full.split(/\n\s+0: /)[0]?.replace(/^external connector error\n/, "").trim() ?? full;
      const migration = /apply_migration::apply_script\s+with migration_name="([^"]+)"/.exec(full)?.[1];
      if (migration) {
        return new MigrationEngineError(
          `Migration ${migration} failed to apply and is recorded as failed in _prisma_migrations. ` +
            `PostgreSQL ran it as one transaction, so none of its statements remain (unless the script ` +
            `commits by itself). Later migrations will not be applied until it is resolved.\n${summary}`,
          "P3018",
          { migration, trace: full },
        );
      }
      return new MigrationEngineError(summary, null, { trace: full });
    }
    return error instanceof Error ? error : new Error(String(error));
  };

  let engine: SchemaEngine;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: undefined }, onLog, bound);
  } catch (error) {
    throw translate(error);
  }

  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (poisoned) throw new MigrationEngineError(`The schema engine crashed earlier in this process: ${poisoned}`, null, null);
    try {
      return await fn();
    } catch (error) {
      throw translate(error);
    }
  };

  let closed = false;
  // Methods must be called on the engine object (wasm-bindgen needs `this`).
  return {
    applyMigrations: (input) => call(() => engine.applyMigrations(input)),
    createMigration: (input) => call(() => engine.createMigration(input)),
    diagnoseMigrationHistory: (input) => call(() => engine.diagnoseMigrationHistory(input)),
    devDiagnostic: (input) => call(() => engine.devDiagnostic(input)),
    evaluateDataLoss: (input) => call(() => engine.evaluateDataLoss(input)),
    markMigrationRolledBack: (input) => call(async () => void (await engine.markMigrationRolledBack(input))),
    reset: (input) => call(() => engine.reset(input)),
    version: () => call(() => engine.version()),
    async close() {
      if (closed) return;
      closed = true;
      if (!poisoned) engine.free();
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
      const results = await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
      const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failure) throw failure.reason;
    },
  };
}

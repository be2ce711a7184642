import "server-only";
import type { Worker as WorkerType } from "node:worker_threads";
import type { CellValue } from "@/lib/domain/import/cells";
import { IMPORT_LIMITS, isLimitCode, LIMIT_MESSAGES, READ_BUDGET, type ImportLimits, type LimitCode } from "@/lib/domain/import/limits";

/**
 * Reads an uploaded list into rows of cells, the first row being the
 * spreadsheet's line 1. CSV: UTF-8 (with or without BOM), UTF-16 with BOM or
 * Windows-1252 (what Excel "CSV" saves on a French Windows), separated by
 * ";" (French Excel), "," or tabs. XLSX: the first sheet that has data.
 *
 * Issue 14 (decision 042): the reading runs off the request path, in a
 * worker thread with a heap cap and a time budget, under hard limits on
 * rows, columns, cell length and decompressed size checked while reading
 * (sheet-reader.mjs). A hostile file is refused with a French reason; the
 * thread that answers the other users never parses it.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = [".csv", ".txt", ".xlsx"] as const;

export type ReadResult =
  | { ok: true; format: "csv" | "xlsx"; rows: CellValue[][]; encoding?: string; delimiter?: string }
  | { ok: false; message: string; code?: LimitCode };

export function extensionOf(fileName: string): string {
  const m = /\.[^.]+$/.exec(fileName.toLowerCase());
  return m ? m[0] : "";
}

/**
 * The worker's script, by its path on disk: plain JavaScript, never bundled,
 * so the same file runs under `next start` (whose working directory is the
 * project) and under Vitest. READ_WORKER_PATH overrides it.
 */
function workerPath(): string {
  return process.env.READ_WORKER_PATH ?? [process.cwd(), "lib", "server", "import", "read-worker.mjs"].join("/");
}

/**
 * The Worker constructor, taken at run time: the bundler must not see
 * `new Worker(<a path>)`, or it takes every file of the project as a
 * possible worker entry (a build of 20 minutes that bundles the scripts).
 */
function WorkerClass(): typeof WorkerType {
  return (process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads")).Worker;
}

/** At most READ_BUDGET.concurrent reads at once in this process; the others wait their turn. */
let running = 0;
const waiting: (() => void)[] = [];
async function turn(): Promise<() => void> {
  if (running >= READ_BUDGET.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

const limitRefusal = (code: LimitCode): ReadResult => ({ ok: false, code, message: LIMIT_MESSAGES[code] });

type WorkerAnswer =
  | { ok: true; format: "csv" | "xlsx"; rows: CellValue[][]; encoding?: string; delimiter?: string }
  | { ok: false; message?: string; code?: string; crashed?: string };

export interface ReadOptions {
  limits?: ImportLimits;
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
}

/** Reads an upload by its content (the extension only has to agree), in a worker thread. */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  if (bytes.byteLength === 0) return { ok: false, message: "Le fichier est vide." };
  const release = await turn();
  try {
    const answer = await new Promise<WorkerAnswer | "timeout" | "memory">((resolve, reject) => {
      const Worker = WorkerClass();
      const worker = new Worker(workerPath(), {
        workerData: { bytes, fileName, limits: options.limits ?? IMPORT_LIMITS },
        resourceLimits: {
          maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? READ_BUDGET.maxOldGenerationSizeMb,
          maxYoungGenerationSizeMb: READ_BUDGET.maxYoungGenerationSizeMb,
          stackSizeMb: 4,
        },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (value: WorkerAnswer | "timeout" | "memory" | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (value instanceof Error) reject(value);
        else resolve(value);
      };
      const timer = setTimeout(() => settle("timeout"), options.timeoutMs ?? READ_BUDGET.timeoutMs);
      worker.on("message", (message: WorkerAnswer) => settle(message));
      worker.on("error", (error: Error & { code?: string }) => settle(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : error));
      worker.on("exit", () => settle("memory"));
    });
    if (answer === "timeout") return limitRefusal("lecture-trop-longue");
    if (answer === "memory") return limitRefusal("lecture-trop-lourde");
    if (answer.ok) return answer;
    if (answer.crashed) throw new Error(`Import reader crashed: ${answer.crashed}`);
    if (isLimitCode(answer.code)) return limitRefusal(answer.code);
    return { ok: false, message: answer.message ?? "Ce fichier est illisible." };
  } finally {
    release();
  }
}

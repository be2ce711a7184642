import "server-only";
import { createHash } from "node:crypto";
import type { CellValue } from "@/lib/domain/import/cells";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import type { ReadResult } from "./read-file";

/**
 * Between the preview and the confirmation the uploaded list waits in the
 * database (`PendingUpload`, issue 14; docs/decisions/012-import.md and 023):
 * keyed by the user and the file's SHA-256, so the URL carries only the hash
 * and another user's hash finds nothing; deleted after the import or after
 * UPLOAD_TTL_MS. Every app instance sees it: a list previewed on one is
 * imported on another. Nothing else reaches the database before the
 * confirmation.
 *
 * The file is read once, at upload, in the reading worker (read-file.ts): the
 * result (rows of cells, or the French reason it was refused) is kept with
 * it, so reloading the preview or confirming never parses the file again
 * (issue 14, decision 042). Only the matching against the team's cases is
 * done again, in memory, since the cases may have changed.
 *
 * (Attachments, larger and kept, will go to object storage — issue 16; a list
 * waits two hours at most and weighs 10 MB at most.)
 */

export const UPLOAD_TTL_MS = 2 * 60 * 60 * 1000;

export interface StoredUpload {
  sha256: string;
  fileName: string;
  teamId: string;
  uploadedAt: Date;
  bytes: Uint8Array;
  /** The file as read at upload; null for an upload kept before issue 14's reader. */
  parsed: ReadResult | null;
}

/** Cells as JSON: a Date becomes { d: ISO string }. */
type StoredCell = string | number | boolean | null | { d: string };

function encodeRead(read: ReadResult): Prisma.InputJsonValue {
  if (!read.ok) return { ok: false, message: read.message, ...(read.code ? { code: read.code } : {}) };
  const rows: StoredCell[][] = read.rows.map((row) => row.map((c): StoredCell => (c instanceof Date ? { d: c.toISOString() } : c === undefined ? null : c)));
  return { ok: true, format: read.format, rows, encoding: read.encoding ?? null, delimiter: read.delimiter ?? null };
}

function decodeRead(json: unknown): ReadResult | null {
  if (!json || typeof json !== "object") return null;
  const r = json as { ok?: boolean; message?: string; format?: "csv" | "xlsx"; rows?: StoredCell[][]; encoding?: string | null; delimiter?: string | null };
  if (r.ok === false && typeof r.message === "string") return { ok: false, message: r.message };
  if (r.ok !== true || !Array.isArray(r.rows) || (r.format !== "csv" && r.format !== "xlsx")) return null;
  const rows: CellValue[][] = r.rows.map((row) => row.map((c) => (c !== null && typeof c === "object" ? new Date(c.d) : c)));
  return { ok: true, format: r.format, rows, ...(r.encoding ? { encoding: r.encoding } : {}), ...(r.delimiter ? { delimiter: r.delimiter } : {}) };
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function saveUpload(db: Db, userId: string, upload: { fileName: string; teamId: string; bytes: Uint8Array; parsed?: ReadResult }, now: Date): Promise<string> {
  await purgeExpired(db, now);
  const sha256 = sha256Hex(upload.bytes);
  const data = { teamId: upload.teamId, fileName: upload.fileName, bytes: Buffer.from(upload.bytes), uploadedAt: now, ...(upload.parsed ? { parsed: encodeRead(upload.parsed) } : {}) };
  await db.pendingUpload.upsert({ where: { userId_sha256: { userId, sha256 } }, create: { userId, sha256, ...data }, update: data });
  return sha256;
}

/** The user's upload with that hash, or null when unknown, expired or another user's. */
export async function loadUpload(db: Db, userId: string, sha256: string, now: Date): Promise<StoredUpload | null> {
  if (!SHA256.test(sha256)) return null;
  const row = await db.pendingUpload.findUnique({
    where: { userId_sha256: { userId, sha256 } },
    select: { fileName: true, teamId: true, uploadedAt: true, bytes: true, parsed: true },
  });
  if (!row) return null;
  if (now.getTime() - row.uploadedAt.getTime() > UPLOAD_TTL_MS) {
    await deleteUpload(db, userId, sha256);
    return null;
  }
  const bytes = new Uint8Array(row.bytes);
  // The stored bytes must still be the ones hashed.
  if (sha256Hex(bytes) !== sha256) return null;
  return { sha256, fileName: row.fileName, teamId: row.teamId, uploadedAt: row.uploadedAt, bytes, parsed: decodeRead(row.parsed) };
}

export async function deleteUpload(db: Db, userId: string, sha256: string): Promise<void> {
  if (!SHA256.test(sha256)) return;
  await db.pendingUpload.deleteMany({ where: { userId, sha256 } });
}

/** Removes every user's uploads older than the time to live. */
export async function purgeExpired(db: Db, now: Date): Promise<void> {
  await db.pendingUpload.deleteMany({ where: { uploadedAt: { lt: new Date(now.getTime() - UPLOAD_TTL_MS) } } });
}

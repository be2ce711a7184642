import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/server/db";

/**
 * Between the preview and the confirmation the uploaded list waits in the
 * database (`PendingUpload`, issue 14; docs/decisions/012-import.md and 023):
 * keyed by the user and the file's SHA-256, so the URL carries only the hash
 * and another user's hash finds nothing; deleted after the import or after
 * UPLOAD_TTL_MS. Every app instance sees it: a list previewed on one is
 * imported on another. Nothing else reaches the database before the
 * confirmation.
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
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function saveUpload(db: Db, userId: string, upload: { fileName: string; teamId: string; bytes: Uint8Array }, now: Date): Promise<string> {
  await purgeExpired(db, now);
  const sha256 = sha256Hex(upload.bytes);
  const data = { teamId: upload.teamId, fileName: upload.fileName, bytes: Buffer.from(upload.bytes), uploadedAt: now };
  await db.pendingUpload.upsert({ where: { userId_sha256: { userId, sha256 } }, create: { userId, sha256, ...data }, update: data });
  return sha256;
}

/** The user's upload with that hash, or null when unknown, expired or another user's. */
export async function loadUpload(db: Db, userId: string, sha256: string, now: Date): Promise<StoredUpload | null> {
  if (!SHA256.test(sha256)) return null;
  const row = await db.pendingUpload.findUnique({
    where: { userId_sha256: { userId, sha256 } },
    select: { fileName: true, teamId: true, uploadedAt: true, bytes: true },
  });
  if (!row) return null;
  if (now.getTime() - row.uploadedAt.getTime() > UPLOAD_TTL_MS) {
    await deleteUpload(db, userId, sha256);
    return null;
  }
  const bytes = new Uint8Array(row.bytes);
  // The stored bytes must still be the ones hashed.
  if (sha256Hex(bytes) !== sha256) return null;
  return { sha256, fileName: row.fileName, teamId: row.teamId, uploadedAt: row.uploadedAt, bytes };
}

export async function deleteUpload(db: Db, userId: string, sha256: string): Promise<void> {
  if (!SHA256.test(sha256)) return;
  await db.pendingUpload.deleteMany({ where: { userId, sha256 } });
}

/** Removes every user's uploads older than the time to live. */
export async function purgeExpired(db: Db, now: Date): Promise<void> {
  await db.pendingUpload.deleteMany({ where: { uploadedAt: { lt: new Date(now.getTime() - UPLOAD_TTL_MS) } } });
}

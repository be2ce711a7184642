import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * Between the preview and the confirmation the uploaded list waits on the
 * server's disk (docs/decisions/012-import.md): keyed by the user and the
 * file's SHA-256, readable by nobody else (the path holds the user's id, the
 * URL only the hash), deleted after the import or after UPLOAD_TTL_MS.
 * Nothing reaches the database before the confirmation.
 *
 * One server: the folder is local. Several instances behind a load balancer
 * would need a shared folder (MAINTIEN_IMPORT_DIR) or sticky sessions.
 */

export const UPLOAD_TTL_MS = 2 * 60 * 60 * 1000;

export interface StoredUpload {
  sha256: string;
  fileName: string;
  teamId: string;
  uploadedAt: Date;
  bytes: Uint8Array;
}

function baseDir(): string {
  return process.env.MAINTIEN_IMPORT_DIR ?? path.join(os.tmpdir(), "maintien-imports");
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SHA256 = /^[0-9a-f]{64}$/;

function userDir(userId: string): string {
  if (!SAFE_ID.test(userId)) throw new Error("Unexpected user id for the upload store");
  return path.join(baseDir(), userId);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function saveUpload(userId: string, upload: { fileName: string; teamId: string; bytes: Uint8Array }, now: Date): Promise<string> {
  const dir = userDir(userId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await purgeExpired(now);
  const sha256 = sha256Hex(upload.bytes);
  await writeFile(path.join(dir, `${sha256}.bin`), upload.bytes, { mode: 0o600 });
  const meta = { fileName: upload.fileName, teamId: upload.teamId, uploadedAt: now.toISOString() };
  await writeFile(path.join(dir, `${sha256}.json`), JSON.stringify(meta), { mode: 0o600 });
  return sha256;
}

/** The user's upload with that hash, or null when unknown, expired or another user's. */
export async function loadUpload(userId: string, sha256: string, now: Date): Promise<StoredUpload | null> {
  if (!SHA256.test(sha256)) return null;
  const dir = userDir(userId);
  try {
    const meta = JSON.parse(await readFile(path.join(dir, `${sha256}.json`), "utf8")) as { fileName: string; teamId: string; uploadedAt: string };
    const uploadedAt = new Date(meta.uploadedAt);
    if (now.getTime() - uploadedAt.getTime() > UPLOAD_TTL_MS) {
      await deleteUpload(userId, sha256);
      return null;
    }
    const bytes = new Uint8Array(await readFile(path.join(dir, `${sha256}.bin`)));
    // The file on disk must still be the one hashed (a truncated write is not a list).
    if (sha256Hex(bytes) !== sha256) return null;
    return { sha256, fileName: meta.fileName, teamId: meta.teamId, uploadedAt, bytes };
  } catch {
    return null;
  }
}

export async function deleteUpload(userId: string, sha256: string): Promise<void> {
  if (!SHA256.test(sha256)) return;
  const dir = userDir(userId);
  await rm(path.join(dir, `${sha256}.bin`), { force: true });
  await rm(path.join(dir, `${sha256}.json`), { force: true });
}

/** Removes every user's uploads older than the time to live. */
export async function purgeExpired(now: Date): Promise<void> {
  let users: string[];
  try {
    users = await readdir(baseDir());
  } catch {
    return;
  }
  for (const user of users) {
    const dir = path.join(baseDir(), user);
    let files: string[];
    try {
      files = await readdir(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      try {
        const info = await stat(path.join(dir, file));
        if (now.getTime() - info.mtime.getTime() > UPLOAD_TTL_MS) await rm(path.join(dir, file), { force: true });
      } catch {
        // Removed meanwhile by another request.
      }
    }
  }
}

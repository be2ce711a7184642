import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { FolderStore } from "./folder-store";
import type { ObjectStore, StorageKind } from "./object-store";
import { S3Store, type S3Settings } from "./s3-store";

/**
 * Which backend stores new attachments, and how to reach both (issue 19 §3,
 * docs/decisions/032-attachment-storage.md). Read from the environment once
 * per process (resetAttachmentStores() for tests and scripts):
 *
 * - ATTACHMENTS_STORAGE: "folder" or "s3"; default "s3" when S3_BUCKET is set.
 * - Folder: ATTACHMENTS_DIR (default $DATA_DIR/attachments, DATA_DIR default
 *   ./data), encrypted with ATTACHMENTS_KEY (32 bytes, base64 or hex), or,
 *   without it, a key generated once and kept in $DATA_DIR/attachments-key
 *   (0600), exactly as scripts/start.ts keeps AUTH_SECRET.
 * - S3: S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
 *   S3_REGION (default "us-east-1"; any value the service accepts),
 *   S3_FORCE_PATH_STYLE ("true" for MinIO and most self-hosted services),
 *   S3_PREFIX (default "attachments/").
 */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const envSchema = z.object({
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default("data")),
  ATTACHMENTS_DIR: z.preprocess(blankToUndefined, z.string().optional()),
  ATTACHMENTS_KEY: z.preprocess(blankToUndefined, z.string().optional()),
  ATTACHMENTS_STORAGE: z.preprocess(blankToUndefined, z.enum(["folder", "s3"], { error: "ATTACHMENTS_STORAGE must be folder or s3" }).optional()),
  S3_ENDPOINT: z.preprocess(blankToUndefined, z.url({ error: "S3_ENDPOINT must be a URL (https://s3.fr-par.scw.cloud)" }).optional()),
  S3_BUCKET: z.preprocess(blankToUndefined, z.string().optional()),
  S3_ACCESS_KEY_ID: z.preprocess(blankToUndefined, z.string().optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess(blankToUndefined, z.string().optional()),
  S3_REGION: z.preprocess(blankToUndefined, z.string().default("us-east-1")),
  S3_FORCE_PATH_STYLE: z.preprocess(blankToUndefined, z.enum(["true", "false", "1", "0"], { error: "S3_FORCE_PATH_STYLE must be true or false" }).default("false")),
  S3_PREFIX: z.preprocess(blankToUndefined, z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, "S3_PREFIX must be empty or end with /").default("attachments/")),
});

export interface AttachmentSettings {
  defaultKind: StorageKind;
  folder: { dir: string; keyFile: string; key?: string };
  s3: S3Settings | null;
}

export function attachmentSettingsFrom(env: NodeJS.ProcessEnv): AttachmentSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment:\n  - ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  - ")}`);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let s3: S3Settings | null = null;
  if (e.S3_BUCKET) {
    if (!e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) throw new Error("Invalid environment:\n  - S3_BUCKET is set: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required too");
    s3 = {
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      region: e.S3_REGION,
      forcePathStyle: e.S3_FORCE_PATH_STYLE === "true" || e.S3_FORCE_PATH_STYLE === "1",
      prefix: e.S3_PREFIX,
    };
  }
  const defaultKind: StorageKind = e.ATTACHMENTS_STORAGE === "folder" ? "FOLDER" : e.ATTACHMENTS_STORAGE === "s3" || s3 ? "S3" : "FOLDER";
  if (defaultKind === "S3" && !s3) throw new Error("Invalid environment:\n  - ATTACHMENTS_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  return {
    defaultKind,
    folder: { dir: path.resolve(e.ATTACHMENTS_DIR ?? path.join(dataDir, "attachments")), keyFile: path.join(dataDir, "attachments-key"), key: e.ATTACHMENTS_KEY },
    s3,
  };
}

/** 32 bytes from base64, base64url or hex. */
export function parseAttachmentsKey(text: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length !== 32) throw new Error("ATTACHMENTS_KEY must be 32 bytes, in base64 or hex (openssl rand -base64 32)");
  return bytes;
}

/** ATTACHMENTS_KEY, or the key kept in $DATA_DIR/attachments-key, generated (0600) the first time. */
export function folderKey(folder: AttachmentSettings["folder"]): Buffer {
  if (folder.key) return parseAttachmentsKey(folder.key);
  try {
    return parseAttachmentsKey(fs.readFileSync(folder.keyFile, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(folder.keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    // "wx": two processes starting at once keep the first one's key.
    fs.writeFileSync(folder.keyFile, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return parseAttachmentsKey(fs.readFileSync(folder.keyFile, "utf8"));
    throw error;
  }
}

export interface AttachmentStores {
  /** Where new files go. */
  current: ObjectStore;
  folder: FolderStore;
  s3: S3Store | null;
  /** The store a row's `storage` names. */
  of(kind: StorageKind): ObjectStore;
  /** Every configured backend (anonymisation deletes from all of them). */
  all(): ObjectStore[];
}

let cached: AttachmentStores | null = null;

export function storesFrom(settings: AttachmentSettings): AttachmentStores {
  const folder = new FolderStore(settings.folder.dir, folderKey(settings.folder));
  const s3 = settings.s3 ? new S3Store(settings.s3) : null;
  const of = (kind: StorageKind): ObjectStore => {
    if (kind === "FOLDER") return folder;
    if (!s3) throw new Error("This attachment is stored on S3, but S3_BUCKET is not set");
    return s3;
  };
  return { current: of(settings.defaultKind), folder, s3, of, all: () => (s3 ? [folder, s3] : [folder]) };
}

export function getAttachmentStores(): AttachmentStores {
  cached ??= storesFrom(attachmentSettingsFrom(process.env));
  return cached;
}

/** Forget the stores built from the environment (tests switching backends, scripts). */
export function resetAttachmentStores(): void {
  cached = null;
}

import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, STORAGE_KEY_PATTERN, type ObjectStore } from "./object-store";

/**
 * The default backend: one encrypted file per attachment under
 * `<dir>/<first two hex>/<key>` (decision 032). AES-256-GCM with a 96-bit
 * random IV per file; the storage key is the additional authenticated data, so
 * a file copied under another key does not decrypt. File layout:
 * "MTA1" | iv (12) | ciphertext | tag (16).
 *
 * Files are written under a temporary name, synced and renamed: a crash never
 * leaves half a file under a key.
 */
const MAGIC = Buffer.from("MTA1");
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealBytes(key: Buffer, storageKey: string, plain: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(storageKey, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

export function openBytes(key: Buffer, storageKey: string, sealed: Buffer): Uint8Array {
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error(`Attachment ${storageKey}: not an encrypted attachment file`);
  }
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(MAGIC.length + IV_BYTES, sealed.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(storageKey, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
  } catch {
    // Wrong ATTACHMENTS_KEY, or the file was altered: never hand out bytes we cannot vouch for.
    throw new Error(`Attachment ${storageKey}: decryption failed (wrong ATTACHMENTS_KEY, or the file was altered)`);
  }
}

export class FolderStore implements ObjectStore {
  readonly kind = "FOLDER" as const;

  constructor(
    readonly dir: string,
    private readonly key: Buffer,
  ) {
    if (key.length !== 32) throw new Error("The attachments key must be 32 bytes");
  }

  /** The same encryption over another folder (backups). */
  withDir(dir: string): FolderStore {
    return new FolderStore(dir, this.key);
  }

  private pathOf(storageKey: string): string {
    assertStorageKey(storageKey);
    return path.join(this.dir, storageKey.slice(1, 3), storageKey);
  }

  async put(storageKey: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(storageKey);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const tmp = `${target}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
    const handle = await fs.open(tmp, "w", 0o600);
    try {
      await handle.writeFile(sealBytes(this.key, storageKey, bytes));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  }

  async get(storageKey: string): Promise<Uint8Array | null> {
    let sealed: Buffer;
    try {
      sealed = await fs.readFile(this.pathOf(storageKey));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return openBytes(this.key, storageKey, sealed);
  }

  async delete(storageKey: string): Promise<void> {
    await fs.rm(this.pathOf(storageKey), { force: true });
  }

  async keys(): Promise<string[]> {
    let shards: string[];
    try {
      shards = await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const out: string[] = [];
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await fs.readdir(path.join(this.dir, shard))) if (STORAGE_KEY_PATTERN.test(name)) out.push(name);
    }
    return out.sort();
  }
}

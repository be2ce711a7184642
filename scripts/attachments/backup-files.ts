// The documents and photos of cases in a backup (issue 19; docs/security.md,
// "Backup and restore"). `npm run db:backup -- --out X` writes the database
// archive X and, beside it, the folder `X.documents/`:
//
//   X.documents/FOLDER/<ab>/<key>   the encrypted folder's files, copied as they are
//   X.documents/S3/<ab>/<key>       every object of the bucket, encrypted the same way
//
// Everything in it is AES-256-GCM encrypted with the folder's key
// (ATTACHMENTS_KEY or $DATA_DIR/attachments-key), which is NOT copied: keep it
// apart from the backups, as AUTH_SECRET. `npm run db:restore -- --from X`
// puts each file back where it came from (the folder, or the bucket).
import fs from "node:fs";
import path from "node:path";

import type { AttachmentStores } from "@/lib/server/attachments/config";
import { STORAGE_KEY_PATTERN } from "@/lib/server/attachments/object-store";

export function documentsDirFor(archive: string): string {
  return `${path.resolve(archive)}.documents`;
}

export async function backupAttachmentFiles(stores: AttachmentStores, archive: string, force = false): Promise<{ dir: string; folder: number; s3: number }> {
  const dir = documentsDirFor(archive);
  if (fs.existsSync(dir)) {
    if (!force) throw new Error(`${dir} existe déjà (--force pour le remplacer).`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const tmp = `${dir}.partial-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
  const folderKeys = await stores.folder.keys();
  for (const key of folderKeys) {
    const from = path.join(stores.folder.dir, key.slice(1, 3), key);
    const to = path.join(tmp, "FOLDER", key.slice(1, 3), key);
    fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
    fs.copyFileSync(from, to);
    fs.chmodSync(to, 0o600);
  }
  let s3 = 0;
  if (stores.s3) {
    const sealed = stores.folder.withDir(path.join(tmp, "S3"));
    for (const key of await stores.s3.keys()) {
      if (!STORAGE_KEY_PATTERN.test(key)) continue;
      const bytes = await stores.s3.get(key);
      if (!bytes) continue;
      await sealed.put(key, bytes);
      s3 += 1;
    }
  }
  fs.renameSync(tmp, dir);
  return { dir, folder: folderKeys.length, s3 };
}

/** Puts the backed-up files back: the folder's into the folder, the bucket's into the bucket (S3 must be configured then). */
export async function restoreAttachmentFiles(stores: AttachmentStores, archive: string): Promise<{ folder: number; s3: number } | null> {
  const dir = documentsDirFor(archive);
  if (!fs.existsSync(dir)) return null;
  const fromFolder = stores.folder.withDir(path.join(dir, "FOLDER"));
  const folderKeys = await fromFolder.keys();
  for (const key of folderKeys) {
    // Decrypting proves the key is the right one before anything is written.
    const bytes = await fromFolder.get(key);
    if (bytes) await stores.folder.put(key, bytes);
  }
  const fromS3 = stores.folder.withDir(path.join(dir, "S3"));
  const s3Keys = await fromS3.keys();
  if (s3Keys.length && !stores.s3) throw new Error(`${s3Keys.length} document(s) de la sauvegarde étaient sur S3 : configurez S3_BUCKET (et les autres variables S3) pour les restaurer.`);
  for (const key of s3Keys) {
    const bytes = await fromS3.get(key);
    if (bytes) await stores.s3!.put(key, bytes);
  }
  return { folder: folderKeys.length, s3: s3Keys.length };
}

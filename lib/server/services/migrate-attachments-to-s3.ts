import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AttachmentStores } from "@/lib/server/attachments/config";
import { writeAudit } from "@/lib/server/audit";

export interface MigrationReport {
  moved: number;
  /** Rows whose file was not in the folder (already lost): left as they are, listed by id. */
  missing: string[];
  /** Files whose content no longer matches the row's SHA-256: left in the folder, listed by id. */
  corrupt: string[];
}

/**
 * `npm run attachments:migrate-to-s3` (issue 19 §3): moves every document
 * stored in the encrypted folder to the S3 bucket, one at a time: read and
 * check against the row's SHA-256, upload, read back from S3 and check again,
 * switch the row to S3 (guarded: only if it is still in the folder) with an
 * audit row, then delete the folder's copy. Interrupted, it resumes where it
 * stopped; run twice, the second run moves nothing. The app may keep running:
 * a document is served from wherever its row says.
 */
export async function migrateAttachmentsToS3(db: PrismaClient, stores: AttachmentStores, log: (line: string) => void = () => {}): Promise<MigrationReport> {
  if (!stores.s3) throw new Error("S3 n'est pas configuré : définissez S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (et S3_ENDPOINT hors AWS).");
  const s3 = stores.s3;
  const report: MigrationReport = { moved: 0, missing: [], corrupt: [] };
  const skipped = new Set<string>();
  const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
  for (;;) {
    const batch = await db.attachment.findMany({
      where: { storage: "FOLDER", storageKey: { not: null }, id: { notIn: [...skipped] } },
      orderBy: { id: "asc" },
      take: 50,
      select: { id: true, caseId: true, storageKey: true, sha256: true },
    });
    if (!batch.length) break;
    for (const row of batch) {
      const key = row.storageKey!;
      const bytes = await stores.folder.get(key);
      if (!bytes) {
        report.missing.push(row.id);
        skipped.add(row.id);
        continue;
      }
      if (sha(bytes) !== row.sha256) {
        report.corrupt.push(row.id);
        skipped.add(row.id);
        continue;
      }
      await s3.put(key, bytes);
      const back = await s3.get(key);
      if (!back || sha(back) !== row.sha256) throw new Error(`Document ${row.id} : la copie sur S3 ne correspond pas (arrêt, rien n'a été supprimé du dossier local).`);
      const switched = await db.$transaction(async (tx) => {
        const n = await tx.attachment.updateMany({ where: { id: row.id, storage: "FOLDER", storageKey: key }, data: { storage: "S3" } });
        if (n.count === 1) {
          await writeAudit(tx, { userId: null, action: "attachment.migrate", entity: "Attachment", entityId: row.id, caseId: row.caseId, before: { storage: "FOLDER" }, after: { storage: "S3" } });
        }
        return n.count === 1;
      });
      if (switched) {
        await stores.folder.delete(key);
        report.moved += 1;
      } else {
        // Deleted or anonymised meanwhile: the copy just made must not outlive the row.
        await s3.delete(key);
        skipped.add(row.id);
      }
    }
    log(`${report.moved} document(s) déplacé(s)…`);
  }
  return report;
}

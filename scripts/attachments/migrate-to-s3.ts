/**
 * Moves the documents and photos of cases from the encrypted folder
 * ($ATTACHMENTS_DIR, default $DATA_DIR/attachments) to the S3 bucket
 * (issue 19; docs/decisions/032-attachment-storage.md).
 *
 *   S3_ENDPOINT=… S3_BUCKET=… S3_ACCESS_KEY_ID=… S3_SECRET_ACCESS_KEY=… \
 *     npm run attachments:migrate-to-s3
 *
 * The folder's key (ATTACHMENTS_KEY or $DATA_DIR/attachments-key) is needed
 * to read the files. Safe to interrupt and to run again. Then set
 * ATTACHMENTS_STORAGE=s3 (the default once S3_BUCKET is set) and restart the app.
 * Database: DATABASE_URL, else the embedded database (as `npm run retention`).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createPgAdapter } from "@/lib/server/pg-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { getAttachmentStores } from "@/lib/server/attachments/config";
import { migrateAttachmentsToS3 } from "@/lib/server/services/migrate-attachments-to-s3";

import { openTarget } from "../db/target";

async function main(): Promise<number> {
  const stores = getAttachmentStores();
  if (!stores.s3) {
    console.error("S3 n'est pas configuré : définissez S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (et S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE selon l'hébergeur).");
    return 2;
  }
  const target = await openTarget({ log: (line) => console.error(line) });
  const db = new PrismaClient({ adapter: createPgAdapter(target.url, target.poolMax) });
  try {
    const started = Date.now();
    const report = await migrateAttachmentsToS3(db, stores, (line) => console.log(line));
    console.log(`${report.moved} document(s) déplacé(s) de ${stores.folder.dir} vers le compartiment ${stores.s3.settings.bucket} en ${Date.now() - started} ms.`);
    if (report.missing.length) console.log(`Fichier absent du dossier local (laissé tel quel) : ${report.missing.join(", ")}`);
    if (report.corrupt.length) console.log(`Fichier altéré (empreinte différente, laissé dans le dossier local) : ${report.corrupt.join(", ")}`);
    console.log(`Base : ${target.description}.`);
    return report.missing.length || report.corrupt.length ? 1 : 0;
  } finally {
    await db.$disconnect();
    await target.release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

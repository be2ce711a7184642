-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('LEASE', 'COMMANDEMENT', 'ASSIGNATION', 'JUDGMENT', 'CQL', 'JEX_DECISION', 'LANDLORD_STATEMENT', 'CAF_ATTESTATION', 'TAX_NOTICE', 'DSF', 'HOUSING_PHOTO', 'LETTER_RECEIVED', 'OTHER');

-- CreateEnum
CREATE TYPE "AttachmentStorage" AS ENUM ('FOLDER', 'S3');

-- AlterTable
ALTER TABLE "AccessLog" ADD COLUMN     "attachmentId" TEXT;

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "documentOn" DATE NOT NULL,
    "note" TEXT,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage" "AttachmentStorage" NOT NULL,
    "storageKey" TEXT,
    "addedById" TEXT,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymisedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_caseId_kind_idx" ON "Attachment"("caseId", "kind");

-- CreateIndex
CREATE INDEX "Attachment_storage_idx" ON "Attachment"("storage");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('ASSIGNATION_POSSIBLE', 'PREFET_NOTIFICATION_LATEST', 'DSF_INTERVIEW_OFFER_LATEST', 'DSF_TRANSMISSION_LATEST', 'HEARING', 'APPEAL_DELAY_END', 'CQL_POSSIBLE', 'EXPULSION_POSSIBLE', 'CFP_IMPLICIT_REFUSAL');

-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('TENANT_FIRST_LETTER', 'LANDLORD_LETTER', 'DOOR_NOTICE', 'REMINDER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ProcedureStage" ADD VALUE 'DSF_REFERRAL';
ALTER TYPE "ProcedureStage" ADD VALUE 'DSF_INTERVIEW_OFFER';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "deadlinesVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "importBatchId" TEXT,
ADD COLUMN     "nextDeadlineKind" "DeadlineKind",
ADD COLUMN     "nextDeadlineOn" DATE;

-- AlterTable
ALTER TABLE "Diagnostic" ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "FunderAgreement" ADD COLUMN     "capCents" INTEGER,
ADD COLUMN     "reference" TEXT;

-- AlterTable
ALTER TABLE "FunderRate" ADD COLUMN     "maxPerHousehold" INTEGER;

-- AlterTable
ALTER TABLE "SupportPeriod" ADD COLUMN     "outcomeNote" TEXT;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "letterSignature" TEXT,
ADD COLUMN     "letterheadAddress" TEXT,
ADD COLUMN     "letterheadEmail" TEXT,
ADD COLUMN     "letterheadName" TEXT,
ADD COLUMN     "letterheadPhone" TEXT;

-- CreateTable
CREATE TABLE "CaseDeadline" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "on" DATE NOT NULL,
    "ruleId" TEXT NOT NULL,

    CONSTRAINT "CaseDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "importedById" TEXT,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "totalRows" INTEGER NOT NULL,
    "createdCount" INTEGER NOT NULL,
    "updatedCount" INTEGER NOT NULL,
    "skippedCount" INTEGER NOT NULL,
    "rejectedCount" INTEGER NOT NULL,
    "report" JSONB,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterTemplate" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LetterTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseDeadline_caseId_on_idx" ON "CaseDeadline"("caseId", "on");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDeadline_caseId_kind_key" ON "CaseDeadline"("caseId", "kind");

-- CreateIndex
CREATE INDEX "ImportBatch_teamId_importedAt_idx" ON "ImportBatch"("teamId", "importedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LetterTemplate_teamId_kind_key" ON "LetterTemplate"("teamId", "kind");

-- CreateIndex
CREATE INDEX "Case_teamId_nextDeadlineOn_idx" ON "Case"("teamId", "nextDeadlineOn");

-- CreateIndex
CREATE INDEX "Case_nextDeadlineOn_idx" ON "Case"("nextDeadlineOn");

-- CreateIndex
CREATE INDEX "Case_importBatchId_idx" ON "Case"("importBatchId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDeadline" ADD CONSTRAINT "CaseDeadline_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterTemplate" ADD CONSTRAINT "LetterTemplate_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterTemplate" ADD CONSTRAINT "LetterTemplate_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

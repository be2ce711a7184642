-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "landlordLetterSentOn" DATE,
ADD COLUMN     "provedGone" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminderDueOn" DATE,
ADD COLUMN     "tenantLetterSentOn" DATE;

-- CreateIndex
CREATE INDEX "Case_teamId_reminderDueOn_idx" ON "Case"("teamId", "reminderDueOn");

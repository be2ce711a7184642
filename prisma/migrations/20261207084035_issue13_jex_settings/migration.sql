-- AlterEnum
ALTER TYPE "ProcedureStage" ADD VALUE 'JEX_REFERRAL';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "nextDeadlineExpiresOn" DATE;

-- AlterTable
ALTER TABLE "CaseDeadline" ADD COLUMN     "expiresOn" DATE;

-- AlterTable
ALTER TABLE "ProcedureEvent" ADD COLUMN     "delayEndsOn" DATE;

-- CreateTable
CREATE TABLE "TeamProcedureSetting" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "changedById" TEXT,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamProcedureSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamProcedureSetting_teamId_key_key" ON "TeamProcedureSetting"("teamId", "key");

-- AddForeignKey
ALTER TABLE "TeamProcedureSetting" ADD CONSTRAINT "TeamProcedureSetting_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamProcedureSetting" ADD CONSTRAINT "TeamProcedureSetting_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data (issue 13): a JEX delay recorded as "N months" gets the end date the
-- decision sets, counted from the decision (CPCE L412-4): the decision's date
-- + N months, clamped to the month's last day as CPC 641 counts (PostgreSQL's
-- date + interval does the same: 2025-01-31 + 1 month = 2025-02-28).
-- The cases' stored deadlines are recomputed by PROCEDURE_DEADLINES_VERSION.
UPDATE "ProcedureEvent"
   SET "delayEndsOn" = ("date" + make_interval(months => "delayMonths"))::date
 WHERE "stage" = 'JEX_DELAY' AND "delayMonths" IS NOT NULL AND "delayEndsOn" IS NULL;

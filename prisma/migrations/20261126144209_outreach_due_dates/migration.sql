-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "landlordLetterSentOn" DATE,
ADD COLUMN     "provedGone" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminderDueOn" DATE,
ADD COLUMN     "tenantLetterSentOn" DATE;

-- CreateIndex
CREATE INDEX "Case_teamId_reminderDueOn_idx" ON "Case"("teamId", "reminderDueOn");

-- Backfill the new columns from the cases' existing outreach events (hand-written:
-- the app maintains them from now on, see lib/domain/outreach/case-fields.ts).
UPDATE "Case" c SET
  "tenantLetterSentOn" = (SELECT min((e."occurredAt" AT TIME ZONE 'Europe/Paris')::date) FROM "OutreachEvent" e WHERE e."caseId" = c."id" AND e."kind" = 'LETTER_TENANT'),
  "landlordLetterSentOn" = (SELECT min((e."occurredAt" AT TIME ZONE 'Europe/Paris')::date) FROM "OutreachEvent" e WHERE e."caseId" = c."id" AND e."kind" = 'LETTER_LANDLORD'),
  "provedGone" = EXISTS (SELECT 1 FROM "OutreachEvent" e WHERE e."caseId" = c."id" AND e."kind" = 'VISIT' AND e."visitOutcome" IN ('MOVED_OUT', 'NOT_AT_ADDRESS')),
  "reminderDueOn" = CASE WHEN c."state" = 'VISIT_2_FAILED' THEN
    (SELECT e."dueOn" FROM "OutreachEvent" e WHERE e."caseId" = c."id" AND e."kind" = 'VISIT' AND e."toState" = 'VISIT_2_FAILED' ORDER BY e."occurredAt" DESC LIMIT 1)
  END;

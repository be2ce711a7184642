-- Issue 17, decision 044: the national dashboard reads the landlords of the
-- caseload in landlord order from this index (index-only scan, streaming
-- GROUP BY), instead of hashing 58 000 landlords per call.
-- CreateIndex
CREATE INDEX "CaseFacts_landlordId_teamId_openedOn_landlordKind_landlordL_idx" ON "CaseFacts"("landlordId", "teamId", "openedOn", "landlordKind", "landlordLetterAt", "landlordContactAt");

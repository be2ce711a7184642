-- Issue 17, decision 050. "À faire" lists the deadlines of the team's open
-- cases from today to the horizon: without an index on the day, each request
-- scanned every case's deadlines (83 000 rows at 100 000 cases, 30 ms); the
-- window is now read from this index and joined to its cases.
-- CreateIndex
CREATE INDEX "CaseDeadline_on_caseId_idx" ON "CaseDeadline"("on", "caseId");

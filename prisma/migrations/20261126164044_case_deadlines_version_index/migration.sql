-- CreateIndex
CREATE INDEX "Case_deadlinesVersion_idx" ON "Case"("deadlinesVersion");

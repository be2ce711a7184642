-- Issue 17, decision 048: the journal (administration) reads its entries newest
-- first from these indexes and counts at most 1 000, instead of scanning the
-- audit of a team's 10 000 cases; (action, at) serves the action filter and
-- the loose scan that lists the actions.
-- CreateIndex
CREATE INDEX "AccessLog_at_id_idx" ON "AccessLog"("at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_at_id_idx" ON "AuditLog"("at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- Issue 17, decision 048. The journal (administration) reads its entries
-- newest first from the (at, id) indexes and counts at most 1 000, instead of
-- scanning the audit of a team's 10 000 cases; (action, at) serves the action
-- filter and the loose scan that lists the actions. Case(leaseId): a
-- landlord's cases (landlords list and page) through its leases, instead of a
-- scan of the team's cases per query.
-- CreateIndex
CREATE INDEX "AccessLog_at_id_idx" ON "AccessLog"("at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_at_id_idx" ON "AuditLog"("at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "Case_leaseId_idx" ON "Case"("leaseId");

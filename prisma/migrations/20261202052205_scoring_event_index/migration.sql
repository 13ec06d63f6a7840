-- CreateIndex
CREATE INDEX "EngagementEvent_scoring_idx" ON "EngagementEvent"("accountId", "actorId", "occurredAt", "type", "weight");

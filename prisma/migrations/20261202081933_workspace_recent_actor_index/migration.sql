-- CreateIndex
CREATE INDEX "EngagementEvent_recent_actor_idx" ON "EngagementEvent"("accountId", "occurredAt", "actorId", "type");

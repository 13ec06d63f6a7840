-- DropIndex
DROP INDEX "EngagementEvent_scoring_idx";

-- DropIndex
DROP INDEX "EngagementEvent_recent_actor_idx";

-- CreateIndex
CREATE INDEX "EngagementEvent_account_time_idx" ON "EngagementEvent"("accountId", "occurredAt", "actorId", "type", "weight");

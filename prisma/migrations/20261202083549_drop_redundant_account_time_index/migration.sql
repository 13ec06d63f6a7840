-- DropIndex
DROP INDEX "EngagementEvent_accountId_occurredAt_idx";

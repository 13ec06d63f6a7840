-- CreateTable
CREATE TABLE "EngagementEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "accountId" TEXT,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "weight" REAL NOT NULL DEFAULT 1,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'app',
    "metadata" TEXT,
    CONSTRAINT "EngagementEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EngagementEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContentCompletion" (
    "userId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "via" TEXT NOT NULL DEFAULT 'manual',

    PRIMARY KEY ("userId", "articleId"),
    CONSTRAINT "ContentCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VideoProgress" (
    "userId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "watchedMask" TEXT NOT NULL,
    "watchedSeconds" INTEGER NOT NULL DEFAULT 0,
    "allowance" REAL NOT NULL DEFAULT 3,
    "lastReportAt" DATETIME,
    "completedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "articleId"),
    CONSTRAINT "VideoProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChampionTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cohort" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChampionTerm_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "EngagementEvent_idempotencyKey_key" ON "EngagementEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EngagementEvent_accountId_occurredAt_idx" ON "EngagementEvent"("accountId", "occurredAt");

-- CreateIndex
CREATE INDEX "EngagementEvent_actorId_occurredAt_idx" ON "EngagementEvent"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "EngagementEvent_type_occurredAt_idx" ON "EngagementEvent"("type", "occurredAt");

-- CreateIndex
CREATE INDEX "EngagementEvent_subjectType_subjectId_idx" ON "EngagementEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "ContentCompletion_articleId_idx" ON "ContentCompletion"("articleId");

-- CreateIndex
CREATE INDEX "ChampionTerm_endsAt_idx" ON "ChampionTerm"("endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChampionTerm_userId_cohort_key" ON "ChampionTerm"("userId", "cohort");

-- CreateTable
CREATE TABLE "MemberEngagement" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "score" REAL NOT NULL,
    "level" TEXT NOT NULL,
    "contributions" INTEGER NOT NULL,
    "lastEventAt" DATETIME,
    "computedAt" DATETIME NOT NULL,
    CONSTRAINT "MemberEngagement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HealthModelVersion" (
    "version" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "config" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HealthModelVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HealthSnapshot" (
    "accountId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "overall" INTEGER NOT NULL,
    "band" TEXT NOT NULL,
    "adoption" INTEGER,
    "enablement" INTEGER,
    "community" INTEGER,
    "relationship" INTEGER,
    "momentum" INTEGER,
    "weights" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "modelVersion" INTEGER NOT NULL,
    "computedAt" DATETIME NOT NULL,

    PRIMARY KEY ("accountId", "day"),
    CONSTRAINT "HealthSnapshot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoringJobState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lastEventRowId" INTEGER NOT NULL DEFAULT 0,
    "lastRunAt" DATETIME,
    "lastFullAt" DATETIME,
    "lockedUntil" DATETIME,
    "lockHolder" TEXT
);

-- CreateTable
CREATE TABLE "HealthAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "conditionKey" TEXT NOT NULL,
    "openKey" TEXT,
    "severity" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "nextAction" TEXT NOT NULL,
    "link" TEXT,
    "ownerId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "acknowledgedAt" DATETIME,
    "acknowledgedById" TEXT,
    "acknowledgeNote" TEXT NOT NULL DEFAULT '',
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "resolutionNote" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HealthAlert_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HealthAlert_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HealthAlert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HealthAlert_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LifecycleStageDef" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "rules" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AccountStageChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT '{}',
    "actorId" TEXT,
    "holdUntil" DATETIME,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountStageChange_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccountStageChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MemberEngagement_level_idx" ON "MemberEngagement"("level");

-- CreateIndex
CREATE INDEX "HealthSnapshot_day_band_idx" ON "HealthSnapshot"("day", "band");

-- CreateIndex
CREATE UNIQUE INDEX "HealthAlert_openKey_key" ON "HealthAlert"("openKey");

-- CreateIndex
CREATE INDEX "HealthAlert_ownerId_status_idx" ON "HealthAlert"("ownerId", "status");

-- CreateIndex
CREATE INDEX "HealthAlert_accountId_status_idx" ON "HealthAlert"("accountId", "status");

-- CreateIndex
CREATE INDEX "HealthAlert_conditionKey_resolvedAt_idx" ON "HealthAlert"("conditionKey", "resolvedAt");

-- CreateIndex
CREATE INDEX "LifecycleStageDef_position_idx" ON "LifecycleStageDef"("position");

-- CreateIndex
CREATE UNIQUE INDEX "AccountStageChange_dedupeKey_key" ON "AccountStageChange"("dedupeKey");

-- CreateIndex
CREATE INDEX "AccountStageChange_accountId_createdAt_idx" ON "AccountStageChange"("accountId", "createdAt");

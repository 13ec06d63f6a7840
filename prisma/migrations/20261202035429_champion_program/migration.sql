-- CreateTable
CREATE TABLE "ChampionProgram" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'program',
    "cohortYear" INTEGER NOT NULL,
    "nominationsOpen" BOOLEAN NOT NULL DEFAULT true,
    "termMonths" INTEGER NOT NULL DEFAULT 12,
    "peerNominations" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ChampionCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "rubricJa" TEXT NOT NULL,
    "rubricEn" TEXT NOT NULL,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ChampionNomination" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nomineeId" TEXT NOT NULL,
    "nominatorId" TEXT,
    "accountId" TEXT,
    "cohort" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'submitted',
    "snapshot" TEXT NOT NULL,
    "reviewStartedAt" DATETIME,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "termId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChampionNomination_nomineeId_fkey" FOREIGN KEY ("nomineeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChampionNomination_nominatorId_fkey" FOREIGN KEY ("nominatorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ChampionNomination_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ChampionNomination_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChampionEvidence" (
    "nominationId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "links" TEXT NOT NULL DEFAULT '[]',

    PRIMARY KEY ("nominationId", "criterionId"),
    CONSTRAINT "ChampionEvidence_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "ChampionNomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChampionEvidence_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ChampionCriterion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChampionEndorsement" (
    "nominationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("nominationId", "userId"),
    CONSTRAINT "ChampionEndorsement_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "ChampionNomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChampionEndorsement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChampionReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "comment" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChampionReview_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "ChampionNomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChampionReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChampionScore" (
    "reviewId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,

    PRIMARY KEY ("reviewId", "criterionId"),
    CONSTRAINT "ChampionScore_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ChampionReview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChampionScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ChampionCriterion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChampionProfile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "bio" TEXT NOT NULL DEFAULT '',
    "languages" TEXT NOT NULL DEFAULT 'ja',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChampionProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChampionTopic" (
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,

    PRIMARY KEY ("userId", "topic"),
    CONSTRAINT "ChampionTopic_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ChampionProfile" ("userId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChampionTermAccount" (
    "termId" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChampionTermAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccountChampionWatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "condition" TEXT NOT NULL,
    "championId" TEXT,
    "since" DATETIME NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "detectedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "AccountChampionWatch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccountChampionWatch_championId_fkey" FOREIGN KEY ("championId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ChampionCriterion_retiredAt_position_idx" ON "ChampionCriterion"("retiredAt", "position");

-- CreateIndex
CREATE INDEX "ChampionNomination_cohort_state_idx" ON "ChampionNomination"("cohort", "state");

-- CreateIndex
CREATE INDEX "ChampionNomination_state_createdAt_idx" ON "ChampionNomination"("state", "createdAt");

-- CreateIndex
CREATE INDEX "ChampionNomination_nominatorId_idx" ON "ChampionNomination"("nominatorId");

-- CreateIndex
CREATE INDEX "ChampionNomination_accountId_idx" ON "ChampionNomination"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "ChampionNomination_nomineeId_cohort_key" ON "ChampionNomination"("nomineeId", "cohort");

-- CreateIndex
CREATE INDEX "ChampionEvidence_criterionId_idx" ON "ChampionEvidence"("criterionId");

-- CreateIndex
CREATE INDEX "ChampionEndorsement_userId_idx" ON "ChampionEndorsement"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ChampionReview_nominationId_reviewerId_key" ON "ChampionReview"("nominationId", "reviewerId");

-- CreateIndex
CREATE INDEX "ChampionScore_criterionId_idx" ON "ChampionScore"("criterionId");

-- CreateIndex
CREATE INDEX "ChampionTopic_topic_idx" ON "ChampionTopic"("topic");

-- CreateIndex
CREATE INDEX "ChampionTermAccount_accountId_idx" ON "ChampionTermAccount"("accountId");

-- CreateIndex
CREATE INDEX "AccountChampionWatch_accountId_resolvedAt_idx" ON "AccountChampionWatch"("accountId", "resolvedAt");

-- CreateIndex
CREATE INDEX "AccountChampionWatch_resolvedAt_condition_idx" ON "AccountChampionWatch"("resolvedAt", "condition");

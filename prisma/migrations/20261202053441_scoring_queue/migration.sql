-- CreateTable
CREATE TABLE "ScoringQueue" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScoringQueue_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

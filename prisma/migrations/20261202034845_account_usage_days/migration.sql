-- CreateTable
CREATE TABLE "AccountUsageDay" (
    "accountId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "activeUsers" INTEGER NOT NULL,
    "featureCounts" TEXT NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL DEFAULT 'import',
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("accountId", "day"),
    CONSTRAINT "AccountUsageDay_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AccountUsageDay_day_idx" ON "AccountUsageDay"("day");

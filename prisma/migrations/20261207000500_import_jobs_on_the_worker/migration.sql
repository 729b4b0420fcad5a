-- CSV imports become background jobs run by the leased worker (issue 13, ADR 024): which import a
-- job is (the pipeline or carers), and the claim, retry and dead-letter columns the outbox has. An
-- import that was running when this is applied is claimed by the new worker and run again (its
-- write is one transaction, so nothing of it was kept); the old run's last write checks it still
-- owns the job, so only one of them writes. Written from prisma migrate diff of the schema before
-- and after (SQLite cannot add a column whose default is CURRENT_TIMESTAMP, so the table is copied).

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL DEFAULT 'pipeline',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filename" TEXT NOT NULL,
    "csv" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'checked',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "importedRows" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]',
    "finishedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT
);
INSERT INTO "new_ImportJob" ("createdAt", "createdById", "csv", "errors", "filename", "finishedAt", "id", "importedRows", "processedRows", "status", "totalRows") SELECT "createdAt", "createdById", "csv", "errors", "filename", "finishedAt", "id", "importedRows", "processedRows", "status", "totalRows" FROM "ImportJob";
DROP TABLE "ImportJob";
ALTER TABLE "new_ImportJob" RENAME TO "ImportJob";
CREATE INDEX "ImportJob_status_nextAttemptAt_idx" ON "ImportJob"("status", "nextAttemptAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Rate limits in the database (issue 12, ADR 018): one table of counts per limit, key and window,
-- shared by every server process and kept across restarts. Staff accounts lose their lock-out
-- (failedSignIns, lockedUntil): wrong passwords now slow sign-in down by address and client instead.
-- Written from prisma migrate diff of the schema before and after.

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowIndex" INTEGER NOT NULL,
    "hits" INTEGER NOT NULL,
    "lastHitAt" DATETIME NOT NULL,

    PRIMARY KEY ("name", "key", "windowIndex")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StaffUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "passwordHash" TEXT,
    "disabledAt" DATETIME
);
INSERT INTO "new_StaffUser" ("createdAt", "disabledAt", "email", "id", "name", "passwordHash", "role") SELECT "createdAt", "disabledAt", "email", "id", "name", "passwordHash", "role" FROM "StaffUser";
DROP TABLE "StaffUser";
ALTER TABLE "new_StaffUser" RENAME TO "StaffUser";
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


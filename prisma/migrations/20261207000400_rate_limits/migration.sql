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

-- AlterTable
-- prisma migrate diff writes this as a copy of the whole StaffUser table; dropping the two columns
-- instead (SQLite 3.35+) leaves every other column alone, whatever other migrations add to it.
ALTER TABLE "StaffUser" DROP COLUMN "failedSignIns";
ALTER TABLE "StaffUser" DROP COLUMN "lockedUntil";

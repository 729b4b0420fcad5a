-- Response-time clocks (issue 4): each household's nearest deadline, target history, closure days,
-- reminders sent once per clock and level, daily digests and the scheduler's lease.

-- AlterTable
ALTER TABLE "Household" ADD COLUMN "nextClockKey" TEXT;
ALTER TABLE "Household" ADD COLUMN "nextClockAtRiskOn" TEXT;
ALTER TABLE "Household" ADD COLUMN "nextClockDeadline" TEXT;

-- CreateTable
CREATE TABLE "TargetSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "effectiveFrom" DATETIME NOT NULL,
    "targets" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE "ServiceClosure" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE "ClockReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "clockKey" TEXT NOT NULL,
    "clockStartedOn" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE "DailyDigest" (
    "userId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "date")
);
CREATE TABLE "SchedulerLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Household_status_nextClockDeadline_idx" ON "Household"("status", "nextClockDeadline");
CREATE INDEX "Household_ownerId_nextClockDeadline_idx" ON "Household"("ownerId", "nextClockDeadline");
CREATE INDEX "TargetSetting_effectiveFrom_idx" ON "TargetSetting"("effectiveFrom");
CREATE UNIQUE INDEX "ClockReminder_householdId_clockKey_clockStartedOn_level_key" ON "ClockReminder"("householdId", "clockKey", "clockStartedOn", "level");

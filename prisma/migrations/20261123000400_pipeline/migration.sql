-- The pipeline: staff views of households, their timelines and actions (issue 3).

-- AlterTable
ALTER TABLE "StageEvent" ADD COLUMN "reviewOn" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "householdId" TEXT;
ALTER TABLE "Household" ADD COLUMN "displayName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Household" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Household" ADD COLUMN "channelId" TEXT;

-- Fill the pipeline copies for households that already exist (app/domain/household-search.ts
-- writes the same shapes from now on).
UPDATE "Household" SET
  "displayName" = COALESCE((SELECT a."firstName" || ' ' || a."lastName" FROM "Applicant" a
    WHERE a."householdId" = "Household"."id" ORDER BY a."isPrimary" DESC, a."createdAt" LIMIT 1), ''),
  "channelId" = (SELECT e."channelId" FROM "Enquiry" e WHERE e."householdId" = "Household"."id"
    ORDER BY e."receivedAt" LIMIT 1);
UPDATE "Household" SET "searchText" = lower(
  "reference" || ' ' || "postcode" || ' ' || replace("postcode", ' ', '') || ' ' ||
  COALESCE((SELECT group_concat(a."firstName" || ' ' || a."lastName" || ' ' || a."emailNormalized" || ' ' ||
    replace(replace(replace(replace(replace(a."phone", ' ', ''), '-', ''), '(', ''), ')', ''), '+44', '0'), ' ')
    FROM "Applicant" a WHERE a."householdId" = "Household"."id"), '') || ' ' ||
  COALESCE((SELECT group_concat(e."reference", ' ') FROM "Enquiry" e WHERE e."householdId" = "Household"."id"), ''));

-- CreateTable
CREATE TABLE "ContactAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactAttempt_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactAttempt_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE TABLE "HouseholdNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HouseholdNote_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HouseholdNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffUser" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE TABLE "HouseholdTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "assigneeId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "completedById" TEXT,
    CONSTRAINT "HouseholdTask_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HouseholdTask_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE TABLE "OwnerChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "fromOwnerId" TEXT,
    "toOwnerId" TEXT,
    "actorId" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OwnerChange_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "householdId" TEXT,
    "action" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filename" TEXT NOT NULL,
    "csv" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'checked',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "importedRows" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]',
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Household_status_stage_stageEnteredOn_idx" ON "Household"("status", "stage", "stageEnteredOn");
CREATE INDEX "Household_ownerId_status_idx" ON "Household"("ownerId", "status");
CREATE INDEX "Household_channelId_idx" ON "Household"("channelId");
CREATE INDEX "OutboxMessage_householdId_idx" ON "OutboxMessage"("householdId");
CREATE INDEX "ContactAttempt_householdId_occurredAt_idx" ON "ContactAttempt"("householdId", "occurredAt");
CREATE INDEX "HouseholdNote_householdId_createdAt_idx" ON "HouseholdNote"("householdId", "createdAt");
CREATE INDEX "HouseholdTask_householdId_idx" ON "HouseholdTask"("householdId");
CREATE INDEX "HouseholdTask_assigneeId_completedAt_dueOn_idx" ON "HouseholdTask"("assigneeId", "completedAt", "dueOn");
CREATE INDEX "OwnerChange_householdId_changedAt_idx" ON "OwnerChange"("householdId", "changedAt");
CREATE INDEX "AuditEntry_householdId_at_idx" ON "AuditEntry"("householdId", "at");
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");
DROP INDEX "Household_status_stage_idx";
DROP INDEX "Household_ownerId_idx";

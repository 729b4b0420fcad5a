-- Possible matches between a new enquiry's household and one already known, and enquiries held back
-- by the spam trap (docs/decisions/016). Existing applicants' phoneKey and nameKey are filled by the
-- app on start (fillMatchKeysAfterUpgrade), from the same function that writes new ones.

-- CreateTable
CREATE TABLE "PossibleMatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "newHouseholdId" TEXT NOT NULL,
    "newReference" TEXT NOT NULL,
    "existingHouseholdId" TEXT NOT NULL,
    "matchedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "reason" TEXT,
    "keptDetails" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PossibleMatch_existingHouseholdId_fkey" FOREIGN KEY ("existingHouseholdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PossibleMatch_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuarantinedEnquiry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "answers" TEXT NOT NULL,
    "attribution" TEXT NOT NULL,
    "consentWording" TEXT NOT NULL,
    "trapValue" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Applicant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "phoneKey" TEXT NOT NULL DEFAULT '',
    "nameKey" TEXT NOT NULL DEFAULT '',
    "isPrimary" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Applicant_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Applicant" ("createdAt", "email", "emailNormalized", "firstName", "householdId", "id", "isPrimary", "lastName", "phone") SELECT "createdAt", "email", "emailNormalized", "firstName", "householdId", "id", "isPrimary", "lastName", "phone" FROM "Applicant";
DROP TABLE "Applicant";
ALTER TABLE "new_Applicant" RENAME TO "Applicant";
CREATE INDEX "Applicant_emailNormalized_idx" ON "Applicant"("emailNormalized");
CREATE INDEX "Applicant_phoneKey_idx" ON "Applicant"("phoneKey");
CREATE INDEX "Applicant_nameKey_idx" ON "Applicant"("nameKey");
CREATE INDEX "Applicant_householdId_idx" ON "Applicant"("householdId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PossibleMatch_newHouseholdId_status_idx" ON "PossibleMatch"("newHouseholdId", "status");

-- CreateIndex
CREATE INDEX "PossibleMatch_existingHouseholdId_status_idx" ON "PossibleMatch"("existingHouseholdId", "status");

-- CreateIndex
CREATE INDEX "PossibleMatch_status_createdAt_idx" ON "PossibleMatch"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PossibleMatch_newHouseholdId_existingHouseholdId_key" ON "PossibleMatch"("newHouseholdId", "existingHouseholdId");

-- CreateIndex
CREATE UNIQUE INDEX "QuarantinedEnquiry_submissionKey_key" ON "QuarantinedEnquiry"("submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "QuarantinedEnquiry_reference_key" ON "QuarantinedEnquiry"("reference");

-- CreateIndex
CREATE INDEX "QuarantinedEnquiry_receivedAt_idx" ON "QuarantinedEnquiry"("receivedAt");


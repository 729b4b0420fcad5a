-- CreateTable
CREATE TABLE "ServiceSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "data" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" DATETIME
);

-- CreateTable
CREATE TABLE "ExitReason" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "endedBy" TEXT NOT NULL,
    "ofstedCode" TEXT,
    "nurture" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" DATETIME
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "route" TEXT NOT NULL DEFAULT 'mainstream',
    "status" TEXT NOT NULL DEFAULT 'open',
    "stage" TEXT NOT NULL DEFAULT 'enquiry',
    "stageEnteredOn" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "spareBedroom" TEXT NOT NULL,
    "householdMembers" TEXT NOT NULL,
    "fosteringInterests" TEXT NOT NULL,
    "ownerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "firstEnquiryAt" DATETIME NOT NULL,
    "lastEnquiryAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Household_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Applicant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Applicant_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enquiry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'web',
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "bestTimeToCall" TEXT NOT NULL,
    "spareBedroom" TEXT NOT NULL,
    "householdMembers" TEXT NOT NULL,
    "fosteringInterests" TEXT NOT NULL,
    "isKinship" BOOLEAN NOT NULL DEFAULT false,
    "kinshipDetails" TEXT,
    "howHeard" TEXT NOT NULL,
    "howHeardOther" TEXT,
    "channelId" TEXT NOT NULL,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmContent" TEXT,
    "referringSite" TEXT,
    "landingPage" TEXT,
    "referralCodeText" TEXT,
    "referralCodeId" TEXT,
    "consentGiven" BOOLEAN NOT NULL,
    "consentWording" TEXT NOT NULL,
    "privacyNoticeUrl" TEXT NOT NULL,
    CONSTRAINT "Enquiry_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enquiry_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enquiry_referralCodeId_fkey" FOREIGN KEY ("referralCodeId") REFERENCES "ReferralCode" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StageEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT,
    "businessDate" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "backdateReason" TEXT,
    "exitReasonId" TEXT,
    "note" TEXT,
    CONSTRAINT "StageEvent_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StageEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StageEvent_exitReasonId_fkey" FOREIGN KEY ("exitReasonId") REFERENCES "ExitReason" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferralCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "template" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_key_key" ON "Channel"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ExitReason_key_key" ON "ExitReason"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Household_reference_key" ON "Household"("reference");

-- CreateIndex
CREATE INDEX "Household_status_stage_idx" ON "Household"("status", "stage");

-- CreateIndex
CREATE INDEX "Household_ownerId_idx" ON "Household"("ownerId");

-- CreateIndex
CREATE INDEX "Household_route_firstEnquiryAt_idx" ON "Household"("route", "firstEnquiryAt");

-- CreateIndex
CREATE INDEX "Applicant_emailNormalized_idx" ON "Applicant"("emailNormalized");

-- CreateIndex
CREATE INDEX "Applicant_householdId_idx" ON "Applicant"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Enquiry_submissionKey_key" ON "Enquiry"("submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Enquiry_reference_key" ON "Enquiry"("reference");

-- CreateIndex
CREATE INDEX "Enquiry_householdId_idx" ON "Enquiry"("householdId");

-- CreateIndex
CREATE INDEX "Enquiry_receivedAt_idx" ON "Enquiry"("receivedAt");

-- CreateIndex
CREATE INDEX "Enquiry_channelId_receivedAt_idx" ON "Enquiry"("channelId", "receivedAt");

-- CreateIndex
CREATE INDEX "StageEvent_householdId_recordedAt_idx" ON "StageEvent"("householdId", "recordedAt");

-- CreateIndex
CREATE INDEX "StageEvent_kind_toStage_businessDate_idx" ON "StageEvent"("kind", "toStage", "businessDate");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCode_code_key" ON "ReferralCode"("code");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");


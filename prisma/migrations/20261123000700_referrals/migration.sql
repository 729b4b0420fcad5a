-- Refer a friend (issue 5): carers and their codes, placements, referrals, the versioned bonus scheme,
-- the bonus ledger, Stripe payments and events, invitations, and sign-in links for people who are
-- not staff. Written from prisma migrate diff of the schema before and after.

-- CreateTable
CREATE TABLE "Carer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL DEFAULT 'foster_carer',
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "phone" TEXT,
    "householdId" TEXT,
    "approvedOn" TEXT,
    "shortBreakOnly" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'active',
    "stripeAccountId" TEXT,
    "stripeAccountStatus" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Carer_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "carerId" TEXT NOT NULL,
    "startedOn" TEXT NOT NULL,
    "endedOn" TEXT,
    "childReference" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Placement_carerId_fkey" FOREIGN KEY ("carerId") REFERENCES "Carer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "referrerId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "enquiryId" TEXT,
    "via" TEXT NOT NULL,
    "referredOn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "ineligibleReason" TEXT,
    "countedHouseholdId" TEXT,
    "schemeId" TEXT NOT NULL,
    "staffReason" TEXT,
    "changedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Carer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Referral_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Referral_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "BonusScheme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BonusScheme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "effectiveFrom" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BonusEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "referralId" TEXT NOT NULL,
    "milestone" TEXT NOT NULL,
    "payeeId" TEXT,
    "amountPence" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "earnedOn" TEXT,
    "approvedAt" DATETIME,
    "approvedById" TEXT,
    "paidAt" DATETIME,
    "paidOn" TEXT,
    "paymentMethod" TEXT,
    "paymentReference" TEXT,
    "paidRecordedById" TEXT,
    "voidReason" TEXT,
    "voidedAt" DATETIME,
    "voidedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BonusEntry_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BonusEntry_payeeId_fkey" FOREIGN KEY ("payeeId") REFERENCES "Carer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BonusPayment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "liveEntryId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "amountPence" INTEGER NOT NULL,
    "destinationAccountId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "stripeTransferId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" DATETIME,
    CONSTRAINT "BonusPayment_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "BonusEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReferralInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "carerId" TEXT NOT NULL,
    "friendName" TEXT NOT NULL,
    "friendEmailHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReferralInvitation_carerId_fkey" FOREIGN KEY ("carerId") REFERENCES "Carer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "audience" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PortalSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "audience" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "csrfToken" TEXT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReferralCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "carerId" TEXT,
    CONSTRAINT "ReferralCode_carerId_fkey" FOREIGN KEY ("carerId") REFERENCES "Carer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ReferralCode" ("active", "code", "createdAt", "id") SELECT "active", "code", "createdAt", "id" FROM "ReferralCode";
DROP TABLE "ReferralCode";
ALTER TABLE "new_ReferralCode" RENAME TO "ReferralCode";
CREATE UNIQUE INDEX "ReferralCode_code_key" ON "ReferralCode"("code");
CREATE INDEX "ReferralCode_carerId_idx" ON "ReferralCode"("carerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Carer_emailNormalized_key" ON "Carer"("emailNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "Carer_householdId_key" ON "Carer"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Carer_stripeAccountId_key" ON "Carer"("stripeAccountId");

-- CreateIndex
CREATE INDEX "Carer_status_name_idx" ON "Carer"("status", "name");

-- CreateIndex
CREATE INDEX "Placement_carerId_startedOn_idx" ON "Placement"("carerId", "startedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_countedHouseholdId_key" ON "Referral"("countedHouseholdId");

-- CreateIndex
CREATE INDEX "Referral_householdId_idx" ON "Referral"("householdId");

-- CreateIndex
CREATE INDEX "Referral_referredOn_idx" ON "Referral"("referredOn");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_referrerId_householdId_key" ON "Referral"("referrerId", "householdId");

-- CreateIndex
CREATE INDEX "BonusScheme_effectiveFrom_idx" ON "BonusScheme"("effectiveFrom");

-- CreateIndex
CREATE INDEX "BonusEntry_status_idx" ON "BonusEntry"("status");

-- CreateIndex
CREATE INDEX "BonusEntry_payeeId_idx" ON "BonusEntry"("payeeId");

-- CreateIndex
CREATE UNIQUE INDEX "BonusEntry_referralId_milestone_key" ON "BonusEntry"("referralId", "milestone");

-- CreateIndex
CREATE UNIQUE INDEX "BonusPayment_liveEntryId_key" ON "BonusPayment"("liveEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "BonusPayment_stripeTransferId_key" ON "BonusPayment"("stripeTransferId");

-- CreateIndex
CREATE INDEX "BonusPayment_status_nextAttemptAt_idx" ON "BonusPayment"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "BonusPayment_entryId_idx" ON "BonusPayment"("entryId");

-- CreateIndex
CREATE INDEX "ReferralInvitation_carerId_createdAt_idx" ON "ReferralInvitation"("carerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralInvitation_carerId_friendEmailHash_key" ON "ReferralInvitation"("carerId", "friendEmailHash");

-- CreateIndex
CREATE INDEX "SignInLink_audience_subjectId_idx" ON "SignInLink"("audience", "subjectId");

-- CreateIndex
CREATE INDEX "PortalSession_audience_subjectId_idx" ON "PortalSession"("audience", "subjectId");


-- The first bonus scheme, in force from before any referral: £250 when the referred household is
-- approved and £250 when their first child has been placed for 12 weeks (app/domain/bonus-scheme.ts).
INSERT INTO "BonusScheme" ("id", "effectiveFrom", "rules", "createdAt") VALUES (
    'initial-bonus-scheme',
    '2000-01-01',
    '{"approvedPence":25000,"placementPence":25000,"placementWeeks":12,"welcomePence":0,"shortBreakPercent":100,"eligibleReferrerKinds":["foster_carer"],"contactWindowMonths":6}',
    CURRENT_TIMESTAMP
);

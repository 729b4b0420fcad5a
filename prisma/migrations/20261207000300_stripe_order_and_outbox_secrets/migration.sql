-- Issue 12, defect 8: Stripe's events are applied only when newer than what is held (ADR 011).
-- Carer.stripeAccountAsOf keeps when the stored account status was true at Stripe;
-- BonusPayment.reversedPence keeps how much of a transfer Stripe has reversed, which only grows.
-- Written from prisma migrate diff of the schema before and after.

-- AlterTable
ALTER TABLE "Carer" ADD COLUMN "stripeAccountAsOf" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BonusPayment" (
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
    "reversedPence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" DATETIME,
    CONSTRAINT "BonusPayment_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "BonusEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_BonusPayment" ("amountPence", "attempts", "createdAt", "createdById", "destinationAccountId", "entryId", "id", "lastError", "liveEntryId", "lockedUntil", "nextAttemptAt", "settledAt", "status", "stripeTransferId") SELECT "amountPence", "attempts", "createdAt", "createdById", "destinationAccountId", "entryId", "id", "lastError", "liveEntryId", "lockedUntil", "nextAttemptAt", "settledAt", "status", "stripeTransferId" FROM "BonusPayment";
DROP TABLE "BonusPayment";
ALTER TABLE "new_BonusPayment" RENAME TO "BonusPayment";
CREATE UNIQUE INDEX "BonusPayment_liveEntryId_key" ON "BonusPayment"("liveEntryId");
CREATE UNIQUE INDEX "BonusPayment_stripeTransferId_key" ON "BonusPayment"("stripeTransferId");
CREATE INDEX "BonusPayment_status_nextAttemptAt_idx" ON "BonusPayment"("status", "nextAttemptAt");
CREATE INDEX "BonusPayment_entryId_idx" ON "BonusPayment"("entryId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- A payment already marked reversed was reversed in full; partial reversals before this
-- migration are known only from their note, so they count from nought.
UPDATE "BonusPayment" SET "reversedPence" = "amountPence" WHERE "status" = 'reversed';

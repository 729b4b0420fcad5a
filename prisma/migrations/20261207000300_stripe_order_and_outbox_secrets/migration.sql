-- Issue 12, defect 8: Stripe's events are applied only when newer than what is held (ADR 011).
-- Carer.stripeAccountAsOf keeps when the stored account status was true at Stripe;
-- BonusPayment.reversedPence keeps how much of a transfer Stripe has reversed, which only grows.
-- Issue 12, defect 5: the outbox keeps a password or sign-in link's token apart from the email's
-- words (OutboxMessage.secret, until secretUntil) and only until the email is sent (ADR 017).
-- Written from prisma migrate diff of the schema before and after, then the data moved by hand.

-- AlterTable
ALTER TABLE "Carer" ADD COLUMN "stripeAccountAsOf" DATETIME;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "secret" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "secretUntil" DATETIME;

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

-- Emails written before this migration hold their link's token in their words, and the links
-- may still work (a welcome or sign-in link lasts 7 days). In every one the token becomes the
-- placeholder "{{secret}}", in the text and the HTML; an email still waiting to be sent keeps
-- its token in "secret" (until its link runs out, counted from when the email was written), so
-- the worker can still send it, and forgets it once sent. A token is the 43 characters after the
-- link's path, and only one of that shape is touched.
UPDATE "OutboxMessage"
SET
	"secret" = CASE WHEN "status" = 'pending'
		THEN substr("text", instr("text", '/reset-password/') + 16, 43) END,
	"secretUntil" = CASE WHEN "status" = 'pending'
		THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', "createdAt",
			CASE "template" WHEN 'password-reset' THEN '+1 hour' ELSE '+7 days' END) END,
	"text" = replace("text", substr("text", instr("text", '/reset-password/') + 16, 43), '{{secret}}'),
	"html" = replace("html", substr("text", instr("text", '/reset-password/') + 16, 43), '{{secret}}')
WHERE "template" LIKE 'password-%'
	AND instr("text", '/reset-password/') > 0
	AND length(substr("text", instr("text", '/reset-password/') + 16, 43)) = 43
	AND substr("text", instr("text", '/reset-password/') + 16, 43) NOT GLOB '*[^A-Za-z0-9_-]*';

UPDATE "OutboxMessage"
SET
	"secret" = CASE WHEN "status" = 'pending'
		THEN substr("text", instr("text", '/sign-in/') + 9, 43) END,
	"secretUntil" = CASE WHEN "status" = 'pending'
		THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', "createdAt", '+7 days') END,
	"text" = replace("text", substr("text", instr("text", '/sign-in/') + 9, 43), '{{secret}}'),
	"html" = replace("html", substr("text", instr("text", '/sign-in/') + 9, 43), '{{secret}}')
WHERE "template" LIKE 'sign-in-%'
	AND instr("text", '/sign-in/') > 0
	AND length(substr("text", instr("text", '/sign-in/') + 9, 43)) = 43
	AND substr("text", instr("text", '/sign-in/') + 9, 43) NOT GLOB '*[^A-Za-z0-9_-]*';

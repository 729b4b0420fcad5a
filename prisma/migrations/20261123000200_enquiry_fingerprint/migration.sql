-- AlterTable
ALTER TABLE "Enquiry" ADD COLUMN "fingerprint" TEXT;

-- CreateIndex
CREATE INDEX "Enquiry_fingerprint_receivedAt_idx" ON "Enquiry"("fingerprint", "receivedAt");

-- The funnel view's one row per household (issue 6), kept in step with the stage events by the app.
-- Filled for existing households by the app on start (fillFunnelFactsAfterUpgrade).

-- CreateTable
CREATE TABLE "FunnelFact" (
    "householdId" TEXT NOT NULL PRIMARY KEY,
    "route" TEXT NOT NULL,
    "enquiredOn" TEXT NOT NULL,
    "enquiredMonth" TEXT NOT NULL,
    "channelKey" TEXT NOT NULL,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "howHeard" TEXT,
    "referred" BOOLEAN NOT NULL DEFAULT false,
    "interests" TEXT NOT NULL DEFAULT '[]',
    "postcodeDistrict" TEXT NOT NULL,
    "ownerId" TEXT,
    "status" TEXT NOT NULL,
    "currentStage" TEXT NOT NULL,
    "initialContactOn" TEXT,
    "initialVisitOn" TEXT,
    "applicationOn" TEXT,
    "stage1On" TEXT,
    "stage2On" TEXT,
    "panelOn" TEXT,
    "approvedOn" TEXT,
    "exitStage" TEXT,
    "exitReasonKey" TEXT,
    "endedBy" TEXT,
    "exitedOn" TEXT,
    "enquiryDays" INTEGER,
    "initialContactDays" INTEGER,
    "initialVisitDays" INTEGER,
    "applicationDays" INTEGER,
    "stage1Days" INTEGER,
    "stage2Days" INTEGER,
    "panelDays" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FunnelFact_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FunnelFact_route_enquiredOn_idx" ON "FunnelFact"("route", "enquiredOn");

-- CreateIndex
CREATE INDEX "FunnelFact_route_initialContactOn_idx" ON "FunnelFact"("route", "initialContactOn");

-- CreateIndex
CREATE INDEX "FunnelFact_route_initialVisitOn_idx" ON "FunnelFact"("route", "initialVisitOn");

-- CreateIndex
CREATE INDEX "FunnelFact_route_applicationOn_idx" ON "FunnelFact"("route", "applicationOn");

-- CreateIndex
CREATE INDEX "FunnelFact_route_stage1On_idx" ON "FunnelFact"("route", "stage1On");

-- CreateIndex
CREATE INDEX "FunnelFact_route_stage2On_idx" ON "FunnelFact"("route", "stage2On");

-- CreateIndex
CREATE INDEX "FunnelFact_route_panelOn_idx" ON "FunnelFact"("route", "panelOn");

-- CreateIndex
CREATE INDEX "FunnelFact_route_approvedOn_idx" ON "FunnelFact"("route", "approvedOn");

-- CreateIndex
CREATE INDEX "FunnelFact_route_exitedOn_idx" ON "FunnelFact"("route", "exitedOn");


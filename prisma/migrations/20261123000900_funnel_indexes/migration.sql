-- DropIndex
DROP INDEX "FunnelFact_route_enquiredOn_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_exitedOn_idx";

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_idx" ON "FunnelFact"("route", "enquiredOn", "status", "currentStage", "channelKey", "exitStage", "endedBy", "exitReasonKey", "initialContactOn", "initialVisitOn", "applicationOn", "stage1On", "stage2On", "panelOn", "approvedOn");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_days_idx" ON "FunnelFact"("route", "enquiredOn", "enquiryDays", "initialContactDays", "initialVisitDays", "applicationDays", "stage1Days", "stage2Days", "panelDays");

-- CreateIndex
CREATE INDEX "FunnelFact_exits_idx" ON "FunnelFact"("route", "exitedOn", "exitStage", "endedBy", "exitReasonKey");


-- DropIndex
DROP INDEX "FunnelFact_route_enquiredOn_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_initialContactOn_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_initialVisitOn_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_applicationOn_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_stage1On_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_stage2On_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_panelOn_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_exitedOn_idx";

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_idx" ON "FunnelFact"("route", "enquiredOn", "status", "currentStage", "channelKey", "exitStage", "endedBy", "exitReasonKey", "initialContactOn", "initialVisitOn", "applicationOn", "stage1On", "stage2On", "panelOn", "approvedOn");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_days_idx" ON "FunnelFact"("route", "enquiredOn", "enquiryDays", "initialContactDays", "initialVisitDays", "applicationDays", "stage1Days", "stage2Days", "panelDays");

-- CreateIndex
CREATE INDEX "FunnelFact_route_initialContactOn_initialContactDays_idx" ON "FunnelFact"("route", "initialContactOn", "initialContactDays");

-- CreateIndex
CREATE INDEX "FunnelFact_route_initialVisitOn_initialVisitDays_idx" ON "FunnelFact"("route", "initialVisitOn", "initialVisitDays");

-- CreateIndex
CREATE INDEX "FunnelFact_route_applicationOn_applicationDays_idx" ON "FunnelFact"("route", "applicationOn", "applicationDays");

-- CreateIndex
CREATE INDEX "FunnelFact_route_stage1On_stage1Days_idx" ON "FunnelFact"("route", "stage1On", "stage1Days");

-- CreateIndex
CREATE INDEX "FunnelFact_route_stage2On_stage2Days_idx" ON "FunnelFact"("route", "stage2On", "stage2Days");

-- CreateIndex
CREATE INDEX "FunnelFact_route_panelOn_panelDays_idx" ON "FunnelFact"("route", "panelOn", "panelDays");

-- CreateIndex
CREATE INDEX "FunnelFact_exits_idx" ON "FunnelFact"("route", "exitedOn", "status", "exitStage", "endedBy", "exitReasonKey");


-- DropIndex
DROP INDEX "FunnelFact_cohort_idx";

-- DropIndex
DROP INDEX "FunnelFact_cohort_days_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_initialContactOn_initialContactDays_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_initialVisitOn_initialVisitDays_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_applicationOn_applicationDays_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_stage1On_stage1Days_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_stage2On_stage2Days_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_panelOn_panelDays_idx";

-- DropIndex
DROP INDEX "FunnelFact_route_approvedOn_idx";

-- DropIndex
DROP INDEX "FunnelFact_exits_idx";

-- CreateIndex
CREATE INDEX "FunnelFact_enquiry_days_idx" ON "FunnelFact"("route", "enquiryDays", "enquiredOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_initial_contact_days_idx" ON "FunnelFact"("route", "initialContactDays", "initialContactOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_initial_visit_days_idx" ON "FunnelFact"("route", "initialVisitDays", "initialVisitOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_application_days_idx" ON "FunnelFact"("route", "applicationDays", "applicationOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_stage_1_days_idx" ON "FunnelFact"("route", "stage1Days", "stage1On", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_stage_2_days_idx" ON "FunnelFact"("route", "stage2Days", "stage2On", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_panel_days_idx" ON "FunnelFact"("route", "panelDays", "panelOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_initial_contact_days_idx" ON "FunnelFact"("route", "initialContactDays", "enquiredOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_initial_visit_days_idx" ON "FunnelFact"("route", "initialVisitDays", "enquiredOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_application_days_idx" ON "FunnelFact"("route", "applicationDays", "enquiredOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_stage_1_days_idx" ON "FunnelFact"("route", "stage1Days", "enquiredOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_stage_2_days_idx" ON "FunnelFact"("route", "stage2Days", "enquiredOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_panel_days_idx" ON "FunnelFact"("route", "panelDays", "enquiredOn", "channelKey");

-- CreateIndex
CREATE INDEX "FunnelFact_now_idx" ON "FunnelFact"("route", "currentStage", "status", "enquiredOn", "initialContactOn", "initialVisitOn", "applicationOn", "stage1On", "stage2On", "panelOn", "channelKey", "exitStage", "endedBy", "exitReasonKey");

-- CreateIndex
CREATE INDEX "FunnelFact_cohort_idx" ON "FunnelFact"("route", "enquiredOn", "channelKey", "initialContactOn", "initialVisitOn", "applicationOn", "stage1On", "stage2On", "panelOn", "approvedOn");

-- CreateIndex
CREATE INDEX "FunnelFact_enquired_by_idx" ON "FunnelFact"("route", "enquiredOn", "channelKey", "utmSource", "utmMedium", "utmCampaign", "howHeard", "referred", "postcodeDistrict", "ownerId", "interests", "applicationOn", "approvedOn");

-- CreateIndex
CREATE INDEX "FunnelFact_applied_by_idx" ON "FunnelFact"("route", "applicationOn", "channelKey", "utmSource", "utmMedium", "utmCampaign", "howHeard", "referred", "postcodeDistrict", "ownerId", "interests");

-- CreateIndex
CREATE INDEX "FunnelFact_approved_by_idx" ON "FunnelFact"("route", "approvedOn", "channelKey", "utmSource", "utmMedium", "utmCampaign", "howHeard", "referred", "postcodeDistrict", "ownerId", "interests");

-- CreateIndex
CREATE INDEX "FunnelFact_exits_idx" ON "FunnelFact"("route", "exitedOn", "status", "exitStage", "endedBy", "exitReasonKey", "channelKey");


-- Who left, and why, without sorting them (ADR 029): the funnel counts each route, stage left from
-- and reason as one seek into these, then one range of the date it counts by (the exit's date for
-- a period, the enquiry's for a cohort), the channel read from the index too. Grouping the same
-- households sorted every one of them in the dates (about 85 ms a period at a million).
CREATE INDEX "FunnelFact_period_exits_idx" ON "FunnelFact"("route", "status", "exitStage", "exitReasonKey", "exitedOn", "channelKey");
CREATE INDEX "FunnelFact_cohort_exits_idx" ON "FunnelFact"("route", "status", "exitStage", "exitReasonKey", "enquiredOn", "channelKey");

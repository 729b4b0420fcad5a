-- Time in Stage 1 is known only from a recorded Stage 1 completion (issue 15): without one, the
-- time up to Panel or an exit is Stage 1 and Stage 2 together. The funnel rows already written
-- follow app/domain/funnel-facts.ts's rule from here on (no household with a 'completed' event has
-- stage1Days).
UPDATE "FunnelFact" SET "stage1Days" = NULL
WHERE "stage1Days" IS NOT NULL
	AND NOT EXISTS (
		SELECT 1 FROM "StageEvent" e WHERE e."householdId" = "FunnelFact"."householdId" AND e."kind" = 'completed'
	);

-- The pipeline board (ADR 029): its counts (households per stage, and how many are overdue or at
-- risk today) are one pass over this index in its own order, and each column's first cards one
-- LIMITed seek into it, in the order shown (longest in the stage first, then by id). It replaces
-- the index on (status, stage, stageEnteredOn), which it begins with.
DROP INDEX "Household_status_stage_stageEnteredOn_idx";
CREATE INDEX "Household_board_idx" ON "Household"("status", "stage", "stageEnteredOn", "id", "route", "nextClockAtRiskOn", "nextClockDeadline");

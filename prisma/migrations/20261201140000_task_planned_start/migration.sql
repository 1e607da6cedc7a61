-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "plannedStart" TIMESTAMPTZ(3);

-- A task still where the latest (not undone) plan run put it was placed by the planner;
-- every other scheduled task counts as placed by its person and is never moved.
UPDATE "tasks" AS t
   SET "plannedStart" = t."startTime"
  FROM (SELECT DISTINCT ON (c."taskId") c."taskId", c."newStart", r."undoneAt"
          FROM "plan_run_changes" c JOIN "plan_runs" r ON r.id = c."runId"
         WHERE c."taskId" IS NOT NULL
         ORDER BY c."taskId", r."createdAt" DESC, c.id DESC) AS latest
 WHERE latest."taskId" = t.id
   AND latest."undoneAt" IS NULL
   AND t."startTime" = latest."newStart";

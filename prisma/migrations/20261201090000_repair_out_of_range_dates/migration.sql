-- Repairs dates outside the range AgendaCraft accepts from now on:
-- 1970-01-01T00:00:00Z to 2999-12-31T23:59:59.999Z (packages/domain/src/shared/instant.ts).
-- Before, a request could store e.g. the year 10000, which PostgreSQL keeps but the Prisma
-- client reads back as an Invalid Date: every list and plan of that account then failed.
-- Data only (no schema change), idempotent, and a no-op on a database without such rows.
--
-- What happens to each column a person can set, directly or through what is derived from it:
--
-- * tasks.startTime and endTime: both set to NULL when either is outside the range. The task
--   becomes unscheduled again, so the auto-scheduler can place it. Clamping was rejected:
--   both ends would collapse onto the same last instant of 2999, which is no longer a task
--   with a length. Its split parts (task_blocks) go with its time.
-- * tasks.dueAt: clamped to the nearest end of the range. A deadline far in the future
--   stays the latest possible one and one before 1970 stays in the past (overdue): its
--   meaning is kept, which setting it to NULL (no deadline) would not do.
-- * task_blocks: any part outside the range is deleted (it only exists with its task time).
-- * plan_run_changes (what undo writes back): an old time outside the range becomes NULL, as
--   the task itself is now unscheduled. A change whose new time is outside the range is
--   deleted, so undo leaves that task as this repair left it.
-- * busy_events: deleted when outside the range. They are a copy of the calendars of the person:
--   the next sync (at most 15 minutes later, or Sync now) reads them again and now clips
--   events to the range. Each affected feed gets its eventCount recounted.
-- * planners.startDate (a DATE): clamped to the nearest end of the range.
--
-- Not touched: createdAt, updatedAt, completedAt, readAt, expiresAt and the other timestamps
-- are set from the server clock, never from a request.

DELETE FROM "task_blocks"
WHERE "start" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "start" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
   OR "end" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "end" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
   OR "taskId" IN (
     SELECT "id" FROM "tasks"
     WHERE "startTime" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "startTime" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
        OR "endTime" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "endTime" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
   );

UPDATE "tasks" SET "startTime" = NULL, "endTime" = NULL
WHERE "startTime" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "startTime" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
   OR "endTime" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "endTime" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00';

UPDATE "tasks"
SET "dueAt" = LEAST(GREATEST("dueAt", TIMESTAMPTZ '1970-01-01 00:00:00+00'), TIMESTAMPTZ '2999-12-31 23:59:59.999+00')
WHERE "dueAt" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "dueAt" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00';

DELETE FROM "plan_run_changes"
WHERE "newStart" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "newStart" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
   OR "newEnd" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "newEnd" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00';

UPDATE "plan_run_changes" SET "oldStart" = NULL, "oldEnd" = NULL
WHERE "oldStart" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "oldStart" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
   OR "oldEnd" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "oldEnd" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00';

WITH "removed" AS (
  DELETE FROM "busy_events"
  WHERE "start" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "start" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
     OR "end" < TIMESTAMPTZ '1970-01-01 00:00:00+00' OR "end" > TIMESTAMPTZ '2999-12-31 23:59:59.999+00'
  RETURNING "feedId"
)
UPDATE "calendar_feeds" AS "feed"
SET "eventCount" = (SELECT count(*) FROM "busy_events" AS "event" WHERE "event"."feedId" = "feed"."id")
  - (SELECT count(*) FROM "removed" WHERE "removed"."feedId" = "feed"."id")
WHERE "feed"."id" IN (SELECT "feedId" FROM "removed");

UPDATE "planners"
SET "startDate" = LEAST(GREATEST("startDate", DATE '1970-01-01'), DATE '2999-12-31')
WHERE "startDate" < DATE '1970-01-01' OR "startDate" > DATE '2999-12-31';

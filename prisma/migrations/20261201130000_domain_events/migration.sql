-- AlterTable
ALTER TABLE "areas" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;


-- AlterTable
ALTER TABLE "planners" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "task_reminders" (
    "taskId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "jobId" TEXT NOT NULL,
    "startTime" TIMESTAMPTZ(3) NOT NULL,
    "fireAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "task_reminders_pkey" PRIMARY KEY ("taskId")
);

-- CreateTable
CREATE TABLE "domain_events" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "aggregateId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "domain_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_streams" (
    "userId" UUID NOT NULL,
    "lastSeq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "event_streams_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "event_deliveries" (
    "subscriber" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "lastSeq" BIGINT NOT NULL DEFAULT 0,
    "deliveredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_deliveries_pkey" PRIMARY KEY ("subscriber","userId")
);

-- CreateIndex
CREATE INDEX "task_reminders_userId_idx" ON "task_reminders"("userId");

-- CreateIndex
CREATE INDEX "domain_events_occurredAt_idx" ON "domain_events"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "domain_events_userId_seq_key" ON "domain_events"("userId", "seq");

-- AddForeignKey
ALTER TABLE "task_reminders" ADD CONSTRAINT "task_reminders_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_streams" ADD CONSTRAINT "event_streams_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Undo compared updatedAt, it compares versions now. A change whose task still has the
-- updatedAt the run gave it is untouched since: it gets the task's version (1 after this
-- migration). Any other gets 0, which no task has: undo skips it as edited, as before.
ALTER TABLE "plan_run_changes" ADD COLUMN "appliedVersion" INTEGER;
UPDATE "plan_run_changes" c SET "appliedVersion" = CASE WHEN t."updatedAt" = c."appliedAt" THEN 1 ELSE 0 END
FROM "tasks" t WHERE t.id = c."taskId";
UPDATE "plan_run_changes" SET "appliedVersion" = 0 WHERE "appliedVersion" IS NULL;
ALTER TABLE "plan_run_changes" ALTER COLUMN "appliedVersion" SET NOT NULL, DROP COLUMN "appliedAt";

-- The reminder's job id moves to the notifier's own table.
-- The moment is not known for old jobs: the epoch, which no sync wants, so the next sync replaces them.
INSERT INTO "task_reminders" ("taskId", "userId", "jobId", "startTime", "fireAt")
SELECT id, "userId", "startJobId", COALESCE("startTime", 'epoch'), 'epoch' FROM "tasks" WHERE "startJobId" IS NOT NULL;
ALTER TABLE "tasks" DROP COLUMN "startJobId";

-- Every write moves the version on, whoever writes (Prisma, raw SQL, a migration).
-- The body's semicolons are written \073 (an E-string escape): the migration runner's driver
-- adapter splits scripts at every semicolon, even inside a function body.
CREATE FUNCTION "bump_version"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN NEW."version" := OLD."version" + 1\073 RETURN NEW\073 END';
CREATE TRIGGER "tasks_bump_version" BEFORE UPDATE ON "tasks" FOR EACH ROW EXECUTE FUNCTION "bump_version"();
CREATE TRIGGER "projects_bump_version" BEFORE UPDATE ON "projects" FOR EACH ROW EXECUTE FUNCTION "bump_version"();
CREATE TRIGGER "areas_bump_version" BEFORE UPDATE ON "areas" FOR EACH ROW EXECUTE FUNCTION "bump_version"();
CREATE TRIGGER "planners_bump_version" BEFORE UPDATE ON "planners" FOR EACH ROW EXECUTE FUNCTION "bump_version"();

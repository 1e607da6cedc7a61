-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "startJobId" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "autoPlan" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notifyByEmail" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyInApp" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyLeadMinutes" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "plan_runs" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "options" JSONB NOT NULL,
    "placedCount" INTEGER NOT NULL,
    "unplacedCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMPTZ(3),

    CONSTRAINT "plan_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_run_changes" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "taskId" UUID,
    "oldStart" TIMESTAMPTZ(3),
    "oldEnd" TIMESTAMPTZ(3),
    "newStart" TIMESTAMPTZ(3) NOT NULL,
    "newEnd" TIMESTAMPTZ(3) NOT NULL,
    "explanation" TEXT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plan_run_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "taskId" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "emailSentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "plan_runs_userId_createdAt_idx" ON "plan_runs"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "plan_run_changes_runId_idx" ON "plan_run_changes"("runId");

-- CreateIndex
CREATE INDEX "plan_run_changes_taskId_idx" ON "plan_run_changes"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_dedupeKey_key" ON "notifications"("dedupeKey");

-- CreateIndex
CREATE INDEX "notifications_userId_createdAt_idx" ON "notifications"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_idx" ON "notifications"("userId", "readAt");

-- AddForeignKey
ALTER TABLE "plan_runs" ADD CONSTRAINT "plan_runs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_run_changes" ADD CONSTRAINT "plan_run_changes_runId_fkey" FOREIGN KEY ("runId") REFERENCES "plan_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_run_changes" ADD CONSTRAINT "plan_run_changes_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

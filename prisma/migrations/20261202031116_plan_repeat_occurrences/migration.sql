-- CreateTable
CREATE TABLE "occurrence_blocks" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "runId" UUID,
    "occurrenceIndex" INTEGER NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "occurrence_blocks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "occurrence_blocks_userId_start_idx" ON "occurrence_blocks"("userId", "start");

-- CreateIndex
CREATE INDEX "occurrence_blocks_runId_idx" ON "occurrence_blocks"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "occurrence_blocks_taskId_occurrenceIndex_key" ON "occurrence_blocks"("taskId", "occurrenceIndex");

-- AddForeignKey
ALTER TABLE "occurrence_blocks" ADD CONSTRAINT "occurrence_blocks_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "occurrence_blocks" ADD CONSTRAINT "occurrence_blocks_runId_fkey" FOREIGN KEY ("runId") REFERENCES "plan_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "task_blocks" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "runId" UUID,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "task_blocks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "task_blocks_taskId_idx" ON "task_blocks"("taskId");

-- CreateIndex
CREATE INDEX "task_blocks_userId_start_idx" ON "task_blocks"("userId", "start");

-- AddForeignKey
ALTER TABLE "task_blocks" ADD CONSTRAINT "task_blocks_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_blocks" ADD CONSTRAINT "task_blocks_runId_fkey" FOREIGN KEY ("runId") REFERENCES "plan_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

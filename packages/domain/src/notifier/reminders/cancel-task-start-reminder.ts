import type { JobSender } from "@agendacraft/db/jobs";
import { type Db, withTransaction } from "../../shared/db.ts";
import { TASK_STARTING_JOB } from "./task-starting.ts";

/**
 * Cancels the task's queued reminder and forgets it; call it before deleting the task,
 * in the same transaction (afterwards the job id is gone with the row). A reminder left
 * behind would do nothing anyway: its job finds no task.
 */
export async function cancelTaskStartReminder({
  tx,
  jobs,
  taskId,
}: {
  tx: Db;
  jobs: JobSender;
  taskId: string;
}): Promise<{ cancelled: boolean }> {
  return withTransaction(tx, async (t) => {
    const [task] = await t.$queryRaw<{ startJobId: string | null }[]>`
      SELECT "startJobId" FROM tasks WHERE id = ${taskId}::uuid FOR UPDATE`;
    if (!task?.startJobId) return { cancelled: false };
    const cancelled = await jobs.cancel(TASK_STARTING_JOB, task.startJobId, { tx: t });
    await t.$executeRaw`UPDATE tasks SET "startJobId" = NULL WHERE id = ${taskId}::uuid`;
    return { cancelled };
  });
}

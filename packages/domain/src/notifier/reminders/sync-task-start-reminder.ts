import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { syncTaskStartReminders } from "./sync-task-start-reminders.ts";

/**
 * Makes the task's queued "task starting" reminder match the task as it is now: cancels
 * its queued job, and when the task is open and starts in the future, queues a new one
 * for `startTime - leadMinutes` (at once when that has passed) and stores its id in
 * `task_reminders`. A task that is gone just loses its reminder.
 *
 * One task's case of `syncTaskStartReminders` (use that for many).
 */
export async function syncTaskStartReminder({
  tx,
  jobs,
  taskId,
  clock,
}: {
  /** The caller's open transaction (a client opens one of its own). */
  tx: Db;
  jobs: JobSender;
  taskId: string;
  clock: Clock;
}): Promise<{ jobId: string | null }> {
  const { jobIds } = await syncTaskStartReminders({ tx, jobs, taskIds: [taskId], clock });
  return { jobId: jobIds.get(taskId) ?? null };
}

import type { JobToSend } from "@agendacraft/db/jobs";
import { isInstantInRange } from "../../shared/instant.ts";
import type { TaskStartingJobData } from "./task-starting.ts";

const MINUTE_MS = 60_000;

/**
 * The "task starting" job a task should have queued, or null when it should have none
 * (no start, done, already started, or a start outside the supported date range: a row
 * from before it was enforced): due `leadMinutes` before the start, or at once when that
 * moment has passed.
 */
export function taskStartReminderJob({
  taskId,
  startTime,
  completedAt,
  leadMinutes,
  now,
}: {
  taskId: string;
  startTime: Date | null;
  completedAt: Date | null;
  leadMinutes: number;
  now: Date;
}): JobToSend<TaskStartingJobData> | null {
  if (!startTime || !isInstantInRange(startTime) || completedAt || startTime.getTime() <= now.getTime()) return null;
  const fireAt = new Date(startTime.getTime() - leadMinutes * MINUTE_MS);
  return {
    data: { taskId, startTime: startTime.toISOString() },
    ...(fireAt.getTime() > now.getTime() ? { startAfter: fireAt } : {}),
  };
}

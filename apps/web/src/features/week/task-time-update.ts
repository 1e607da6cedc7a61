import type { RouterInputs } from "@agendacraft/api";

type UpdateTaskInput = RouterInputs["scheduler"]["tasks"]["update"];

const MINUTE_MS = 60_000;

/**
 * The `scheduler.tasks.update` input for a task dragged or resized on the calendar. A
 * resize changes how long the task takes, so its minutes follow the new length (the server
 * refuses more than 480); a drag keeps the length and only moves the times.
 */
export function taskTimeUpdate(change: { taskId: string; start: Date; end: Date; resized: boolean }): UpdateTaskInput {
  const times = { id: change.taskId, startTime: change.start, endTime: change.end };
  if (!change.resized) return times;
  return { ...times, minutes: Math.round((change.end.getTime() - change.start.getTime()) / MINUTE_MS) };
}

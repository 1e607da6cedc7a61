import type { JobSender } from "@agendacraft/db/jobs";
import { syncTaskStartReminder } from "../../notifier/reminders/sync-task-start-reminder.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { TaskDto } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";

/** Marks a completed task as not done. A next occurrence created on completion stays. */
export async function reopenTask({
  db,
  actorId,
  id,
  clock,
  jobs,
}: {
  db: Db;
  actorId: string;
  id: string;
  clock: Clock;
  jobs?: JobSender;
}): Promise<TaskDto> {
  return withTransaction(db, async (tx) => {
    const { count } = await tx.task.updateMany({ where: { id, userId: actorId }, data: { completedAt: null } });
    if (count === 0) throw taskNotFound();
    if (jobs) await syncTaskStartReminder({ tx, jobs, taskId: id, clock });
    return tx.task.findUniqueOrThrow({ where: { id }, select: taskSelect });
  });
}

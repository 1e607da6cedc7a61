import type { JobSender } from "@agendacraft/db/jobs";
import { syncTaskStartReminder } from "../../notifier/reminders/sync-task-start-reminder.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { assertOpenTaskRoom } from "./assert-open-task-room.ts";
import type { TaskDto } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";

/** Marks a completed task as not done (refused at ACCOUNT_LIMITS.openTasks). A next occurrence created on completion stays. */
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
    const task = await tx.task.findFirst({ where: { id, userId: actorId }, select: { completedAt: true } });
    if (!task) throw taskNotFound();
    if (task.completedAt !== null) {
      await assertOpenTaskRoom(tx, actorId);
      await tx.task.update({ where: { id }, data: { completedAt: null } });
    }
    if (jobs) await syncTaskStartReminder({ tx, jobs, taskId: id, clock });
    return tx.task.findUniqueOrThrow({ where: { id }, select: taskSelect });
  });
}

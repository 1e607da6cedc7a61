import type { JobSender } from "@agendacraft/db/jobs";
import { cancelTaskStartReminder } from "../../notifier/reminders/cancel-task-start-reminder.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { taskOrder } from "../ordering/order-scope.ts";
import { closeOrderGap } from "../ordering/shift-orders.ts";
import { requestReplan } from "../plan/replan-job.ts";
import { taskNotFound } from "./task-errors.ts";

/** Deletes a task and closes the gap it leaves in its project's order. */
export async function deleteTask({
  db,
  actorId,
  id,
  jobs,
  clock,
}: {
  db: Db;
  actorId: string;
  id: string;
  jobs?: JobSender;
  /** With `jobs`, an automatic re-plan is requested (when the user turned it on). */
  clock?: Clock;
}) {
  return withTransaction(db, async (tx) => {
    // Before reading: a concurrent move may change the task's project and position.
    await lockOrdering(tx, actorId, "tasks");
    const task = await tx.task.findFirst({ where: { id, userId: actorId }, select: { projectId: true, order: true } });
    if (!task) throw taskNotFound();
    if (jobs) await cancelTaskStartReminder({ tx, jobs, taskId: id });
    await tx.task.delete({ where: { id } });
    if (jobs && clock) await requestReplan({ tx, jobs, userId: actorId, clock });
    await closeOrderGap(tx, taskOrder(actorId, task.projectId), task.order);
    return { deleted: true as const };
  });
}

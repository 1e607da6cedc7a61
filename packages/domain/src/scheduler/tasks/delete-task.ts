import type { JobSender } from "@agendacraft/db/jobs";
import { cancelTaskStartReminder } from "../../notifier/reminders/cancel-task-start-reminder.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { requestReplan } from "../plan/replan-job.ts";
import { taskNotFound } from "./task-errors.ts";
import { closeGap, lockOrderScopes } from "./task-order.ts";

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
    const task = await tx.task.findFirst({ where: { id, userId: actorId }, select: { projectId: true } });
    if (!task) throw taskNotFound();
    const scope = { userId: actorId, projectId: task.projectId };
    await lockOrderScopes(tx, scope);
    // Read the order again under the lock: a concurrent move may have changed it.
    const locked = await tx.task.findFirst({ where: { id, userId: actorId }, select: { order: true } });
    if (!locked) throw taskNotFound();
    if (jobs) await cancelTaskStartReminder({ tx, jobs, taskId: id });
    await tx.task.delete({ where: { id } });
    if (jobs && clock) await requestReplan({ tx, jobs, userId: actorId, clock });
    await closeGap(tx, scope, locked.order);
    return { deleted: true as const };
  });
}

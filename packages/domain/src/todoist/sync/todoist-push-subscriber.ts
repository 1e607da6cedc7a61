import type { JobSender } from "@agendacraft/db/jobs";
import { TaskChanged, TaskCompleted, TaskDeleted, TaskReopened } from "../../scheduler/events.ts";
import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { defineSubscriber, on, type Subscriber } from "../../shared/events/subscriber.ts";
import { ZPushedSnapshot } from "./push/pending-push.ts";
import { planTaskPush } from "./push/plan-task-push.ts";
import { PUSH_TASK_SELECT, readTodoistProjects } from "./push/queue-local-changes.ts";
import { TODOIST_PUSH_DELAY_MS, TodoistSyncJob } from "./todoist-sync-job-type.ts";

/** Task fields Todoist has a place for; a change to any other (order, planner, area) is not pushed. */
const PUSHED_FIELDS = new Set([
  "summary",
  "description",
  "priority",
  "minutes",
  "startTime",
  "dueAt",
  "startAfter",
  "projectId",
]);

/**
 * Pushes local changes of tasks linked to Todoist: it marks the link dirty and asks for the
 * connection's sync a few seconds later (one job per connection, so a burst of edits is one
 * sync), inside the delivery's transaction. The sync pulls first, then pushes what differs.
 * A change that leaves nothing to send (the pull writing what Todoist said, the planner
 * placing a task, a value Todoist already holds) asks for nothing: no echo, no extra request.
 * Planned times are not pushed (PlanCommitted is not handled): Todoist users do not want
 * every automatic placement written into their due dates.
 */
export function createTodoistPushSubscriber({
  jobs,
  clock = systemClock,
}: {
  jobs: JobSender;
  clock?: Clock;
}): Subscriber {
  const requestSync = (tx: Db, connectionId: string) =>
    jobs.send(
      TodoistSyncJob,
      { connectionId },
      { tx, singletonKey: connectionId, startAfter: new Date(clock.now().getTime() + TODOIST_PUSH_DELAY_MS) },
    );

  const taskChanged = async (tx: Db, taskId: string) => {
    const link = await tx.todoistTaskLink.findUnique({
      where: { taskId },
      select: {
        connectionId: true,
        todoistId: true,
        synced: true,
        connection: { select: { user: { select: { timeZone: true } } } },
        task: { select: PUSH_TASK_SELECT },
      },
    });
    if (!link?.task) return;
    const { pending: _pending, ...snapshot } = ZPushedSnapshot.parse(link.synced);
    const plan = planTaskPush({
      todoistId: link.todoistId,
      snapshot,
      task: link.task,
      timeZone: link.connection.user.timeZone,
      todoistProjectOf: await readTodoistProjects(tx, link.connectionId),
    });
    // A change Todoist cannot take (a move to a project of our own) still syncs, so the run's notes say so.
    if (plan.commands.length === 0 && plan.notes.length === 0) return;
    await tx.todoistTaskLink.update({
      where: { connectionId_todoistId: { connectionId: link.connectionId, todoistId: link.todoistId } },
      data: { dirty: true },
    });
    await requestSync(tx, link.connectionId);
  };

  return defineSubscriber({
    name: "todoist.push",
    handlers: [
      on(TaskChanged, async ({ tx, event }) => {
        if (event.payload.fields.some((field) => PUSHED_FIELDS.has(field))) await taskChanged(tx, event.aggregateId);
      }),
      // A recurring task's completion moves the link to the next occurrence when it is pushed.
      on(TaskCompleted, ({ tx, event }) => taskChanged(tx, event.aggregateId)),
      on(TaskReopened, ({ tx, event }) => taskChanged(tx, event.aggregateId)),
      on(TaskDeleted, async ({ tx, event }) => {
        // ON DELETE SET NULL already cut the link from the task: a link without a task is a delete to push.
        const deleted = await tx.todoistTaskLink.findFirst({
          where: { taskId: null, connection: { userId: event.userId } },
          select: { connectionId: true },
        });
        if (deleted) await requestSync(tx, deleted.connectionId);
      }),
    ],
  });
}

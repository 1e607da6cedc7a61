import type { JobSender } from "@agendacraft/db/jobs";
import {
  PlanCommitted,
  PlanUndone,
  TaskChanged,
  TaskCompleted,
  TaskCreated,
  TaskDeleted,
  TaskReopened,
} from "../../scheduler/events.ts";
import type { Clock } from "../../shared/clock.ts";
import { defineSubscriber, on, type Subscriber } from "../../shared/events/subscriber.ts";
import { NotificationSettingsChanged } from "../events.ts";
import { syncTaskStartReminders } from "./sync-task-start-reminders.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders re-timed at once when the lead changes; later ones correct themselves when their job runs early. */
const RESYNC_HORIZON_MS = 30 * DAY_MS;
const RESYNC_MAX_TASKS = 2_000;

/** Changes to these fields can move a task's reminder. */
const TIMING_FIELDS = new Set(["startTime", "endTime", "minutes"]);

/**
 * Keeps each task's "task starting" reminder in line with the task. Every handler syncs
 * from the task as it is now (not from the payload), so a late or repeated delivery
 * converges to the same single queued job.
 */
export function createRemindersSubscriber({ jobs, clock }: { jobs: JobSender; clock: Clock }): Subscriber {
  const sync = (tx: Parameters<typeof syncTaskStartReminders>[0]["tx"], taskIds: readonly string[]) =>
    syncTaskStartReminders({ tx, jobs, taskIds, clock });
  return defineSubscriber({
    name: "notifier.reminders",
    handlers: [
      on(TaskCreated, async ({ tx, event }) => {
        if (event.payload.startTime) await sync(tx, [event.aggregateId]);
      }),
      on(TaskChanged, async ({ tx, event }) => {
        if (event.payload.fields.some((field) => TIMING_FIELDS.has(field))) await sync(tx, [event.aggregateId]);
      }),
      on(TaskCompleted, async ({ tx, event }) => {
        await sync(tx, [event.aggregateId]);
      }),
      on(TaskReopened, async ({ tx, event }) => {
        await sync(tx, [event.aggregateId]);
      }),
      on(TaskDeleted, async ({ tx, event }) => {
        await sync(tx, [event.aggregateId]);
      }),
      on(PlanCommitted, async ({ tx, event }) => {
        await sync(tx, event.payload.taskIds);
      }),
      on(PlanUndone, async ({ tx, event }) => {
        await sync(tx, event.payload.taskIds);
      }),
      on(NotificationSettingsChanged, async ({ tx, event }) => {
        if (!event.payload.leadMinutesChanged) return;
        const now = clock.now();
        const upcoming = await tx.task.findMany({
          where: {
            userId: event.userId,
            completedAt: null,
            startTime: { gt: now, lte: new Date(now.getTime() + RESYNC_HORIZON_MS) },
          },
          orderBy: { startTime: "asc" },
          take: RESYNC_MAX_TASKS,
          select: { id: true },
        });
        await sync(
          tx,
          upcoming.map((task) => task.id),
        );
      }),
    ],
  });
}

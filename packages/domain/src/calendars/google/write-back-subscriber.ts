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
import { CalendarWriteTargetChanged } from "../events.ts";
import { requestPersonTaskWrites, requestTaskWrites } from "./write-task-job.ts";

/** Changes to these fields can change a task's events (time, length, title). */
const CALENDAR_FIELDS = new Set(["summary", "startTime", "endTime", "minutes"]);

/**
 * Keeps the write-target calendar in line with the tasks: after each change it queues the
 * task's write job, inside the delivery's transaction. No call to Google happens here: the
 * job reads the task as it is when it runs and writes the difference, so a late, repeated or
 * reordered delivery converges to the same events.
 */
export function createGoogleWriteBackSubscriber({ jobs, clock }: { jobs: JobSender; clock: Clock }): Subscriber {
  const request = (tx: Parameters<typeof requestTaskWrites>[0]["tx"], userId: string, taskIds: readonly string[]) =>
    requestTaskWrites({ tx, jobs, userId, taskIds });
  return defineSubscriber({
    name: "calendars.google_write_back",
    handlers: [
      on(TaskCreated, async ({ tx, event }) => {
        if (event.payload.startTime) await request(tx, event.userId, [event.aggregateId]);
      }),
      on(TaskChanged, async ({ tx, event }) => {
        if (event.payload.fields.some((field) => CALENDAR_FIELDS.has(field))) {
          await request(tx, event.userId, [event.aggregateId]);
        }
      }),
      on(TaskCompleted, async ({ tx, event }) => {
        await request(tx, event.userId, [event.aggregateId]);
      }),
      on(TaskReopened, async ({ tx, event }) => {
        await request(tx, event.userId, [event.aggregateId]);
      }),
      on(TaskDeleted, async ({ tx, event }) => {
        await request(tx, event.userId, [event.aggregateId]);
      }),
      on(PlanCommitted, async ({ tx, event }) => {
        await request(tx, event.userId, event.payload.taskIds);
      }),
      on(PlanUndone, async ({ tx, event }) => {
        await request(tx, event.userId, event.payload.taskIds);
      }),
      on(CalendarWriteTargetChanged, async ({ tx, event }) => {
        await requestPersonTaskWrites({ tx, jobs, userId: event.userId, clock });
      }),
    ],
  });
}

import { createJobQueue, type JobQueue, type JobQueueOptions } from "@agendacraft/db/jobs";
import {
  createCalendarAlertsSubscriber,
  createRemindersSubscriber,
  TASK_STARTING_JOB,
  TASK_STARTING_QUEUE_OPTIONS,
} from "@agendacraft/domain/notifier";
import { createReplanSubscriber, REPLAN_JOB, REPLAN_QUEUE_OPTIONS } from "@agendacraft/domain/scheduler/plan";
import {
  createEventOutbox,
  DISPATCH_EVENTS_QUEUE_OPTIONS,
  DispatchEventsJob,
  type DispatchOutcome,
  dispatchEvents,
} from "@agendacraft/domain/shared/events";
import type { ServerDeps } from "../context.ts";

/**
 * The test deps with a real job queue (started, queues defined, no workers: jobs stay
 * queued for the test to read) and the outbox on it. `deliver` runs the dispatcher for one
 * person with the app's subscribers, as the worker would, and resolves once it is done.
 */
export async function withJobQueue(
  deps: ServerDeps,
  pool: JobQueueOptions["pool"],
  options: Partial<Omit<JobQueueOptions, "pool">> = {},
): Promise<{ deps: ServerDeps; queue: JobQueue; deliver(userId: string): Promise<DispatchOutcome> }> {
  const queue = createJobQueue({ pool, stopTimeoutMs: 2_000, ...options });
  await queue.start();
  await queue.defineQueue(TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS);
  await queue.defineQueue(REPLAN_JOB, REPLAN_QUEUE_OPTIONS);
  await queue.defineQueue(DispatchEventsJob.name, DISPATCH_EVENTS_QUEUE_OPTIONS);
  const withQueue: ServerDeps = { ...deps, jobs: queue, events: createEventOutbox({ jobs: queue, clock: deps.clock }) };
  const subscribers = [
    createRemindersSubscriber({ jobs: queue, clock: deps.clock }),
    createReplanSubscriber({ jobs: queue, clock: deps.clock }),
    createCalendarAlertsSubscriber({ clock: deps.clock }),
  ];
  return {
    deps: withQueue,
    queue,
    deliver: (userId) => dispatchEvents({ db: deps.db, userId, subscribers, clock: deps.clock }),
  };
}

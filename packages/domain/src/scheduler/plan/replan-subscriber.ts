import type { JobSender } from "@agendacraft/db/jobs";
import { CalendarBusyChanged } from "../../calendars/events.ts";
import type { Clock } from "../../shared/clock.ts";
import type { EventType } from "../../shared/events/event-type.ts";
import { defineSubscriber, on, type Subscriber } from "../../shared/events/subscriber.ts";
import { PlannerChanged, TaskChanged, TaskCompleted, TaskCreated, TaskDeleted, TaskReopened } from "../events.ts";
import { requestReplan } from "./replan-job.ts";

/**
 * Asks for the debounced re-plan (when the person turned automatic planning on) after the
 * changes that can move a plan: tasks, planners, busy time. Plan runs are not among them,
 * so the re-plan never triggers itself. Idempotent: the replan queue keeps one waiting job
 * per person.
 */
export function createReplanSubscriber({ jobs, clock }: { jobs: JobSender; clock: Clock }): Subscriber {
  const triggers: EventType[] = [
    TaskCreated,
    TaskChanged,
    TaskCompleted,
    TaskReopened,
    TaskDeleted,
    PlannerChanged,
    CalendarBusyChanged,
  ];
  return defineSubscriber({
    name: "scheduler.replan",
    handlers: triggers.map((type) =>
      on(type, async ({ tx, event }) => {
        await requestReplan({ tx, jobs, userId: event.userId, clock });
      }),
    ),
  });
}

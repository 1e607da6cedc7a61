import type { PrismaClient } from "@agendacraft/db/client";
import { createUser } from "../../notifier/testing/fixtures.ts";
import type { Clock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { applyPlan, previewPlan, ZPlanInput } from "../plan/index.ts";
import { createPlanner, ZCreatePlannerInput } from "../planners/index.ts";
import { completeTask, createTask, getTask, updateTask, ZCreateTaskInput, ZUpdateTaskInput } from "../tasks/index.ts";

/** Weekdays 09:00-17:00 from Monday 1 June 2026, the working hours most plan tests assume. */
export const WEEKDAY_WORK_HOURS = {
  name: "Work hours",
  recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  startDate: "2026-06-01",
  startTime: "09:00",
  minutes: 480,
};

type Raw<T extends { parse(value: unknown): unknown }> = Parameters<T["parse"]>[0];

export type SchedulerPerson = Awaited<ReturnType<typeof schedulerPerson>>;

/**
 * A new person (in Europe/Berlin unless told otherwise) with the scheduler's services bound to
 * them, the given clock and one recording outbox, for service-level tests. Inputs go through the
 * same zod schemas the routers use, so defaults apply as they do for a real call.
 */
export async function schedulerPerson(
  prisma: PrismaClient,
  { clock, timeZone = "Europe/Berlin", workHours = false }: { clock: Clock; timeZone?: string; workHours?: boolean },
) {
  const user = await createUser(prisma, { timeZone });
  const events = createRecordingEvents();
  const actor = { db: prisma, actorId: user.id };
  const person = {
    prisma,
    userId: user.id,
    actor,
    events,
    createTask: (raw: Raw<typeof ZCreateTaskInput>) =>
      createTask({ ...actor, input: ZCreateTaskInput.parse(raw), clock, events }),
    updateTask: (raw: Raw<typeof ZUpdateTaskInput>) =>
      updateTask({ ...actor, input: ZUpdateTaskInput.parse(raw), clock, events }),
    completeTask: (id: string) => completeTask({ ...actor, id, clock, events }),
    task: (id: string) => getTask({ ...actor, id }),
    createPlanner: (raw: Raw<typeof ZCreatePlannerInput> = WEEKDAY_WORK_HOURS) =>
      createPlanner({ ...actor, input: ZCreatePlannerInput.parse(raw), events }),
    preview: (raw?: Raw<typeof ZPlanInput>) => previewPlan({ ...actor, input: ZPlanInput.parse(raw), clock }),
    apply: (raw?: Raw<typeof ZPlanInput>) => applyPlan({ ...actor, input: ZPlanInput.parse(raw), clock, events }),
  };
  if (workHours) await person.createPlanner();
  return person;
}

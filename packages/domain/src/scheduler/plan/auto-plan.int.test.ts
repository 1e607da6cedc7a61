import { createJobQueue, type JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemindersSubscriber, TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS } from "../../notifier/index.ts";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import {
  createEventOutbox,
  DISPATCH_EVENTS_QUEUE_OPTIONS,
  DispatchEventsJob,
  dispatchEvents,
} from "../../shared/events/index.ts";
import { createPlanner, ZCreatePlannerInput } from "../planners/index.ts";
import { createTask, listTasks, ZCreateTaskInput, ZListTasksInput } from "../tasks/index.ts";
import {
  createReplanJob,
  createReplanSubscriber,
  getPlanSettings,
  listPlanRuns,
  REPLAN_JOB,
  REPLAN_QUEUE_OPTIONS,
  ReplanJob,
  updatePlanSettings,
  ZPlanSettings,
} from "./index.ts";

const NOW = new Date("2026-06-01T05:00:00Z"); // Monday, 07:00 in Berlin
const clock = fixedClock(NOW);

// Automatic re-planning end to end below the router: the changes' events, delivered by the
// outbox to the app's subscribers, queue the debounced job; its handler plans. A real queue,
// because the debounce (one waiting job per person) is the queue's singleton policy.
describe("automatic re-planning", () => {
  const database = useTestDatabase();
  let queue: JobQueue;

  beforeAll(async () => {
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
    await queue.defineQueue(TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS);
    await queue.defineQueue(REPLAN_JOB, REPLAN_QUEUE_OPTIONS);
    await queue.defineQueue(DispatchEventsJob.name, DISPATCH_EVENTS_QUEUE_OPTIONS);
  });
  afterAll(async () => {
    await queue?.stop();
  });

  const queuedReplans = async (userId: string) => {
    const { rows } = await database().pool.query<{ id: string; start_after: Date }>(
      "SELECT id, start_after FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'created'",
      [REPLAN_JOB, userId],
    );
    return rows;
  };

  async function userWithPlanner(autoPlan: boolean) {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const events = createEventOutbox({ jobs: queue, clock });
    const actor = { db: prisma, actorId: user.id };
    const settings = await updatePlanSettings({ ...actor, input: ZPlanSettings.parse({ autoPlan }), events });
    expect(settings).toEqual({ autoPlan });
    await expect(getPlanSettings(actor)).resolves.toEqual({ autoPlan });
    await createPlanner({
      ...actor,
      input: ZCreatePlannerInput.parse({
        name: "Work hours",
        recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        startDate: "2026-06-01",
        startTime: "09:00",
        minutes: 480,
      }),
      events,
    });
    const subscribers = [
      createRemindersSubscriber({ jobs: queue, clock }),
      createReplanSubscriber({ jobs: queue, clock }),
    ];
    return {
      prisma,
      userId: user.id,
      events,
      createTask: (raw: Parameters<typeof ZCreateTaskInput.parse>[0]) =>
        createTask({ ...actor, input: ZCreateTaskInput.parse(raw), clock, events }),
      // Runs the dispatcher for this person with the app's subscribers, as the worker would.
      deliver: () => dispatchEvents({ db: prisma, userId: user.id, subscribers, clock }),
    };
  }

  it("queues one debounced re-plan for a burst of changes, which then plans the open tasks", async () => {
    const { prisma, userId, events, createTask: create, deliver } = await userWithPlanner(true);
    for (const summary of ["Write", "Review", "Ship"]) await create({ summary, minutes: 60 });
    // The changes asked for nothing themselves: their events do, once delivered.
    expect(await queuedReplans(userId)).toEqual([]);
    // Five events: the setting turned on, the planner, the three tasks.
    await expect(deliver()).resolves.toMatchObject({ delivered: { "scheduler.replan": 5 }, failed: [] });
    const queued = await queuedReplans(userId);
    expect(queued).toHaveLength(1);
    // Due half a minute after the changes were delivered, so later changes ride along.
    expect(queued[0]?.start_after.getTime()).toBe(NOW.getTime() + 30_000);

    // Run the job's handler as the worker would (it took the queued job).
    await queue.cancel(ReplanJob, queued[0]?.id as string);
    await createReplanJob({ db: prisma, events, clock }).handler({
      id: "test",
      name: REPLAN_JOB,
      data: { userId },
      retryCount: 0,
      signal: new AbortController().signal,
    });
    const runs = await listPlanRuns({ db: prisma, actorId: userId, limit: 10 });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "auto", placedCount: 3 });
    const scheduled = await listTasks({
      db: prisma,
      actorId: userId,
      input: ZListTasksInput.parse({ scheduled: true }),
    });
    expect(scheduled.items.map((task) => task.summary).sort()).toEqual(["Review", "Ship", "Write"]);

    // The plan's own event reaches the reminders, and asks for no re-plan: no loop.
    await expect(deliver()).resolves.toMatchObject({
      delivered: { "notifier.reminders": 1, "scheduler.replan": 1 },
      failed: [],
    });
    expect(await queuedReplans(userId)).toEqual([]);
    expect(await prisma.taskReminder.count({ where: { userId } })).toBe(3);
  });

  it("queues nothing for a person who did not turn it on, and the job then plans nothing", async () => {
    const { prisma, userId, events, createTask: create, deliver } = await userWithPlanner(false);
    await create({ summary: "Manual only" });
    await expect(deliver()).resolves.toMatchObject({ failed: [] });
    expect(await queuedReplans(userId)).toEqual([]);
    // A job queued before the person turned it off does nothing either.
    await createReplanJob({ db: prisma, events, clock }).handler({
      id: "test",
      name: REPLAN_JOB,
      data: { userId },
      retryCount: 0,
      signal: new AbortController().signal,
    });
    await expect(listPlanRuns({ db: prisma, actorId: userId, limit: 10 })).resolves.toEqual([]);
  });
});

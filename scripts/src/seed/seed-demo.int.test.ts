import { createJobQueue, type JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { createAuth } from "@agendacraft/domain/iam";
import {
  createRemindersSubscriber,
  TASK_STARTING_JOB,
  TASK_STARTING_QUEUE_OPTIONS,
} from "@agendacraft/domain/notifier";
import { createReplanSubscriber, REPLAN_JOB, REPLAN_QUEUE_OPTIONS } from "@agendacraft/domain/scheduler/plan";
import { fixedClock } from "@agendacraft/domain/shared";
import {
  createEventOutbox,
  DISPATCH_EVENTS_QUEUE_OPTIONS,
  DispatchEventsJob,
  dispatchEvents,
} from "@agendacraft/domain/shared/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USER } from "./demo-data.ts";
import { seedDemo } from "./seed-demo.ts";

describe("seedDemo", () => {
  const database = useTestDatabase();
  let queue: JobQueue;

  beforeAll(async () => {
    // A queue to send to, without workers: the test delivers the seed's events itself.
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000, maintenance: false });
    await queue.start();
    await queue.defineQueue(DispatchEventsJob.name, DISPATCH_EVENTS_QUEUE_OPTIONS);
    await queue.defineQueue(TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS);
    await queue.defineQueue(REPLAN_JOB, REPLAN_QUEUE_OPTIONS);
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it("fills the demo account once through the services, and a second run changes nothing", async () => {
    const { prisma } = database();
    const auth = createAuth({
      prisma,
      secret: "seed-test-secret-long-enough-for-hmac",
      baseURL: "http://localhost:3000",
      trustedOrigins: ["http://localhost:3000"],
    });
    const clock = fixedClock("2026-06-01T08:00:00Z");
    const deps = {
      prisma,
      auth,
      clock,
      events: createEventOutbox({ jobs: queue, clock }),
      timeZone: "Europe/Berlin",
      print: () => {},
    };

    const first = await seedDemo(deps);
    expect(first).toMatchObject({ created: true, email: DEMO_USER.email });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const counts = async () => ({
      areas: await prisma.area.count({ where: { userId: user.id } }),
      projects: await prisma.project.count({ where: { userId: user.id } }),
      planners: await prisma.planner.count({ where: { userId: user.id } }),
      tasks: await prisma.task.count({ where: { userId: user.id } }),
    });
    const seeded = await counts();
    expect(seeded).toEqual({ areas: 2, projects: 4, planners: 3, tasks: 50 });
    expect(user.timeZone).toBe("Europe/Berlin");

    const orders = await prisma.task.findMany({
      where: { userId: user.id, projectId: null },
      orderBy: { order: "asc" },
    });
    expect(orders.map((task) => task.order)).toEqual(orders.map((_, i) => i + 1));
    await expect(
      auth.api.signInEmail({ body: { email: DEMO_USER.email, password: DEMO_USER.password } }),
    ).resolves.toBeTruthy();

    // The dated tasks get their reminders once the seed's events are delivered (as the
    // server's or `pnpm worker`'s dispatcher does, with the subscribers the server registers).
    const dated = await prisma.task.findMany({
      where: { userId: user.id, startTime: { not: null } },
      select: { id: true, startTime: true },
    });
    expect(dated.length).toBeGreaterThan(0);
    const { rows: dispatches } = await database().pool.query(
      "SELECT 1 FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'created'",
      [DispatchEventsJob.name, user.id],
    );
    expect(dispatches).toHaveLength(1);
    const outcome = await dispatchEvents({
      db: prisma,
      userId: user.id,
      subscribers: [createRemindersSubscriber({ jobs: queue, clock }), createReplanSubscriber({ jobs: queue, clock })],
      clock,
    });
    expect(outcome.failed).toEqual([]);
    const reminders = await prisma.taskReminder.findMany({ where: { userId: user.id } });
    expect(reminders.map((row) => row.taskId).sort()).toEqual(dated.map((task) => task.id).sort());
    const { rows: jobs } = await database().pool.query<{ id: string; start_after: Date; task_id: string }>(
      "SELECT id, start_after, data->>'taskId' AS task_id FROM pgboss.job WHERE name = $1 AND state = 'created' AND id = ANY($2::uuid[])",
      [TASK_STARTING_JOB, reminders.map((row) => row.jobId)],
    );
    const lead = user.notifyLeadMinutes * 60_000;
    expect(jobs.map((job) => [job.task_id, job.start_after.getTime()]).sort()).toEqual(
      dated.map((task) => [task.id, (task.startTime as Date).getTime() - lead]).sort(),
    );

    const second = await seedDemo(deps);
    expect(second.created).toBe(false);
    expect(await counts()).toEqual(seeded);
  });
});

import { createJobQueue, type JobQueue } from "@agendacraft/db/jobs";
import { countQueries, useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { createEventOutbox } from "../../shared/events/create-event-outbox.ts";
import { dispatchEvents } from "../../shared/events/dispatch-events.ts";
import { DISPATCH_EVENTS_QUEUE_OPTIONS, DispatchEventsJob } from "../../shared/events/dispatch-events-job-type.ts";
import { updateNotificationSettings } from "../settings/update-notification-settings.ts";
import { createTask, createUser } from "../testing/fixtures.ts";
import { createRemindersSubscriber } from "./create-reminders-subscriber.ts";
import { syncTaskStartReminder } from "./sync-task-start-reminder.ts";
import { syncTaskStartReminders } from "./sync-task-start-reminders.ts";
import { TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS } from "./task-starting.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = new Date("2026-06-01T09:00:00Z");
const clock = fixedClock(NOW);

type JobRow = { id: string; state: string; start_after: Date; data: { taskId: string; startTime: string } };

describe("syncTaskStartReminder", () => {
  const database = useTestDatabase();
  let queue: JobQueue;

  beforeAll(async () => {
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
    // No worker here: the jobs must stay as queued.
    await queue.defineQueue(TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS);
    await queue.defineQueue(DispatchEventsJob.name, DISPATCH_EVENTS_QUEUE_OPTIONS);
  });
  afterAll(async () => {
    await queue?.stop();
  });

  async function jobsFor(taskId: string): Promise<JobRow[]> {
    const { rows } = await database().pool.query<JobRow>(
      `SELECT id, state, start_after, data FROM pgboss.job WHERE name = $1 AND data->>'taskId' = $2 ORDER BY created_on`,
      [TASK_STARTING_JOB, taskId],
    );
    return rows;
  }
  const sync = (taskId: string) =>
    database().prisma.$transaction((tx) => syncTaskStartReminder({ tx, jobs: queue, taskId, clock }));
  const taskRow = (id: string) => database().prisma.task.findUniqueOrThrow({ where: { id } });
  /** The job the notifier's own bookkeeping names for the task. */
  const reminderJobId = async (taskId: string) =>
    (await database().prisma.taskReminder.findUnique({ where: { taskId } }))?.jobId ?? null;

  it("queues a reminder at start minus the lead time and stores its id without writing the task", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { notifyLeadMinutes: 10 });
    const start = new Date(NOW.getTime() + 2 * DAY);
    const task = await createTask(prisma, user.id, { startTime: start });

    const { jobId } = await sync(task.id);
    const [job, ...others] = await jobsFor(task.id);
    expect(others).toEqual([]);
    expect(job).toMatchObject({
      id: jobId,
      state: "created",
      data: { taskId: task.id, startTime: start.toISOString() },
    });
    expect(job?.start_after).toEqual(new Date(start.getTime() - 10 * MINUTE));
    expect(await reminderJobId(task.id)).toBe(jobId);
    const stored = await taskRow(task.id);
    expect(stored.version).toBe(task.version);
    expect(stored.updatedAt).toEqual(task.updatedAt);
  });

  it("replaces the reminder when the start moves, and only cancels it once the task is done or unscheduled", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const task = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + DAY) });
    const first = await sync(task.id);

    const later = new Date(NOW.getTime() + 3 * DAY);
    await prisma.task.update({ where: { id: task.id }, data: { startTime: later } });
    const second = await sync(task.id);
    expect(second.jobId).not.toBe(first.jobId);
    const states = Object.fromEntries((await jobsFor(task.id)).map((job) => [job.id, job.state]));
    expect(states).toEqual({ [first.jobId as string]: "cancelled", [second.jobId as string]: "created" });

    await prisma.task.update({ where: { id: task.id }, data: { completedAt: NOW } });
    await expect(sync(task.id)).resolves.toEqual({ jobId: null });
    expect((await jobsFor(task.id)).map((job) => job.state)).toEqual(["cancelled", "cancelled"]);
    expect(await reminderJobId(task.id)).toBeNull();

    await prisma.task.update({ where: { id: task.id }, data: { completedAt: null, startTime: null } });
    await expect(sync(task.id)).resolves.toEqual({ jobId: null });
    expect(await jobsFor(task.id)).toHaveLength(2);
  });

  it("queues for right away when the lead time has already begun, and not at all for a start in the past", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { notifyLeadMinutes: 30 });
    const soon = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + 10 * MINUTE) });
    const past = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() - MINUTE) });

    // Created "now" on the queue's clock (the database's): no later start was asked for.
    const before = Date.now();
    const { jobId } = await sync(soon.id);
    expect(jobId).not.toBeNull();
    const [job] = await jobsFor(soon.id);
    expect(job?.start_after.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(job?.start_after.getTime()).toBeGreaterThanOrEqual(before - 5_000);

    await expect(sync(past.id)).resolves.toEqual({ jobId: null });
  });

  it("rolls back with the caller's transaction: no job, no stored id", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const task = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + DAY) });
    await expect(
      prisma.$transaction(async (tx) => {
        await syncTaskStartReminder({ tx, jobs: queue, taskId: task.id, clock });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await jobsFor(task.id)).toEqual([]);
    expect(await reminderJobId(task.id)).toBeNull();
  });

  it("cancels and forgets the job of a task that was deleted", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const task = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + DAY) });
    await sync(task.id);
    await prisma.task.delete({ where: { id: task.id } });
    await expect(sync(task.id)).resolves.toEqual({ jobId: null });
    expect((await jobsFor(task.id)).map((job) => job.state)).toEqual(["cancelled"]);
    expect(await reminderJobId(task.id)).toBeNull();
  });

  it("a new lead time re-times the reminders of open tasks starting within 30 days", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { notifyLeadMinutes: 5 });
    const soon = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + 2 * DAY) });
    const far = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + 40 * DAY) });
    for (const task of [soon, far]) await sync(task.id);

    const events = createEventOutbox({ jobs: queue, clock });
    const deliver = () =>
      dispatchEvents({
        db: prisma,
        userId: user.id,
        subscribers: [createRemindersSubscriber({ jobs: queue, clock })],
        clock,
      });
    const settings = await updateNotificationSettings({
      db: prisma,
      actorId: user.id,
      input: { leadMinutes: 60 },
      events,
    });
    expect(settings).toEqual({ leadMinutes: 60, email: true, inApp: true });
    // Recorded, not yet delivered: the queue still holds the old timing.
    expect((await jobsFor(soon.id)).map((job) => job.state)).toEqual(["created"]);
    await expect(deliver()).resolves.toMatchObject({ failed: [] });

    const soonJobs = await jobsFor(soon.id);
    expect(soonJobs.map((job) => job.state)).toEqual(["cancelled", "created"]);
    expect(soonJobs[1]?.start_after).toEqual(new Date(NOW.getTime() + 2 * DAY - 60 * MINUTE));
    expect(await reminderJobId(soon.id)).toBe(soonJobs[1]?.id);
    expect((await jobsFor(far.id)).map((job) => job.state)).toEqual(["created"]);

    // Changing only the channels leaves the queue alone.
    await updateNotificationSettings({ db: prisma, actorId: user.id, input: { email: false }, events });
    await expect(deliver()).resolves.toMatchObject({ delivered: { "notifier.reminders": 1 }, failed: [] });
    expect(await jobsFor(soon.id)).toHaveLength(2);
  });

  it("syncs many tasks at once in the same number of statements for 3 tasks as for 60", async () => {
    const { prisma, pool } = database();
    const user = await createUser(prisma, { notifyLeadMinutes: 15 });
    const makeTasks = async (count: number) => {
      const tasks = [];
      for (let i = 0; i < count; i++) {
        const startTime = new Date(NOW.getTime() + (i + 1) * DAY);
        tasks.push(await createTask(prisma, user.id, { startTime }));
      }
      return tasks;
    };
    const syncAll = (taskIds: string[]) =>
      countQueries(pool, () =>
        prisma.$transaction((tx) => syncTaskStartReminders({ tx, jobs: queue, taskIds, clock })),
      );

    const few = await makeTasks(3);
    const many = await makeTasks(60);
    // Already queued once, and the lead time changes since: the second sync has jobs to
    // cancel as well as to send (a job that still fits would be kept).
    await syncAll([...few, ...many].map((task) => task.id));
    await prisma.user.update({ where: { id: user.id }, data: { notifyLeadMinutes: 20 } });
    const done = many[0];
    if (!done) throw new Error("no task");
    await prisma.task.update({ where: { id: done.id }, data: { completedAt: NOW } });

    const small = await syncAll(few.map((task) => task.id));
    const large = await syncAll(many.map((task) => task.id));
    expect(large.queries).toBe(small.queries);

    const { jobIds } = large.result;
    expect(jobIds.get(done.id)).toBeNull();
    expect((await jobsFor(done.id)).map((job) => job.state)).toEqual(["cancelled"]);
    for (const task of many.slice(1)) {
      const jobs = await jobsFor(task.id);
      expect(jobs.map((job) => job.state)).toEqual(["cancelled", "created"]);
      const current = jobs[1];
      expect(current?.id).toBe(jobIds.get(task.id));
      expect(current?.start_after).toEqual(new Date((task.startTime as Date).getTime() - 20 * MINUTE));
      expect(current?.data).toEqual({ taskId: task.id, startTime: (task.startTime as Date).toISOString() });
      expect(await reminderJobId(task.id)).toBe(current?.id);
      expect((await taskRow(task.id)).version).toBe(task.version);
    }
    expect(await reminderJobId(done.id)).toBeNull();
  });

  it("keeps a queued job that still fits: syncing again, as a repeated event does, changes nothing", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { notifyLeadMinutes: 10 });
    const task = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + DAY) });
    const first = await sync(task.id);
    const again = await sync(task.id);
    expect(again.jobId).toBe(first.jobId);
    expect((await jobsFor(task.id)).map((job) => job.state)).toEqual(["created"]);
  });

  it("queues no reminder for a start outside the supported date range (a row stored before it was enforced)", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const unreadable = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + DAY) });
    const farOff = await createTask(prisma, user.id, { startTime: new Date(NOW.getTime() + DAY) });
    // The year 10000 reads back as an Invalid Date; the year 5000 reads but is out of range.
    await prisma.$executeRaw`UPDATE tasks SET "startTime" = '10000-01-01T09:00:00Z' WHERE id = ${unreadable.id}::uuid`;
    await prisma.$executeRaw`UPDATE tasks SET "startTime" = '5000-01-01T09:00:00Z' WHERE id = ${farOff.id}::uuid`;

    for (const task of [unreadable, farOff]) {
      await expect(sync(task.id)).resolves.toEqual({ jobId: null });
      expect(await jobsFor(task.id)).toEqual([]);
    }
  });
});

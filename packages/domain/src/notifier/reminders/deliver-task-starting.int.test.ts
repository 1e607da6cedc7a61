import { randomUUID } from "node:crypto";
import { createJobQueue, type JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { NOTIFICATIONS_CHANNEL } from "../bus/publish-notification.ts";
import { createSmtpMailer } from "../mail/create-smtp-mailer.ts";
import type { Mailer } from "../mail/mailer.ts";
import { createTask, createUser } from "../testing/fixtures.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../testing/start-test-smtp-server.ts";
import { deliverTaskStarting, type TaskStartingDeps } from "./deliver-task-starting.ts";
import { TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS } from "./task-starting.ts";

const MINUTE = 60_000;
// 14:30 in Berlin (CEST, UTC+2); the tests themselves run in Asia/Kathmandu.
const START = new Date("2026-06-01T12:30:00Z");
const FIRES_AT = new Date(START.getTime() - 5 * MINUTE);

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe("deliverTaskStarting (the notifier.task-starting job)", () => {
  const database = useTestDatabase();
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let queue: JobQueue;
  const heard: string[] = [];
  let stopListening: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    mailer = createSmtpMailer({ url: smtp.url, from: "AgendaCraft <reminders@agendacraft.test>" });
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
    await queue.defineQueue(TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS);
    stopListening = await database().listen(NOTIFICATIONS_CHANNEL, (payload) => heard.push(payload));
  });
  afterAll(async () => {
    await stopListening?.();
    await queue?.stop();
    await mailer?.close();
    await smtp?.close();
  });
  afterEach(() => {
    smtp.refuseNext(0);
  });

  function deps(at: Date = FIRES_AT): TaskStartingDeps {
    return { db: database().prisma, jobs: queue, mailer, clock: fixedClock(at), log: silentLog };
  }
  /**
   * Resolves once a NOTIFY sent now has been heard. PostgreSQL delivers a channel's
   * notifications in commit order, so anything committed before it has been heard too:
   * "nothing was announced" is then a fact, not a guess after a sleep.
   */
  async function heardEverythingSoFar(): Promise<void> {
    const marker = randomUUID();
    await database().pool.query("SELECT pg_notify($1, $2)", [NOTIFICATIONS_CHANNEL, marker]);
    await vi.waitFor(() => expect(heard).toContain(marker), { timeout: 10_000 });
  }
  const mailsTo = (email: string) => smtp.received.filter((mail) => mail.rcptTo.includes(email));
  const notificationsOf = (userId: string) => database().prisma.notification.findMany({ where: { userId } });

  it("creates one notification and sends one email, with the start in the person's zone", async () => {
    const user = await createUser(database().prisma, { name: "Mia", timeZone: "Europe/Berlin" });
    const task = await createTask(database().prisma, user.id, { summary: "Write report", startTime: START });
    const data = { taskId: task.id, startTime: START.toISOString() };

    const first = await deliverTaskStarting({ ...deps(), data });
    expect(first).toMatchObject({ status: "delivered", created: true, emailed: true });

    const [notification, ...others] = await notificationsOf(user.id);
    expect(others).toEqual([]);
    expect(notification).toMatchObject({
      kind: "task_starting",
      taskId: task.id,
      title: "Starting at 14:30: Write report",
      dedupeKey: `task_starting:${task.id}:2026-06-01T12:30:00.000Z`,
      readAt: null,
    });
    expect(notification?.emailSentAt).toBeInstanceOf(Date);

    const [mail, ...moreMail] = mailsTo(user.email);
    expect(moreMail).toEqual([]);
    expect(mail?.rcptTo).toEqual([user.email]);
    expect(mail?.username).toBe("user");
    expect(mail?.headers.from).toBe("AgendaCraft <reminders@agendacraft.test>");
    expect(mail?.subject).toContain("Write report");
    expect(mail?.subject).toBe("Starting at 14:30: Write report");
    expect(mail?.text).toContain('"Write report" starts at 14:30 on Monday 1 June 2026 (Europe/Berlin)');
    expect(mail?.text).toContain("runs until 15:15");

    const announcement = await vi.waitFor(
      () => {
        const found = heard.find((payload) => payload.includes(user.id));
        expect(found).toBeDefined();
        return found as string;
      },
      { timeout: 10_000 },
    );
    expect(JSON.parse(announcement)).toEqual({ userId: user.id, id: notification?.id });
  });

  it("run again, or many times at once, still makes one notification and one email", async () => {
    const user = await createUser(database().prisma);
    const task = await createTask(database().prisma, user.id, { startTime: START });
    const data = { taskId: task.id, startTime: START.toISOString() };

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliverTaskStarting({ ...deps(), data })));
    const again = await deliverTaskStarting({ ...deps(), data });

    const all = [...outcomes, again];
    expect(all.every((outcome) => outcome.status === "delivered")).toBe(true);
    expect(all.filter((outcome) => outcome.status === "delivered" && outcome.created)).toHaveLength(1);
    expect(all.filter((outcome) => outcome.status === "delivered" && outcome.emailed)).toHaveLength(1);
    expect(await notificationsOf(user.id)).toHaveLength(1);
    expect(mailsTo(user.email)).toHaveLength(1);
    await heardEverythingSoFar();
    expect(heard.filter((payload) => payload.includes(user.id))).toHaveLength(1);
  });

  it("gives the email back when the mail server refuses it, so the retry sends it exactly once", async () => {
    const user = await createUser(database().prisma);
    const task = await createTask(database().prisma, user.id, { startTime: START });
    const data = { taskId: task.id, startTime: START.toISOString() };

    smtp.refuseNext(1);
    await expect(deliverTaskStarting({ ...deps(), data })).rejects.toThrow(/451|try again/i);
    const [pending] = await notificationsOf(user.id);
    expect(pending?.emailSentAt).toBeNull();
    expect(mailsTo(user.email)).toHaveLength(0);

    await expect(deliverTaskStarting({ ...deps(), data })).resolves.toMatchObject({ created: false, emailed: true });
    await expect(deliverTaskStarting({ ...deps(), data })).resolves.toMatchObject({ emailed: false });
    expect(await notificationsOf(user.id)).toHaveLength(1);
    expect(mailsTo(user.email)).toHaveLength(1);
  });

  it("with in-app reminders off, emails and keeps the notification as read history, unannounced", async () => {
    const user = await createUser(database().prisma, { notifyInApp: false });
    const task = await createTask(database().prisma, user.id, { startTime: START });
    await deliverTaskStarting({ ...deps(), data: { taskId: task.id, startTime: START.toISOString() } });

    const [notification] = await notificationsOf(user.id);
    expect(notification?.readAt).toBeInstanceOf(Date);
    expect(mailsTo(user.email)).toHaveLength(1);
    await heardEverythingSoFar();
    expect(heard.some((payload) => payload.includes(user.id))).toBe(false);
  });

  it("with email off, sends nothing and marks the email as not wanted", async () => {
    const user = await createUser(database().prisma, { notifyByEmail: false });
    const task = await createTask(database().prisma, user.id, { startTime: START });
    const outcome = await deliverTaskStarting({ ...deps(), data: { taskId: task.id, startTime: START.toISOString() } });

    expect(outcome).toMatchObject({ status: "delivered", emailed: false });
    const [notification] = await notificationsOf(user.id);
    expect(notification).toMatchObject({ readAt: null });
    expect(notification?.emailSentAt).toBeInstanceOf(Date);
    expect(mailsTo(user.email)).toHaveLength(0);
  });

  it("does nothing when the person wants no reminders at all", async () => {
    const user = await createUser(database().prisma, { notifyByEmail: false, notifyInApp: false });
    const task = await createTask(database().prisma, user.id, { startTime: START });
    const outcome = await deliverTaskStarting({ ...deps(), data: { taskId: task.id, startTime: START.toISOString() } });
    expect(outcome).toEqual({ status: "skipped", reason: "muted" });
    expect(await notificationsOf(user.id)).toHaveLength(0);
  });

  it("does nothing for a task that is gone, completed, moved or already over", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const data = (taskId: string) => ({ taskId, startTime: START.toISOString() });

    const deleted = await createTask(prisma, user.id, { startTime: START });
    await prisma.task.delete({ where: { id: deleted.id } });
    await expect(deliverTaskStarting({ ...deps(), data: data(deleted.id) })).resolves.toEqual({
      status: "skipped",
      reason: "task_gone",
    });

    const completed = await createTask(prisma, user.id, { startTime: START });
    await prisma.task.update({ where: { id: completed.id }, data: { completedAt: FIRES_AT } });
    await expect(deliverTaskStarting({ ...deps(), data: data(completed.id) })).resolves.toMatchObject({
      reason: "completed",
    });

    const moved = await createTask(prisma, user.id, { startTime: new Date(START.getTime() + 60 * MINUTE) });
    await expect(deliverTaskStarting({ ...deps(), data: data(moved.id) })).resolves.toMatchObject({ reason: "moved" });

    // Moved to a start stored before dates were range-checked, which reads back as an Invalid Date.
    const unreadable = await createTask(prisma, user.id, { startTime: START });
    await prisma.$executeRaw`UPDATE tasks SET "startTime" = '10000-01-01T09:00:00Z' WHERE id = ${unreadable.id}::uuid`;
    await expect(deliverTaskStarting({ ...deps(), data: data(unreadable.id) })).resolves.toMatchObject({
      reason: "moved",
    });

    const over = await createTask(prisma, user.id, { startTime: START, minutes: 30 });
    const afterEnd = new Date(START.getTime() + 30 * MINUTE);
    await expect(deliverTaskStarting({ ...deps(afterEnd), data: data(over.id) })).resolves.toMatchObject({
      reason: "over",
    });

    expect(await notificationsOf(user.id)).toHaveLength(0);
    expect(mailsTo(user.email)).toHaveLength(0);
  });

  it("a job that runs early because the lead time shrank queues itself again for the right time", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { notifyLeadMinutes: 5 });
    const task = await createTask(prisma, user.id, { startTime: START });
    const queuedWithOldLead = new Date(START.getTime() - 60 * MINUTE);

    const outcome = await deliverTaskStarting({
      ...deps(queuedWithOldLead),
      data: { taskId: task.id, startTime: START.toISOString() },
    });
    expect(outcome).toMatchObject({ status: "rescheduled" });
    const jobId = outcome.status === "rescheduled" ? outcome.jobId : null;
    const { rows } = await database().pool.query<{ start_after: Date }>(
      "SELECT start_after FROM pgboss.job WHERE name = $1 AND id = $2",
      [TASK_STARTING_JOB, jobId],
    );
    expect(rows[0]?.start_after).toEqual(FIRES_AT);
    await expect(prisma.taskReminder.findUnique({ where: { taskId: task.id } })).resolves.toMatchObject({ jobId });
    expect(await notificationsOf(user.id)).toHaveLength(0);
  });

  it("fails a job whose data is not what it expects", async () => {
    await expect(deliverTaskStarting({ ...deps(), data: { taskId: "nope" } })).rejects.toThrow();
  });
});

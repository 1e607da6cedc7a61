import { randomUUID } from "node:crypto";
import { type AgendaCraftClient, createAgendaCraftClient } from "@agendacraft/client";
import type { JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { createMailer, type Mailer } from "@agendacraft/domain/notifier";
import { startTestSmtpServer, type TestSmtpServer } from "@agendacraft/domain/notifier/testing";
import { systemClock, testSecretKeyring } from "@agendacraft/domain/shared";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createJobDefinitions } from "./jobs/job-definitions.ts";
import { startJobQueue } from "./jobs/start-job-queue.ts";
import { APP_ORIGIN, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const SECOND = 1000;

/** Jobs are polled every 0.5 s; a wait leaves room for a busy machine. */
const WAIT = { timeout: 45 * SECOND, interval: 100 };

/**
 * The whole reminder path with real parts: the HTTP server, the job queue with its
 * worker, and an SMTP server that receives the mail. Lead time is one minute, so a task
 * starting a minute and a second from now is reminded about a second later (the queue runs
 * on the database's clock, so this test keeps the real one).
 */
describe("task-start reminders, end to end", () => {
  const database = useTestDatabase();
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let queue: JobQueue;
  let server: TestServer;
  let client: AgendaCraftClient;
  let email: string;

  beforeAll(async () => {
    const log = pino({ level: "silent" });
    smtp = await startTestSmtpServer();
    mailer = createMailer({ smtpUrl: smtp.url, from: "AgendaCraft <reminders@example.com>", log });
    queue = await startJobQueue({
      db: database(),
      log,
      definitions: (jobs) =>
        createJobDefinitions({
          db: database().prisma,
          log,
          clock: systemClock,
          secrets: testSecretKeyring(),
          jobs,
          mailer,
        }),
      work: true,
      stopTimeoutMs: 2 * SECOND,
      workOptions: { pollingIntervalSeconds: 0.5 },
    });
    server = await startTestServer({ db: database().prisma, clock: systemClock, jobs: queue });
    email = `reminded-${randomUUID()}@example.com`;
    const signedUp = await postJson(`${server.url}/api/auth/sign-up/email`, {
      name: "Reminded Person",
      email,
      password: "correct horse battery",
      timeZone: "Europe/Berlin",
    });
    client = createAgendaCraftClient({
      url: `${server.url}/trpc`,
      headers: { cookie: cookieFrom(signedUp.headers), origin: APP_ORIGIN },
    });
    await client.notifier.settings.update.mutate({ leadMinutes: 1 });
  });
  afterAll(async () => {
    await server?.close();
    await queue?.stop();
    await mailer?.close?.();
    await smtp?.close();
  });

  const notificationsFor = async (taskId: string) =>
    (await client.notifier.notifications.list.query({ limit: 200 })).items.filter((item) => item.taskId === taskId);

  it(
    "reminds once in the app and once by email a minute before the start; a move reschedules, a delete cancels",
    async () => {
      const soon = (seconds: number) => new Date(Date.now() + seconds * SECOND);
      // The deleted task starts later than the others, so its reminder cannot be due before the delete.
      const deleted = await client.scheduler.tasks.create.mutate({ summary: "Cancelled errand", startTime: soon(600) });
      // The reminder is queued once the TaskCreated event is delivered by the worker.
      const { jobId: deletedJobId } = await vi.waitFor(async () => {
        const reminder = await database().prisma.taskReminder.findUnique({ where: { taskId: deleted.id } });
        expect(reminder).not.toBeNull();
        return reminder as NonNullable<typeof reminder>;
      }, WAIT);
      await client.scheduler.tasks.delete.mutate({ id: deleted.id });
      const reminded = await client.scheduler.tasks.create.mutate({ summary: "Call the bank", startTime: soon(61) });
      const moved = await client.scheduler.tasks.create.mutate({ summary: "Moved meeting", startTime: soon(600) });
      await client.scheduler.tasks.update.mutate({ id: moved.id, startTime: soon(61) });

      const [notification] = await vi.waitFor(async () => {
        const found = await notificationsFor(reminded.id);
        expect(found).toHaveLength(1);
        return found;
      }, WAIT);
      expect(notification?.title).toContain("Call the bank");
      // Not before start - lead time (allowing the clock granularity of a second).
      expect(notification?.createdAt.getTime()).toBeGreaterThanOrEqual(
        (reminded.startTime as Date).getTime() - 60 * SECOND - SECOND,
      );
      await vi.waitFor(async () => expect(await notificationsFor(moved.id)).toHaveLength(1), WAIT);

      const mail = await vi.waitFor(() => {
        const found = smtp.received.find((message) => message.subject.includes("Call the bank"));
        expect(found).toBeDefined();
        return found;
      }, WAIT);
      expect(mail?.rcptTo).toEqual([email]);
      // The start time in the person's zone (Berlin), as they would read it.
      const berlinTime = new Intl.DateTimeFormat("en-GB", {
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "Europe/Berlin",
      }).format(reminded.startTime as Date);
      expect(`${mail?.subject}\n${mail?.text}`).toContain(berlinTime);

      // Once both reminder jobs are completed no worker runs them again: nothing arrives twice,
      // and the deleted task's job is cancelled, so it stays silent.
      const reminderJobs = await database().prisma.taskReminder.findMany({
        where: { taskId: { in: [reminded.id, moved.id] } },
        select: { jobId: true },
      });
      expect(reminderJobs).toHaveLength(2);
      await expect
        .poll(async () => {
          const { rows } = await database().pool.query<{ state: string }>(
            "SELECT state FROM pgboss.job WHERE id = ANY($1::uuid[])",
            [reminderJobs.map((reminder) => reminder.jobId)],
          );
          return rows.map((row) => row.state);
        }, WAIT)
        .toEqual(["completed", "completed"]);
      expect(await notificationsFor(reminded.id)).toHaveLength(1);
      expect(smtp.received.filter((message) => message.subject.includes("Call the bank"))).toHaveLength(1);
      expect(smtp.received.some((message) => message.subject.includes("Cancelled errand"))).toBe(false);
      const { rows } = await database().pool.query<{ state: string }>("SELECT state FROM pgboss.job WHERE id = $1", [
        deletedJobId,
      ]);
      expect(rows[0]?.state).toBe("cancelled");
      await expect(client.notifier.notifications.unreadCount.query()).resolves.toEqual({ count: 2 });
    },
    90 * SECOND,
  );
});

import { randomUUID } from "node:crypto";
import { type AgendaCraftClient, createAgendaCraftClient } from "@agendacraft/client";
import type { JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { createMailer, type Mailer } from "@agendacraft/domain/notifier";
import { startTestSmtpServer, type TestSmtpServer } from "@agendacraft/domain/notifier/testing";
import { systemClock, testSecretKeyring } from "@agendacraft/domain/shared";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobDefinitions } from "./jobs/job-definitions.ts";
import { startJobQueue } from "./jobs/start-job-queue.ts";
import { APP_ORIGIN, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const SECOND = 1000;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 45 * SECOND) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The whole reminder path with real parts: the HTTP server, the job queue with its
 * worker, and an SMTP server that receives the mail. Lead time is one minute, so a task
 * starting just over a minute from now is reminded within seconds.
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
      const reminded = await client.scheduler.tasks.create.mutate({ summary: "Call the bank", startTime: soon(64) });
      const moved = await client.scheduler.tasks.create.mutate({ summary: "Moved meeting", startTime: soon(600) });
      await client.scheduler.tasks.update.mutate({ id: moved.id, startTime: soon(66) });
      const deleted = await client.scheduler.tasks.create.mutate({ summary: "Cancelled errand", startTime: soon(65) });
      // The reminder is queued once the TaskCreated event is delivered by the worker.
      const { jobId: deletedJobId } = await waitFor("the reminder to be queued", () =>
        database().prisma.taskReminder.findUnique({ where: { taskId: deleted.id } }),
      );
      await client.scheduler.tasks.delete.mutate({ id: deleted.id });

      const [notification] = await waitFor("the in-app reminder", async () => {
        const found = await notificationsFor(reminded.id);
        return found.length > 0 ? found : null;
      });
      expect(notification?.title).toContain("Call the bank");
      // Not before start - lead time (allowing the clock granularity of a second).
      expect(notification?.createdAt.getTime()).toBeGreaterThanOrEqual(
        (reminded.startTime as Date).getTime() - 60 * SECOND - SECOND,
      );
      await waitFor("the moved task's reminder", async () => (await notificationsFor(moved.id)).length > 0);

      const mail = await waitFor("the reminder email", async () =>
        smtp.received.find((message) => message.subject.includes("Call the bank")),
      );
      expect(mail.rcptTo).toEqual([email]);
      // The start time in the person's zone (Berlin), as they would read it.
      const berlinTime = new Intl.DateTimeFormat("en-GB", {
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "Europe/Berlin",
      }).format(reminded.startTime as Date);
      expect(`${mail.subject}\n${mail.text}`).toContain(berlinTime);

      // A few more polling rounds: nothing arrives twice, and the deleted task stays silent.
      await new Promise((resolve) => setTimeout(resolve, 3 * SECOND));
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

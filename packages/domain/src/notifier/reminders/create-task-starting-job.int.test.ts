import { createJobQueue, type JobQueue, registerJobs } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../shared/clock.ts";
import type { Mailer, MailMessage } from "../mail/mailer.ts";
import { createTask, createUser } from "../testing/fixtures.ts";
import { createTaskStartingJob } from "./create-task-starting-job.ts";
import { syncTaskStartReminder } from "./sync-task-start-reminder.ts";
import { TASK_STARTING_JOB } from "./task-starting.ts";

const MINUTE = 60_000;

describe("createTaskStartingJob (worker registry definition)", () => {
  const database = useTestDatabase();
  let queue: JobQueue;
  const sent: MailMessage[] = [];

  beforeAll(async () => {
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
    const mailer: Mailer = {
      send: async (message) => {
        sent.push(message);
      },
      close: async () => undefined,
    };
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const definition = createTaskStartingJob({ db: database().prisma, jobs: queue, mailer, clock: systemClock, log });
    await registerJobs(queue, [definition], { work: true, workOptions: { pollingIntervalSeconds: 0.5 } });
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it("is worked by the queue: a reminder queued in a task's transaction becomes a notification and an email", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { notifyLeadMinutes: 5 });
    // Real time: the queue runs jobs on the database's clock. Inside the lead time, so it runs at once.
    const task = await createTask(prisma, user.id, {
      summary: "Call the bank",
      startTime: new Date(Date.now() + 2 * MINUTE),
    });
    const { jobId } = await prisma.$transaction((tx) =>
      syncTaskStartReminder({ tx, jobs: queue, taskId: task.id, clock: systemClock }),
    );

    const notification = await vi.waitFor(
      async () => {
        const row = await prisma.notification.findFirst({ where: { userId: user.id } });
        expect(row).not.toBeNull();
        return row as NonNullable<typeof row>;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(notification.title).toMatch(/^Starting at \d\d:\d\d: Call the bank$/);
    await expect
      .poll(
        async () => {
          const { rows } = await database().pool.query<{ state: string }>(
            "SELECT state FROM pgboss.job WHERE name = $1 AND id = $2",
            [TASK_STARTING_JOB, jobId],
          );
          return rows[0]?.state;
        },
        { timeout: 15_000, interval: 50 },
      )
      .toBe("completed");
    expect(sent.filter((mail) => mail.to === user.email)).toHaveLength(1);
  });
});

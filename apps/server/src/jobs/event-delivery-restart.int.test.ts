import { createAgendaCraftClient } from "@agendacraft/client";
import { createDatabase } from "@agendacraft/db/client";
import { createDurableStorage, type DurableStorage } from "@agendacraft/db/testing";
import { TASK_STARTING_JOB } from "@agendacraft/domain/notifier";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { APP_ORIGIN, cookieFrom, postJson } from "../testing/http.ts";
import { spawnServer } from "../testing/spawn-server.ts";

// The outbox's promise with real processes: a change committed by a server that dies
// before delivering its event is delivered, once, by the next server to run the worker.

const ENV = {
  PUBLIC_URL: APP_ORIGIN,
  // The same on both runs, so the session cookie outlives the first process.
  AUTH_SECRET: "event-delivery-restart-secret-32-characters",
};
const MINUTE = 60_000;

// Each test starts real processes (tsx, PGlite); a busy 2-core machine needs the room.
describe("event delivery across a killed server", { timeout: 240_000 }, () => {
  let storage: DurableStorage;
  beforeAll(async () => {
    storage = await createDurableStorage({ migrated: true });
  });
  afterAll(async () => {
    await storage?.dispose();
  });

  it("delivers a task change committed just before kill -9 exactly once after the restart", async () => {
    // 1. A server that only enqueues (no worker): the change commits, its event waits.
    const first = spawnServer({ ...storage.env, ...ENV, WORKER: "off" });
    let taskId: string;
    let cookie: string;
    try {
      const url = await first.listening;
      const signedUp = await postJson(
        `${url}/api/auth/sign-up/email`,
        {
          name: "Restart Person",
          email: "restart@example.com",
          password: "correct horse battery",
          timeZone: "Europe/Berlin",
        },
        { origin: APP_ORIGIN },
      );
      expect(signedUp.status).toBe(200);
      cookie = cookieFrom(signedUp.headers);
      const client = createAgendaCraftClient({ url: `${url}/trpc`, headers: { cookie, origin: APP_ORIGIN } });
      // Inside the lead time already: once delivered, the reminder is due at once.
      await client.notifier.settings.update.mutate({ leadMinutes: 10 });
      const task = await client.scheduler.tasks.create.mutate({
        summary: "Survive the crash",
        startTime: new Date(Date.now() + 5 * MINUTE),
      });
      taskId = task.id;
    } finally {
      // 2. Killed, not stopped: nothing gets to clean up or finish.
      await first.stop("SIGKILL");
    }

    // 3. The next server runs the worker: the dispatcher delivers the waiting event, the
    // reminders subscriber queues the job, and the job makes the notification.
    const second = spawnServer({ ...storage.env, ...ENV });
    try {
      const url = await second.listening;
      const client = createAgendaCraftClient({ url: `${url}/trpc`, headers: { cookie, origin: APP_ORIGIN } });
      await vi.waitFor(
        async () => {
          const { items } = await client.notifier.notifications.list.query({});
          expect(items.filter((item) => item.taskId === taskId)).toHaveLength(1);
        },
        { timeout: 120_000, interval: 500 },
      );
    } finally {
      expect(await second.stop("SIGTERM")).toBe(0);
    }

    // 4. Read the books with the servers gone (the embedded database takes one process).
    const db = await createDatabase({ url: storage.env.DATABASE_URL, dataDir: storage.env.DATA_DIR });
    try {
      const { rows: jobs } = await db.pool.query<{ state: string }>(
        "SELECT state FROM pgboss.job WHERE name = $1 AND data->>'taskId' = $2",
        [TASK_STARTING_JOB, taskId],
      );
      // One reminder job ever: the event was handled once, not once per attempt.
      expect(jobs.map((job) => job.state)).toEqual(["completed"]);
      const { rows: cursors } = await db.pool.query<{ subscriber: string; behind: string }>(
        `SELECT d.subscriber, (s."lastSeq" - d."lastSeq")::text AS behind
         FROM event_deliveries d JOIN event_streams s ON s."userId" = d."userId" ORDER BY d.subscriber`,
      );
      expect(cursors).toEqual([
        { subscriber: "calendars.google_write_back", behind: "0" },
        { subscriber: "notifier.calendar-alerts", behind: "0" },
        { subscriber: "notifier.reminders", behind: "0" },
        { subscriber: "scheduler.replan", behind: "0" },
        { subscriber: "todoist.push", behind: "0" },
      ]);
      expect(await db.prisma.notification.count({ where: { taskId } })).toBe(1);
    } finally {
      await db.close();
    }
  });
});

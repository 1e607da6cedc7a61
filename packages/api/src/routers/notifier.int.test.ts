import type { JobQueue } from "@agendacraft/db/jobs";
import {
  createNotificationBus,
  type NotificationBus,
  type NotificationDto,
  TASK_STARTING_JOB,
} from "@agendacraft/domain/notifier";
import { newId } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import type { ServerDeps } from "../context.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser, type TestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";
import { withJobQueue } from "../testing/with-job-queue.ts";

const NOW = new Date("2026-06-01T09:00:00Z"); // the test deps' fixed clock
const HOUR = 60 * 60 * 1000;

describe("notifier router", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let queue: JobQueue;
  let bus: NotificationBus;
  let deps: ServerDeps;
  let deliver: Awaited<ReturnType<typeof withJobQueue>>["deliver"];

  beforeAll(async () => {
    harness = await createTestDeps();
    const queued = await withJobQueue(harness.deps, harness.database.pool);
    queue = queued.queue;
    deliver = queued.deliver;
    bus = await createNotificationBus({
      db: harness.database.prisma,
      listen: harness.database.listen,
      log: harness.log,
    });
    deps = { ...queued.deps, notifications: bus };
  });
  afterAll(async () => {
    await bus?.close();
    await queue?.stop();
    await harness?.close();
  });

  const signUp = async (name?: string) => {
    const user = await createTestUser(deps, name);
    return { ...user, caller: callerFor(deps, user.session) };
  };

  /** A notification as the worker stores it (without announcing it). */
  async function notify(user: TestUser, title: string, { read = false } = {}) {
    return harness.database.prisma.notification.create({
      data: {
        id: newId(),
        userId: user.userId,
        kind: "task_starting",
        title,
        body: `${title} body`,
        dedupeKey: `test:${newId()}`,
        readAt: read ? NOW : null,
      },
    });
  }

  describe("settings", () => {
    it("get returns the defaults: 5 minutes ahead, by email and in the app", async () => {
      const user = await signUp();
      await expect(user.caller.notifier.settings.get()).resolves.toEqual({ leadMinutes: 5, email: true, inApp: true });
    });

    it("update changes only what it is given", async () => {
      const user = await signUp();
      await expect(user.caller.notifier.settings.update({ leadMinutes: 15 })).resolves.toEqual({
        leadMinutes: 15,
        email: true,
        inApp: true,
      });
      await expect(user.caller.notifier.settings.update({ email: false, inApp: false })).resolves.toEqual({
        leadMinutes: 15,
        email: false,
        inApp: false,
      });
      await expect(user.caller.notifier.settings.get()).resolves.toEqual({
        leadMinutes: 15,
        email: false,
        inApp: false,
      });
    });

    it("rejects a lead time outside 0-120 minutes, and an empty update, by field", async () => {
      const user = await signUp();
      for (const leadMinutes of [-1, 121, 2.5]) {
        const error = await trpcFailure(user.caller.notifier.settings.update({ leadMinutes }));
        expect(error.code).toBe("BAD_REQUEST");
        expect((error.cause as ZodError).issues[0]?.path).toEqual(["leadMinutes"]);
      }
      const empty = await trpcFailure(user.caller.notifier.settings.update({}));
      expect((empty.cause as ZodError).issues[0]).toMatchObject({ params: { code: "notifier.nothing_to_update" } });
      await expect(user.caller.notifier.settings.update({ leadMinutes: 0 })).resolves.toMatchObject({ leadMinutes: 0 });
      await expect(user.caller.notifier.settings.update({ leadMinutes: 120 })).resolves.toMatchObject({
        leadMinutes: 120,
      });
    });

    it("a new lead time re-times the reminder of an upcoming task (through its event)", async () => {
      const user = await signUp();
      const start = new Date(NOW.getTime() + 5 * HOUR);
      const task = await harness.database.prisma.task.create({
        data: { userId: user.userId, summary: "Dentist", order: 1, startTime: start },
      });
      await user.caller.notifier.settings.update({ leadMinutes: 30 });
      await expect(deliver(user.userId)).resolves.toMatchObject({ failed: [] });
      const { jobId } = await harness.database.prisma.taskReminder.findUniqueOrThrow({ where: { taskId: task.id } });
      const { rows } = await harness.database.pool.query<{ start_after: Date }>(
        "SELECT start_after FROM pgboss.job WHERE name = $1 AND id = $2",
        [TASK_STARTING_JOB, jobId],
      );
      expect(rows[0]?.start_after).toEqual(new Date(start.getTime() - 30 * 60_000));
    });
  });

  describe("notifications", () => {
    it("list pages newest first with a cursor, and filters unread", async () => {
      const user = await signUp();
      const made = [];
      for (const title of ["one", "two", "three", "four", "five"])
        made.push(await notify(user, title, { read: title === "two" }));

      const first = await user.caller.notifier.notifications.list({ limit: 2 });
      expect(first.items.map((item) => item.title)).toEqual(["five", "four"]);
      expect(first.items[0]).toEqual({
        id: made[4]?.id,
        kind: "task_starting",
        taskId: null,
        title: "five",
        body: "five body",
        createdAt: expect.any(Date),
        readAt: null,
      });
      const second = await user.caller.notifier.notifications.list({ limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.items.map((item) => item.title)).toEqual(["three", "two"]);
      const third = await user.caller.notifier.notifications.list({ limit: 2, cursor: second.nextCursor ?? undefined });
      expect(third).toEqual({ items: [expect.objectContaining({ title: "one" })], nextCursor: null });

      const unread = await user.caller.notifier.notifications.list({ unreadOnly: true });
      expect(unread.items.map((item) => item.title)).toEqual(["five", "four", "three", "one"]);
      await expect(user.caller.notifier.notifications.list()).resolves.toMatchObject({ nextCursor: null });
    });

    it("refuses a cursor it did not make", async () => {
      const user = await signUp();
      const error = await trpcFailure(user.caller.notifier.notifications.list({ cursor: "garbage" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "common.invalid_cursor" });
    });

    it("unreadCount, markRead and markAllRead work on the caller's own notifications", async () => {
      const user = await signUp();
      const a = await notify(user, "a");
      const b = await notify(user, "b");
      await notify(user, "c");
      const notifications = user.caller.notifier.notifications;
      await expect(notifications.unreadCount()).resolves.toEqual({ count: 3 });

      await expect(notifications.markRead({ ids: [a.id, b.id] })).resolves.toEqual({ updated: 2 });
      await expect(notifications.markRead({ ids: [a.id] })).resolves.toEqual({ updated: 0 });
      await expect(notifications.unreadCount()).resolves.toEqual({ count: 1 });
      const stored = await harness.database.prisma.notification.findUniqueOrThrow({ where: { id: a.id } });
      expect(stored.readAt).toEqual(NOW);

      await expect(notifications.markAllRead()).resolves.toEqual({ updated: 1 });
      await expect(notifications.unreadCount()).resolves.toEqual({ count: 0 });
    });

    it("markRead with another user's ids changes nothing of theirs and says nothing about them", async () => {
      const alice = await signUp("Alice");
      const bob = await signUp("Bob");
      const bobs = await notify(bob, "Bob's");
      const alices = await notify(alice, "Alice's");

      await expect(alice.caller.notifier.notifications.markRead({ ids: [bobs.id] })).resolves.toEqual({ updated: 0 });
      await expect(alice.caller.notifier.notifications.markRead({ ids: [bobs.id, alices.id] })).resolves.toEqual({
        updated: 1,
      });
      const untouched = await harness.database.prisma.notification.findUniqueOrThrow({ where: { id: bobs.id } });
      expect(untouched.readAt).toBeNull();
      await expect(bob.caller.notifier.notifications.unreadCount()).resolves.toEqual({ count: 1 });
      await alice.caller.notifier.notifications.markAllRead();
      await expect(bob.caller.notifier.notifications.unreadCount()).resolves.toEqual({ count: 1 });
      const bobsList = await alice.caller.notifier.notifications.list();
      expect(bobsList.items.map((item) => item.id)).not.toContain(bobs.id);
    });

    it("validates markRead's ids", async () => {
      const user = await signUp();
      const empty = await trpcFailure(user.caller.notifier.notifications.markRead({ ids: [] }));
      expect(empty.code).toBe("BAD_REQUEST");
      const bad = await trpcFailure(user.caller.notifier.notifications.markRead({ ids: ["nope"] }));
      expect((bad.cause as ZodError).issues[0]?.path).toEqual(["ids", 0]);
    });

    it("every procedure needs a session", async () => {
      const anonymous = callerFor(deps, null);
      for (const call of [
        () => anonymous.notifier.settings.get(),
        () => anonymous.notifier.settings.update({ email: false }),
        () => anonymous.notifier.notifications.list(),
        () => anonymous.notifier.notifications.unreadCount(),
        () => anonymous.notifier.notifications.markRead({ ids: [newId()] }),
        () => anonymous.notifier.notifications.markAllRead(),
        () => anonymous.notifier.notifications.onNew(),
      ]) {
        expect((await trpcFailure(call())).code).toBe("UNAUTHORIZED");
      }
    });
  });

  describe("onNew", () => {
    it("streams the caller's new notifications with their ids as event ids, replaying unread ones after lastEventId", async () => {
      const user = await signUp();
      const other = await signUp();
      const seen = await notify(user, "seen");
      const missed = await notify(user, "missed");
      const stream = await user.caller.notifier.notifications.onNew({ lastEventId: seen.id });
      const iterator = stream[Symbol.asyncIterator]();
      // In-process the events are tRPC's tracked envelopes, [id, data, marker]; over SSE, id is the event id.
      const event = async (next: Promise<IteratorResult<unknown>>) => (await next).value as [string, NotificationDto];

      const [firstId, first] = await event(iterator.next());
      expect(firstId).toBe(missed.id);
      expect(first).toMatchObject({ id: missed.id, title: "missed" });

      const next = iterator.next();
      await harness.database.prisma.$transaction(async (tx) => {
        const row = await tx.notification.create({
          data: {
            id: newId(),
            userId: other.userId,
            kind: "task_starting",
            title: "not mine",
            body: "",
            dedupeKey: `t:${newId()}`,
          },
        });
        await tx.$executeRaw`SELECT pg_notify('agendacraft_notifications', ${JSON.stringify({ userId: other.userId, id: row.id })})`;
        const mine = await tx.notification.create({
          data: {
            id: newId(),
            userId: user.userId,
            kind: "task_starting",
            title: "live",
            body: "",
            dedupeKey: `t:${newId()}`,
          },
        });
        await tx.$executeRaw`SELECT pg_notify('agendacraft_notifications', ${JSON.stringify({ userId: user.userId, id: mine.id })})`;
      });
      const [, live] = await event(next);
      expect(live).toMatchObject({ title: "live" });
      await iterator.return?.();
    });

    it("answers UNAVAILABLE with notifier.live_unavailable on a server without the bus", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(user.caller.notifier.notifications.onNew());
      expect(error.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.cause).toMatchObject({ code: "notifier.live_unavailable" });
    });
  });
});

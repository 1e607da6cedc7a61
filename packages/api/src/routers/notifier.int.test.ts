import {
  createNotificationBus,
  type NotificationBus,
  type NotificationDto,
  NotificationSettingsChanged,
} from "@agendacraft/domain/notifier";
import { newId } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import type { ServerDeps } from "../context.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser, type TestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

const NOW = new Date("2026-06-01T09:00:00Z"); // the test deps' fixed clock

// Only what the router adds: session, input validation, error mapping, output shape, SSE event ids.
// The business rules are tested in packages/domain/src/notifier/notifier.int.test.ts (settings,
// notifications, the live stream) and reminders/sync-task-start-reminder.int.test.ts (re-timing).
describe("notifier router", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let bus: NotificationBus;
  let deps: ServerDeps;

  beforeAll(async () => {
    harness = await createTestDeps();
    bus = await createNotificationBus({
      db: harness.database.prisma,
      listen: harness.database.listen,
      log: harness.log,
    });
    deps = { ...harness.deps, notifications: bus };
  });
  afterAll(async () => {
    await bus?.close();
    await harness?.close();
  });

  const signUp = async (name?: string) => {
    const user = await createTestUser(deps, name);
    return { ...user, caller: callerFor(deps, user.session) };
  };

  /** A notification as the worker stores it (without announcing it). */
  async function notify(user: TestUser, title: string) {
    return harness.database.prisma.notification.create({
      data: {
        id: newId(),
        userId: user.userId,
        kind: "task_starting",
        title,
        body: `${title} body`,
        dedupeKey: `test:${newId()}`,
      },
    });
  }

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

  describe("settings", () => {
    it("get answers the settings", async () => {
      const user = await signUp();
      await expect(user.caller.notifier.settings.get()).resolves.toEqual({ leadMinutes: 5, email: true, inApp: true });
    });

    it("update answers the new settings and records the change in the outbox", async () => {
      const user = await signUp();
      await expect(user.caller.notifier.settings.update({ leadMinutes: 30 })).resolves.toEqual({
        leadMinutes: 30,
        email: true,
        inApp: true,
      });
      // The router hands the service the server's outbox: the reminders subscriber will see the change.
      const stored = await harness.database.prisma.domainEvent.findMany({
        where: { userId: user.userId },
        select: { type: true, payload: true },
      });
      expect(stored).toEqual([{ type: NotificationSettingsChanged.name, payload: { leadMinutesChanged: true } }]);
    });

    it("update answers BAD_REQUEST naming the field, and the empty update's code", async () => {
      const user = await signUp();
      const error = await trpcFailure(user.caller.notifier.settings.update({ leadMinutes: 121 }));
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.cause as ZodError).issues[0]?.path).toEqual(["leadMinutes"]);
      const empty = await trpcFailure(user.caller.notifier.settings.update({}));
      expect(empty.code).toBe("BAD_REQUEST");
      expect((empty.cause as ZodError).issues[0]).toMatchObject({ params: { code: "notifier.nothing_to_update" } });
    });
  });

  describe("notifications", () => {
    it("list answers a page of notifications", async () => {
      const user = await signUp();
      const made = await notify(user, "one");
      await expect(user.caller.notifier.notifications.list({ limit: 5 })).resolves.toEqual({
        items: [
          {
            id: made.id,
            kind: "task_starting",
            taskId: null,
            title: "one",
            body: "one body",
            createdAt: expect.any(Date),
            readAt: null,
          },
        ],
        nextCursor: null,
      });
    });

    it("list maps a cursor it did not make to BAD_REQUEST with common.invalid_cursor", async () => {
      const user = await signUp();
      const error = await trpcFailure(user.caller.notifier.notifications.list({ cursor: "garbage" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "common.invalid_cursor" });
    });

    it("unreadCount, markRead and markAllRead answer counts", async () => {
      const user = await signUp();
      const a = await notify(user, "a");
      await notify(user, "b");
      const notifications = user.caller.notifier.notifications;
      await expect(notifications.unreadCount()).resolves.toEqual({ count: 2 });
      await expect(notifications.markRead({ ids: [a.id] })).resolves.toEqual({ updated: 1 });
      await expect(notifications.markAllRead()).resolves.toEqual({ updated: 1 });
      const stored = await harness.database.prisma.notification.findUniqueOrThrow({ where: { id: a.id } });
      expect(stored.readAt).toEqual(NOW);
    });

    it("markRead answers BAD_REQUEST naming the ids", async () => {
      const user = await signUp();
      const empty = await trpcFailure(user.caller.notifier.notifications.markRead({ ids: [] }));
      expect(empty.code).toBe("BAD_REQUEST");
      expect((empty.cause as ZodError).issues[0]?.path).toEqual(["ids"]);
      const bad = await trpcFailure(user.caller.notifier.notifications.markRead({ ids: ["nope"] }));
      expect(bad.code).toBe("BAD_REQUEST");
      expect((bad.cause as ZodError).issues[0]?.path).toEqual(["ids", 0]);
    });
  });

  describe("onNew", () => {
    it("streams notifications with their ids as event ids, passing lastEventId on", async () => {
      const user = await signUp();
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
      const live = await harness.database.prisma.$transaction(async (tx) => {
        const row = await tx.notification.create({
          data: {
            id: newId(),
            userId: user.userId,
            kind: "task_starting",
            title: "live",
            body: "",
            dedupeKey: `t:${newId()}`,
          },
        });
        await tx.$executeRaw`SELECT pg_notify('agendacraft_notifications', ${JSON.stringify({ userId: user.userId, id: row.id })})`;
        return row;
      });
      const [liveId, liveItem] = await event(next);
      expect(liveId).toBe(live.id);
      expect(liveItem).toMatchObject({ title: "live" });
      await iterator.return?.();
    });

    it("answers SERVICE_UNAVAILABLE with notifier.live_unavailable on a server without the bus", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(user.caller.notifier.notifications.onNew());
      expect(error.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.cause).toMatchObject({ code: "notifier.live_unavailable" });
    });
  });
});

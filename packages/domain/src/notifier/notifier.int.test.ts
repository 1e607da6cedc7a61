import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../shared/clock.ts";
import { createRecordingEvents } from "../shared/events/create-recording-events.ts";
import { newId } from "../shared/ids.ts";
import { createNotificationBus, type NotificationBus } from "./bus/create-notification-bus.ts";
import { NotificationSettingsChanged } from "./events.ts";
import { countUnreadNotifications } from "./notifications/count-unread-notifications.ts";
import { listNotifications } from "./notifications/list-notifications.ts";
import { markAllNotificationsRead } from "./notifications/mark-all-notifications-read.ts";
import { markNotificationRead } from "./notifications/mark-notification-read.ts";
import { markNotificationsRead } from "./notifications/mark-notifications-read.ts";
import { streamNewNotifications } from "./notifications/stream-new-notifications.ts";
import { ZListNotificationsInput, ZMarkNotificationsReadInput, ZUpdateNotificationSettingsInput } from "./schemas.ts";
import { getNotificationSettings } from "./settings/get-notification-settings.ts";
import { updateNotificationSettings } from "./settings/update-notification-settings.ts";
import { createAnnouncedNotification, createUser } from "./testing/fixtures.ts";

const NOW = new Date("2026-06-01T09:00:00Z");
const clock = fixedClock(NOW);
const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

// The business rules of reminder settings and notifications, called the way the router calls them.
// Re-timing queued reminders after a new lead time is tested in reminders/sync-task-start-reminder.int.test.ts.
describe("notifier settings and notifications", () => {
  const database = useTestDatabase();

  async function setup(name?: string) {
    const { prisma } = database();
    const user = await createUser(prisma, name ? { name } : {});
    const events = createRecordingEvents();
    // Inputs go through the same schemas the router applies, so defaults and refinements are real.
    const update = (raw: Parameters<typeof ZUpdateNotificationSettingsInput.parse>[0]) =>
      updateNotificationSettings({
        db: prisma,
        actorId: user.id,
        input: ZUpdateNotificationSettingsInput.parse(raw),
        events,
      });
    const get = () => getNotificationSettings({ db: prisma, actorId: user.id });
    const list = (raw?: Parameters<typeof ZListNotificationsInput.parse>[0]) =>
      listNotifications({ db: prisma, actorId: user.id, input: ZListNotificationsInput.parse(raw) });
    const unreadCount = () => countUnreadNotifications({ db: prisma, actorId: user.id });
    const markRead = (ids: string[]) =>
      markNotificationsRead({ db: prisma, actorId: user.id, input: ZMarkNotificationsReadInput.parse({ ids }), clock });
    const markAllRead = () => markAllNotificationsRead({ db: prisma, actorId: user.id, clock });
    /** A notification as the worker stores it (without announcing it). */
    const notify = (title: string, { read = false } = {}) =>
      prisma.notification.create({
        data: {
          id: newId(),
          userId: user.id,
          kind: "task_starting",
          title,
          body: `${title} body`,
          dedupeKey: `test:${newId()}`,
          readAt: read ? NOW : null,
        },
      });
    return { prisma, user, events, update, get, list, unreadCount, markRead, markAllRead, notify };
  }

  describe("settings", () => {
    it("start at 5 minutes ahead, by email and in the app", async () => {
      const { get } = await setup();
      await expect(get()).resolves.toEqual({ leadMinutes: 5, email: true, inApp: true });
    });

    it("an update changes only what it is given", async () => {
      const { update, get } = await setup();
      await expect(update({ leadMinutes: 15 })).resolves.toEqual({ leadMinutes: 15, email: true, inApp: true });
      await expect(update({ email: false, inApp: false })).resolves.toEqual({
        leadMinutes: 15,
        email: false,
        inApp: false,
      });
      await expect(get()).resolves.toEqual({ leadMinutes: 15, email: false, inApp: false });
    });

    it("accept a lead time of 0 to 120 whole minutes and refuse an empty update", async () => {
      const { update } = await setup();
      for (const leadMinutes of [-1, 121, 2.5]) {
        const parsed = ZUpdateNotificationSettingsInput.safeParse({ leadMinutes });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.path).toEqual(["leadMinutes"]);
      }
      const empty = ZUpdateNotificationSettingsInput.safeParse({});
      expect(empty.error?.issues[0]).toMatchObject({ params: { code: "notifier.nothing_to_update" } });
      await expect(update({ leadMinutes: 0 })).resolves.toMatchObject({ leadMinutes: 0 });
      await expect(update({ leadMinutes: 120 })).resolves.toMatchObject({ leadMinutes: 120 });
    });

    it("record NotificationSettingsChanged, saying whether the lead time changed (which re-times reminders)", async () => {
      const { user, update, events } = await setup();
      await update({ leadMinutes: 30 });
      await update({ email: false });
      await update({ leadMinutes: 30 });
      expect(events.names()).toEqual([
        NotificationSettingsChanged.name,
        NotificationSettingsChanged.name,
        NotificationSettingsChanged.name,
      ]);
      expect(events.recorded.map(({ userId, aggregateId, payload }) => ({ userId, aggregateId, payload }))).toEqual([
        { userId: user.id, aggregateId: user.id, payload: { leadMinutesChanged: true } },
        { userId: user.id, aggregateId: user.id, payload: { leadMinutesChanged: false } },
        { userId: user.id, aggregateId: user.id, payload: { leadMinutesChanged: false } },
      ]);
    });

    it("answer iam.user_not_found for an account that is gone, recording nothing", async () => {
      const { prisma } = database();
      const events = createRecordingEvents();
      const actorId = newId();
      await expect(getNotificationSettings({ db: prisma, actorId })).rejects.toMatchObject({
        kind: "NOT_FOUND",
        code: "iam.user_not_found",
      });
      await expect(
        updateNotificationSettings({ db: prisma, actorId, input: { leadMinutes: 10 }, events }),
      ).rejects.toMatchObject({ kind: "NOT_FOUND", code: "iam.user_not_found" });
      expect(events.recorded).toEqual([]);
    });
  });

  describe("notifications", () => {
    it("list pages newest first with a cursor, and filters unread", async () => {
      const { list, notify } = await setup();
      const made = [];
      for (const title of ["one", "two", "three", "four", "five"])
        made.push(await notify(title, { read: title === "two" }));

      const first = await list({ limit: 2 });
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
      const second = await list({ limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.items.map((item) => item.title)).toEqual(["three", "two"]);
      const third = await list({ limit: 2, cursor: second.nextCursor ?? undefined });
      expect(third).toEqual({ items: [expect.objectContaining({ title: "one" })], nextCursor: null });

      const unread = await list({ unreadOnly: true });
      expect(unread.items.map((item) => item.title)).toEqual(["five", "four", "three", "one"]);
      // Without input: the default page (50) holds all five.
      await expect(list()).resolves.toMatchObject({ nextCursor: null });
    });

    it("list refuses a cursor it did not make with common.invalid_cursor", async () => {
      const { list } = await setup();
      await expect(list({ cursor: "garbage" })).rejects.toMatchObject({
        kind: "INVALID",
        code: "common.invalid_cursor",
      });
    });

    it("unreadCount, markRead and markAllRead work on the actor's notifications, stamping the clock's time", async () => {
      const { prisma, notify, unreadCount, markRead, markAllRead } = await setup();
      const a = await notify("a");
      const b = await notify("b");
      await notify("c");
      await expect(unreadCount()).resolves.toEqual({ count: 3 });

      await expect(markRead([a.id, b.id])).resolves.toEqual({ updated: 2 });
      // Already read: not counted again.
      await expect(markRead([a.id])).resolves.toEqual({ updated: 0 });
      await expect(unreadCount()).resolves.toEqual({ count: 1 });
      const stored = await prisma.notification.findUniqueOrThrow({ where: { id: a.id } });
      expect(stored.readAt).toEqual(NOW);

      await expect(markAllRead()).resolves.toEqual({ updated: 1 });
      await expect(unreadCount()).resolves.toEqual({ count: 0 });
    });

    it("markRead with another user's ids changes nothing of theirs and says nothing about them", async () => {
      const { prisma } = database();
      const alice = await setup("Alice");
      const bob = await setup("Bob");
      const bobs = await bob.notify("Bob's");
      const alices = await alice.notify("Alice's");

      await expect(alice.markRead([bobs.id])).resolves.toEqual({ updated: 0 });
      await expect(alice.markRead([bobs.id, alices.id])).resolves.toEqual({ updated: 1 });
      const untouched = await prisma.notification.findUniqueOrThrow({ where: { id: bobs.id } });
      expect(untouched.readAt).toBeNull();
      await expect(bob.unreadCount()).resolves.toEqual({ count: 1 });
      await alice.markAllRead();
      await expect(bob.unreadCount()).resolves.toEqual({ count: 1 });
      const alicesList = await alice.list();
      expect(alicesList.items.map((item) => item.id)).not.toContain(bobs.id);
    });

    it("markOneRead answers with the notification, keeps the first read time, and finds no one else's", async () => {
      const alice = await setup("Alice");
      const bob = await setup("Bob");
      const mine = await alice.notify("Standup");
      const bobs = await bob.notify("Bob's");
      const markOne = (id: string, at: Date) =>
        markNotificationRead({ db: alice.prisma, actorId: alice.user.id, id, clock: fixedClock(at) });

      await expect(markOne(mine.id, NOW)).resolves.toMatchObject({ id: mine.id, title: "Standup", readAt: NOW });
      const later = new Date(NOW.getTime() + 60_000);
      await expect(markOne(mine.id, later)).resolves.toMatchObject({ readAt: NOW });
      await expect(markOne(bobs.id, NOW)).rejects.toMatchObject({ code: "notifier.notification_not_found" });
      await expect(markOne(newId(), NOW)).rejects.toMatchObject({ code: "notifier.notification_not_found" });
      await expect(bob.unreadCount()).resolves.toEqual({ count: 1 });
    });

    it("markRead takes 1 to 200 notification ids", () => {
      const empty = ZMarkNotificationsReadInput.safeParse({ ids: [] });
      expect(empty.error?.issues[0]?.path).toEqual(["ids"]);
      const bad = ZMarkNotificationsReadInput.safeParse({ ids: ["nope"] });
      expect(bad.error?.issues[0]?.path).toEqual(["ids", 0]);
      const many = ZMarkNotificationsReadInput.safeParse({ ids: Array.from({ length: 201 }, () => newId()) });
      expect(many.error?.issues[0]?.path).toEqual(["ids"]);
      expect(ZMarkNotificationsReadInput.safeParse({ ids: Array.from({ length: 200 }, () => newId()) }).success).toBe(
        true,
      );
    });
  });

  describe("streamNewNotifications", () => {
    let bus: NotificationBus;
    beforeAll(async () => {
      bus = await createNotificationBus({ db: database().prisma, listen: database().listen, log: silentLog });
    });
    afterAll(async () => {
      await bus?.close();
    });

    it("replays the actor's unread notifications after lastEventId, then streams only the actor's new ones", async () => {
      const { prisma } = database();
      const user = await createUser(prisma);
      const other = await createUser(prisma);
      const seen = await createAnnouncedNotification(prisma, user.id, { title: "seen" });
      const missed = await createAnnouncedNotification(prisma, user.id, { title: "missed" });
      const controller = new AbortController();
      const iterator = streamNewNotifications({
        bus,
        actorId: user.id,
        lastEventId: seen.id,
        signal: controller.signal,
      })[Symbol.asyncIterator]();

      await expect(iterator.next()).resolves.toMatchObject({ value: { id: missed.id, title: "missed" } });
      const next = iterator.next();
      // Announced in commit order: "not mine" reaches the bus first and must be skipped.
      await createAnnouncedNotification(prisma, other.id, { title: "not mine" });
      const live = await createAnnouncedNotification(prisma, user.id, { title: "live" });
      await expect(next).resolves.toMatchObject({ value: { id: live.id, title: "live" } });

      controller.abort();
      await expect(iterator.next()).resolves.toMatchObject({ done: true });
    });

    it("refuses at once with notifier.live_unavailable on a server without the bus", () => {
      expect(() => streamNewNotifications({ bus: undefined, actorId: newId() })).toThrow(
        expect.objectContaining({ kind: "UNAVAILABLE", code: "notifier.live_unavailable" }),
      );
    });
  });
});

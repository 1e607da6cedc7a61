import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NotificationDto } from "../schemas.ts";
import { createAnnouncedNotification, createUser } from "../testing/fixtures.ts";
import { createNotificationBus, type NotificationBus } from "./create-notification-bus.ts";
import { publishNotification } from "./publish-notification.ts";

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
/** Announcements arrive within milliseconds; a wait leaves room for a busy machine. */
const WAIT = { timeout: 10_000, interval: 20 };

/*
 * No sleeps: a subscription is registered as soon as its stream is first read (collect()
 * does that at once), and NOTIFYs reach the bus's one listening session in commit order,
 * so "nothing arrived" is shown by a later witness notification that did arrive.
 */

/** Reads a stream in the background, keeping what arrives. */
function collect(stream: AsyncIterable<NotificationDto>) {
  const items: NotificationDto[] = [];
  let ended = false;
  const done = (async () => {
    for await (const item of stream) items.push(item);
    ended = true;
  })();
  return {
    items,
    done,
    get ended() {
      return ended;
    },
  };
}

describe("createNotificationBus", () => {
  const database = useTestDatabase();
  let bus: NotificationBus;

  beforeAll(async () => {
    bus = await createNotificationBus({ db: database().prisma, listen: database().listen, log: silentLog });
  });
  afterAll(async () => {
    await bus?.close();
  });

  /** Resolves once every announcement committed so far has reached the bus: a later one, to a witness, did. */
  async function announcementsArrived(prisma: ReturnType<typeof database>["prisma"]) {
    const witness = await createUser(prisma, { name: "Witness" });
    const controller = new AbortController();
    const tab = collect(bus.subscribe(witness.id, { signal: controller.signal }));
    const marker = await createAnnouncedNotification(prisma, witness.id, { title: "marker" });
    await vi.waitFor(() => expect(tab.items.map((item) => item.id)).toContain(marker.id), WAIT);
    controller.abort();
    await tab.done;
  }

  it("delivers a notification committed in another transaction to its user's streams only", async () => {
    const { prisma } = database();
    const alice = await createUser(prisma, { name: "Alice" });
    const bob = await createUser(prisma, { name: "Bob" });
    const controller = new AbortController();
    const aliceTab1 = collect(bus.subscribe(alice.id, { signal: controller.signal }));
    const aliceTab2 = collect(bus.subscribe(alice.id, { signal: controller.signal }));
    const bobTab = collect(bus.subscribe(bob.id, { signal: controller.signal }));

    const created = await createAnnouncedNotification(prisma, alice.id, { title: "For Alice" });
    await vi.waitFor(() => expect([aliceTab1.items.length, aliceTab2.items.length]).toEqual([1, 1]), WAIT);
    expect(aliceTab1.items[0]).toMatchObject({ id: created.id, title: "For Alice", readAt: null });
    const forBob = await createAnnouncedNotification(prisma, bob.id, { title: "For Bob" });
    await vi.waitFor(() => expect(bobTab.items.map((item) => item.id)).toContain(forBob.id), WAIT);
    expect(bobTab.items.map((item) => item.id)).toEqual([forBob.id]);

    controller.abort();
    await Promise.all([aliceTab1.done, aliceTab2.done, bobTab.done]);
  });

  it("announces nothing for a transaction that rolls back", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const controller = new AbortController();
    const tab = collect(bus.subscribe(user.id, { signal: controller.signal }));
    await expect(
      prisma.$transaction(async (tx) => {
        const row = await tx.notification.create({
          data: { userId: user.id, kind: "task_starting", title: "Never", body: "", dedupeKey: `never:${user.id}` },
        });
        await publishNotification(tx, { userId: user.id, id: row.id });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const witness = await createAnnouncedNotification(prisma, user.id, { title: "committed after" });
    await vi.waitFor(() => expect(tab.items.map((item) => item.id)).toContain(witness.id), WAIT);
    expect(tab.items.map((item) => item.id)).toEqual([witness.id]);
    controller.abort();
    await tab.done;
  });

  it("after `after` (a reconnect's lastEventId) yields the unread ones created since, then live ones", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const seen = await createAnnouncedNotification(prisma, user.id, { title: "seen before" });
    const missed1 = await createAnnouncedNotification(prisma, user.id, { title: "missed 1" });
    await createAnnouncedNotification(prisma, user.id, { title: "read elsewhere", read: true });
    const missed2 = await createAnnouncedNotification(prisma, user.id, { title: "missed 2" });
    // Their NOTIFYs must have reached the bus (and found no stream) before this "reconnect".
    await announcementsArrived(prisma);

    const controller = new AbortController();
    const tab = collect(bus.subscribe(user.id, { after: seen.id, signal: controller.signal }));
    await vi.waitFor(() => expect(tab.items.length).toBeGreaterThanOrEqual(2), WAIT);
    expect(tab.items.map((item) => item.id)).toEqual([missed1.id, missed2.id]);

    const live = await createAnnouncedNotification(prisma, user.id, { title: "live" });
    await vi.waitFor(() => expect(tab.items).toHaveLength(3), WAIT);
    expect(tab.items[2]?.id).toBe(live.id);
    controller.abort();
    await tab.done;
  });

  it("ignores an `after` that is not a notification id and starts from now", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    await createAnnouncedNotification(prisma, user.id, { title: "old" });
    // Let the old one's NOTIFY reach the bus first: it travels on its own connection and
    // may otherwise arrive after the subscription starts, as a genuinely new event would.
    await announcementsArrived(prisma);
    const controller = new AbortController();
    const tab = collect(bus.subscribe(user.id, { after: "not-an-id", signal: controller.signal }));
    // A catch-up runs before live ones are yielded: had it read the old one, it would come first.
    const fresh = await createAnnouncedNotification(prisma, user.id, { title: "new" });
    await vi.waitFor(() => expect(tab.items.map((item) => item.id)).toContain(fresh.id), WAIT);
    expect(tab.items.map((item) => item.id)).toEqual([fresh.id]);
    controller.abort();
    await tab.done;
  });

  it("delivers a notification made right after the listening connection was lost", async () => {
    const { prisma, pool, mode } = database();
    const user = await createUser(prisma);
    const controller = new AbortController();
    const tab = collect(bus.subscribe(user.id, { signal: controller.signal }));
    if (mode === "postgres") {
      const { rows } = await pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      );
      for (const { pid } of rows) await pool.query("SELECT pg_terminate_backend($1)", [pid]);
    } else {
      // The embedded listener rides the pool's connection, which pg replaces after a failed statement.
      await pool.query("SELECT 1/0").catch(() => undefined);
    }
    const missed = await createAnnouncedNotification(prisma, user.id, { title: "while down" });
    await vi.waitFor(() => expect(tab.items.map((item) => item.id)).toContain(missed.id), WAIT);
    controller.abort();
    await tab.done;
  });

  it("close() ends every open stream", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const own = await createNotificationBus({ db: prisma, listen: database().listen, log: silentLog });
    const tab = collect(own.subscribe(user.id));
    await own.close();
    await tab.done;
    expect(tab.ended).toBe(true);
    const late = collect(own.subscribe(user.id));
    await late.done;
    expect(late.items).toEqual([]);
  });
});

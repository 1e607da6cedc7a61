import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../notifier/testing/fixtures.ts";
import { fixedClock } from "../shared/clock.ts";
import { createRecordingEvents } from "../shared/events/create-recording-events.ts";
import { newId } from "../shared/ids.ts";
import { isSealedSecret, sealedSecretKeyId } from "../shared/secrets/seal-secret.ts";
import { createSecretKeyring, SECRET_KEY_BYTES } from "../shared/secrets/secret-keyring.ts";
import { addFeed } from "./add-feed.ts";
import { listBusy } from "./list-busy.ts";
import { listFeeds } from "./list-feeds.ts";
import { removeFeed } from "./remove-feed.ts";
import { sealFeedUrls } from "./seal-feed-urls.ts";
import { syncFeed } from "./sync-feed.ts";
import { calendarText, LUNCH } from "./testing/feed-fixtures.ts";
import { startTestCalendarServer, type TestCalendarServer } from "./testing/start-test-calendar-server.ts";

const NOW = new Date("2026-06-01T09:00:00Z");
const WEEK = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-08T00:00:00Z") };
const keyA = Buffer.alloc(SECRET_KEY_BYTES, 0xa);
const keyB = Buffer.alloc(SECRET_KEY_BYTES, 0xb);
const keyC = Buffer.alloc(SECRET_KEY_BYTES, 0xc);
const onlyA = createSecretKeyring({ current: keyA });
const bWithA = createSecretKeyring({ current: keyB, previous: [keyA] });
const onlyB = createSecretKeyring({ current: keyB });

describe("calendar addresses at rest", () => {
  const database = useTestDatabase();
  const clock = fixedClock(NOW);
  let server: TestCalendarServer;

  beforeAll(async () => {
    server = await startTestCalendarServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A secret-looking path that must never show up in the database in the clear. */
  function secretPath() {
    const path = `/calendar/ical/me/private-${newId()}/basic.ics`;
    server.serveCalendar(path, calendarText([LUNCH]));
    return path;
  }

  async function storedUrl(feedId: string): Promise<string> {
    const [row] = await database().prisma.$queryRaw<{ url: string }[]>`
      SELECT url FROM calendar_feeds WHERE id = ${feedId}::uuid`;
    return row?.url ?? "";
  }

  /** A row the way a server before encryption wrote it. */
  async function insertPlaintextFeed(userId: string, url: string): Promise<string> {
    const id = newId();
    await database().prisma.$executeRaw`
      INSERT INTO calendar_feeds (id, "userId", name, url, "eventCount")
      VALUES (${id}::uuid, ${userId}::uuid, 'Old', ${url}, 0)`;
    return id;
  }

  it("stores the address sealed with the current key; it still syncs, lists masked and is removed", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const path = secretPath();
    const url = server.url(path);
    const feed = await addFeed({
      db: prisma,
      actorId: user.id,
      input: { name: "Work", url },
      clock,
      secrets: onlyA,
      allowPrivateNetworks: true,
      events: createRecordingEvents(),
    });
    const stored = await storedUrl(feed.id);
    expect(isSealedSecret(stored)).toBe(true);
    expect(sealedSecretKeyId(stored)).toBe(onlyA.current.id);
    expect(stored).not.toContain("private-");
    expect(stored).not.toContain("127.0.0.1");

    await expect(listFeeds({ db: prisma, actorId: user.id, secrets: onlyA })).resolves.toMatchObject([
      { id: feed.id, url: `${new URL(url).origin}/…/basic.ics` },
    ]);
    const synced = await syncFeed({
      db: prisma,
      actorId: user.id,
      input: { id: feed.id },
      clock,
      secrets: onlyA,
      allowPrivateNetworks: true,
      events: createRecordingEvents(),
    });
    expect(synced).toMatchObject({ lastError: null, eventCount: 1 });
    await expect(
      removeFeed({ db: prisma, actorId: user.id, input: { id: feed.id }, events: createRecordingEvents() }),
    ).resolves.toEqual({
      deleted: true,
    });
    await expect(prisma.calendarFeed.count({ where: { userId: user.id } })).resolves.toBe(0);
  });

  it("seals plaintext rows from before (in batches, once), and they still sync", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const paths = Array.from({ length: 3 }, secretPath);
    const ids = [];
    for (const path of paths) ids.push(await insertPlaintextFeed(user.id, server.url(path)));
    const before = await sealFeedUrls({ db: prisma, secrets: onlyA, scope: "plaintext", batchSize: 2 });
    expect(before.sealed).toBeGreaterThanOrEqual(3);
    expect(before.unreadable).toBe(0);
    for (const id of ids) expect(sealedSecretKeyId(await storedUrl(id))).toBe(onlyA.current.id);
    const [{ plaintext } = { plaintext: -1 }] = await prisma.$queryRaw<{ plaintext: number }[]>`
      SELECT count(*)::int AS plaintext FROM calendar_feeds WHERE NOT starts_with(url, 'v1.')`;
    expect(plaintext).toBe(0);
    // A second run finds nothing to do and leaves the sealed values alone.
    const sealedOnce = await storedUrl(ids[0] ?? "");
    await expect(sealFeedUrls({ db: prisma, secrets: onlyA, scope: "plaintext" })).resolves.toEqual({
      sealed: 0,
      unreadable: 0,
    });
    expect(await storedUrl(ids[0] ?? "")).toBe(sealedOnce);

    const synced = await syncFeed({
      db: prisma,
      actorId: user.id,
      input: { id: ids[0] ?? "" },
      clock,
      secrets: onlyA,
      allowPrivateNetworks: true,
      events: createRecordingEvents(),
    });
    expect(synced).toMatchObject({
      lastError: null,
      eventCount: 1,
      url: `${new URL(server.url("/")).origin}/…/basic.ics`,
    });
    const events = await listBusy({ db: prisma, actorId: user.id, input: WEEK });
    expect(events.map((event) => event.summary)).toEqual(["Lunch with Sam"]);
  });

  it("rotation re-seals every address with the new key; then the old key is no longer needed", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const feed = await addFeed({
      db: prisma,
      actorId: user.id,
      input: { name: "Work", url: server.url(secretPath()) },
      clock,
      secrets: onlyA,
      allowPrivateNetworks: true,
      events: createRecordingEvents(),
    });
    const plaintextId = await insertPlaintextFeed(user.id, server.url(secretPath()));

    const result = await sealFeedUrls({ db: prisma, secrets: bWithA, scope: "all" });
    expect(result.unreadable).toBe(0);
    expect(result.sealed).toBeGreaterThanOrEqual(2);
    for (const id of [feed.id, plaintextId]) expect(sealedSecretKeyId(await storedUrl(id))).toBe(onlyB.current.id);
    const [{ notB } = { notB: -1 }] = await prisma.$queryRaw<{ notB: number }[]>`
      SELECT count(*)::int AS "notB" FROM calendar_feeds WHERE NOT starts_with(url, ${`v1.${onlyB.current.id}.`})`;
    expect(notB).toBe(0);

    for (const id of [feed.id, plaintextId]) {
      const synced = await syncFeed({
        db: prisma,
        actorId: user.id,
        input: { id },
        clock,
        secrets: onlyB,
        allowPrivateNetworks: true,
        events: createRecordingEvents(),
      });
      expect(synced).toMatchObject({ lastError: null, eventCount: 1 });
    }
    await expect(sealFeedUrls({ db: prisma, secrets: onlyB, scope: "all" })).resolves.toEqual({
      sealed: 0,
      unreadable: 0,
    });
  });

  it("an address no configured key opens: counted by rotation, masked as …, and the sync says so", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const lost = await addFeed({
      db: prisma,
      actorId: user.id,
      input: { name: "Lost", url: server.url(secretPath()) },
      clock,
      secrets: createSecretKeyring({ current: keyC }),
      allowPrivateNetworks: true,
      events: createRecordingEvents(),
    });
    const stored = await storedUrl(lost.id);
    const result = await sealFeedUrls({ db: prisma, secrets: onlyB, scope: "all" });
    expect(result.unreadable).toBeGreaterThanOrEqual(1);
    expect(await storedUrl(lost.id)).toBe(stored);

    await expect(listFeeds({ db: prisma, actorId: user.id, secrets: onlyB })).resolves.toMatchObject([
      { id: lost.id, url: "…" },
    ]);
    const synced = await syncFeed({
      db: prisma,
      actorId: user.id,
      input: { id: lost.id },
      clock,
      secrets: onlyB,
      allowPrivateNetworks: true,
      events: createRecordingEvents(),
    });
    expect(synced.lastError).toBe(
      "This calendar's address can no longer be read (the server's keys changed). Remove it and add it again.",
    );
    // Its events from the last good sync stay.
    expect(synced.eventCount).toBe(1);
  });
});

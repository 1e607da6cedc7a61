import { createJobQueue, type JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../notifier/testing/fixtures.ts";
import { fixedClock } from "../shared/clock.ts";
import { DomainError } from "../shared/errors.ts";
import { createRecordingEvents } from "../shared/events/create-recording-events.ts";
import { testSecretKeyring } from "../shared/secrets/test-secret-keyring.ts";
import { addFeed } from "./add-feed.ts";
import { listBusy } from "./list-busy.ts";
import { listFeeds } from "./list-feeds.ts";
import { removeFeed } from "./remove-feed.ts";
import { syncFeed } from "./sync-feed.ts";
import {
  createSyncFeedsJob,
  SYNC_FEEDS_CRON,
  SYNC_FEEDS_JOB,
  SYNC_FEEDS_QUEUE_OPTIONS,
  syncStaleFeeds,
} from "./sync-feeds-job.ts";
import { calendarText, GOOGLE_FEED, LUNCH } from "./testing/feed-fixtures.ts";
import { startTestCalendarServer, type TestCalendarServer } from "./testing/start-test-calendar-server.ts";

const NOW = new Date("2026-06-01T09:00:00Z");
const MINUTE = 60_000;
const secrets = testSecretKeyring();
const WEEK = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-08T00:00:00Z") };

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe("calendars feeds", () => {
  const database = useTestDatabase();
  const clock = fixedClock(NOW);
  // Records what the calendar services report; delivery is tested with the outbox.
  const recorded = createRecordingEvents();
  let server: TestCalendarServer;

  beforeAll(async () => {
    server = await startTestCalendarServer();
    server.serveCalendar("/calendar/ical/work/private-secret/basic.ics", GOOGLE_FEED);
    server.serve("/page.html", { status: 200, contentType: "text/html", body: "<!doctype html><p>Sign in</p>" });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function berlinUserWithFeed(path = `/feeds/${Math.random().toString(36).slice(2)}.ics`, text = GOOGLE_FEED) {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    server.serveCalendar(path, text);
    const feed = await addFeed({
      db: prisma,
      actorId: user.id,
      input: { name: "Work", url: server.url(path) },
      clock,
      secrets,
      events: recorded,
      allowPrivateNetworks: true,
    });
    return { user, feed, path };
  }

  it("refuses addresses on loopback or private networks unless the server allows them, storing nothing", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const literal = server.url("/calendar/ical/work/private-secret/basic.ics");
    // The same calendar by a name that resolves to 127.0.0.1: caught when the connection is made.
    const byName = literal.replace("127.0.0.1", "localhost");
    for (const url of [literal, byName]) {
      const error = await failure(
        addFeed({ db: prisma, actorId: user.id, input: { name: "Local", url }, clock, secrets, events: recorded }),
      );
      expect(error.code).toBe("calendars.feed_unreachable");
      expect(error.message).toMatch(/private network address/);
      expect(error.message).not.toContain(url);
    }
    expect(await listFeeds({ db: prisma, actorId: user.id, secrets })).toEqual([]);
  });

  it("adds a feed: its busy events are stored and listed with their instants, the address masked", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const url = server.url("/calendar/ical/work/private-secret/basic.ics");
    const feed = await addFeed({
      db: prisma,
      actorId: user.id,
      input: { name: "Work", url },
      clock,
      secrets,
      events: recorded,
      allowPrivateNetworks: true,
    });
    // Busy time arrived: the re-plan (and later write-back) follow from this event.
    expect(recorded.recorded.at(-1)).toMatchObject({
      type: { name: "calendars.busy_changed" },
      userId: user.id,
      aggregateId: feed.id,
      payload: { change: "added" },
    });
    expect(feed).toMatchObject({
      name: "Work",
      url: `${new URL(url).origin}/…/basic.ics`,
      lastSyncedAt: NOW,
      lastError: null,
    });
    expect(feed.eventCount).toBeGreaterThan(10);
    await expect(listFeeds({ db: prisma, actorId: user.id, secrets })).resolves.toEqual([feed]);

    const events = await listBusy({ db: prisma, actorId: user.id, input: WEEK });
    expect(events.map(({ summary, start, end }) => ({ summary, start, end }))).toEqual([
      { summary: "Lunch with Sam", start: new Date("2026-06-02T11:00:00Z"), end: new Date("2026-06-02T12:00:00Z") },
      // All day in Berlin: from its midnight to the next.
      { summary: "Offsite", start: new Date("2026-06-02T22:00:00Z"), end: new Date("2026-06-03T22:00:00Z") },
      { summary: "Team sync", start: new Date("2026-06-04T08:00:00Z"), end: new Date("2026-06-04T09:00:00Z") },
      {
        summary: "Call with New York",
        start: new Date("2026-06-04T13:00:00Z"),
        end: new Date("2026-06-04T13:30:00Z"),
      },
    ]);
    expect(events.every((event) => event.connectionId === feed.id && event.calendarId === feed.id)).toBe(true);
  });

  it("stores one row per occurrence, only within a week back and 90 days ahead", async () => {
    const { prisma } = database();
    const { user, feed } = await berlinUserWithFeed();
    const rows = await prisma.busyEvent.findMany({ where: { feedId: feed.id }, orderBy: { start: "asc" } });
    expect(rows).toHaveLength(feed.eventCount);
    expect(rows.every((row) => row.userId === user.id)).toBe(true);
    expect(rows[0]?.start.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 8 * 24 * 60 * MINUTE);
    expect(rows.at(-1)?.start.getTime()).toBeLessThan(NOW.getTime() + 90 * 24 * 60 * MINUTE);
    const moved = rows.filter((row) => row.uid.startsWith("weekly-sync@google.com#2026-06-1"));
    // 11 June excluded; 18 June moved to the 19th.
    expect(moved.map((row) => [row.uid, row.start.toISOString()])).toEqual([
      ["weekly-sync@google.com#2026-06-18T08:00:00.000Z", "2026-06-19T12:00:00.000Z"],
    ]);
  });

  it.each([
    ["a 404", "/missing.ics", "calendars.feed_unreachable", /404/],
    ["a web page", "/page.html", "calendars.feed_invalid", /BEGIN:VCALENDAR/],
  ])("refuses %s with its code at the url field and stores nothing", async (_what, path, code, message) => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const error = await failure(
      addFeed({
        db: prisma,
        actorId: user.id,
        input: { name: "Broken", url: server.url(path) },
        clock,
        secrets,
        events: recorded,
        allowPrivateNetworks: true,
      }),
    );
    expect(error).toMatchObject({ kind: "INVALID", code, details: { field: "url" } });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("127.0.0.1");
    await expect(prisma.calendarFeed.count({ where: { userId: user.id } })).resolves.toBe(0);
  });

  it("refuses an address nobody answers at", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const closed = await startTestCalendarServer();
    const url = closed.url("/basic.ics");
    await closed.close();
    const error = await failure(
      addFeed({
        db: prisma,
        actorId: user.id,
        input: { name: "Gone", url },
        clock,
        secrets,
        allowPrivateNetworks: true,
        events: recorded,
      }),
    );
    expect(error.code).toBe("calendars.feed_unreachable");
    expect(error.message).toBe("Could not download that calendar: the server refused the connection.");
  });

  it("sync replaces the events when the calendar changed, and keeps them with lastError when it cannot be read", async () => {
    const { prisma } = database();
    const { user, feed, path } = await berlinUserWithFeed();
    server.serveCalendar(path, calendarText([LUNCH]));
    clock.advance(20 * MINUTE);
    const synced = await syncFeed({
      db: prisma,
      actorId: user.id,
      input: { id: feed.id },
      clock,
      secrets,
      events: recorded,
      allowPrivateNetworks: true,
    });
    expect(synced).toMatchObject({ eventCount: 1, lastError: null, lastSyncedAt: clock.now() });
    const after = await listBusy({ db: prisma, actorId: user.id, input: WEEK });
    expect(after.map((event) => event.summary)).toEqual(["Lunch with Sam"]);

    server.serve(path, { status: 500, body: "oops" });
    const failed = await syncFeed({
      db: prisma,
      actorId: user.id,
      input: { id: feed.id },
      clock,
      secrets,
      events: recorded,
      allowPrivateNetworks: true,
    });
    expect(failed).toMatchObject({
      eventCount: 1,
      lastSyncedAt: synced.lastSyncedAt,
      lastError: "Could not download that calendar: the server answered 500 Internal Server Error.",
    });
    await expect(listBusy({ db: prisma, actorId: user.id, input: WEEK })).resolves.toEqual(after);
    clock.set(NOW);
  });

  it("remove deletes the feed and its events; another user's feed, or a removed one, is not found", async () => {
    const { prisma } = database();
    const { user, feed } = await berlinUserWithFeed();
    const other = await createUser(prisma);
    // Started one at a time: a rejection nobody awaits yet would be unhandled.
    for (const attempt of [
      () => removeFeed({ db: prisma, actorId: other.id, input: { id: feed.id }, events: recorded }),
      () =>
        syncFeed({
          db: prisma,
          actorId: other.id,
          input: { id: feed.id },
          clock,
          secrets,
          allowPrivateNetworks: true,
          events: recorded,
        }),
    ]) {
      await expect(failure(attempt())).resolves.toMatchObject({ code: "calendars.feed_not_found" });
    }
    await expect(listBusy({ db: prisma, actorId: other.id, input: WEEK })).resolves.toEqual([]);

    await expect(
      removeFeed({ db: prisma, actorId: user.id, input: { id: feed.id }, events: recorded }),
    ).resolves.toEqual({
      deleted: true,
    });
    await expect(prisma.busyEvent.count({ where: { feedId: feed.id } })).resolves.toBe(0);
    await expect(listFeeds({ db: prisma, actorId: user.id, secrets })).resolves.toEqual([]);
    await expect(listBusy({ db: prisma, actorId: user.id, input: WEEK })).resolves.toEqual([]);
    // Gone for its owner too: a later sync or remove is not found, not a silent success.
    // Started one at a time: a rejection nobody awaits yet would be unhandled.
    for (const attempt of [
      () => removeFeed({ db: prisma, actorId: user.id, input: { id: feed.id }, events: recorded }),
      () =>
        syncFeed({
          db: prisma,
          actorId: user.id,
          input: { id: feed.id },
          clock,
          secrets,
          allowPrivateNetworks: true,
          events: recorded,
        }),
    ]) {
      await expect(failure(attempt())).resolves.toMatchObject({ kind: "NOT_FOUND", code: "calendars.feed_not_found" });
    }
  });

  describe("the periodic sync job", () => {
    let queue: JobQueue;
    beforeAll(async () => {
      queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
      await queue.start();
      await queue.defineQueue(SYNC_FEEDS_JOB, SYNC_FEEDS_QUEUE_OPTIONS);
    });
    afterAll(async () => {
      await queue?.stop();
    });

    it("syncs the feeds not synced for 15 minutes, stores failures per feed, and never logs an address", async () => {
      const { prisma } = database();
      await prisma.calendarFeed.deleteMany();
      const fresh = await berlinUserWithFeed();
      clock.set(new Date(NOW.getTime() - 30 * MINUTE));
      const stale = await berlinUserWithFeed();
      const broken = await berlinUserWithFeed();
      clock.set(NOW);
      server.serveCalendar(stale.path, calendarText([LUNCH]));
      server.serve(broken.path, { status: 404, body: "gone" });
      const logged: unknown[] = [];
      const log = { info: (...args: unknown[]) => logged.push(args), warn: (...args: unknown[]) => logged.push(args) };
      const before = server.requests.length;

      await expect(
        syncStaleFeeds({ db: prisma, clock, secrets, events: recorded, log, allowPrivateNetworks: true }),
      ).resolves.toEqual({ synced: 1, failed: 1 });

      expect(server.requests.slice(before).sort()).toEqual([broken.path, stale.path].sort());
      const feeds = await prisma.calendarFeed.findMany({
        select: { id: true, lastSyncedAt: true, lastError: true, eventCount: true },
      });
      const byId = new Map(feeds.map((feed) => [feed.id, feed]));
      expect(byId.get(fresh.feed.id)).toMatchObject({ lastError: null });
      expect(byId.get(stale.feed.id)).toMatchObject({ lastSyncedAt: NOW, lastError: null, eventCount: 1 });
      expect(byId.get(broken.feed.id)).toMatchObject({
        lastSyncedAt: broken.feed.lastSyncedAt,
        lastError: "Could not download that calendar: the server answered 404 Not Found.",
      });
      await expect(prisma.busyEvent.count({ where: { feedId: broken.feed.id } })).resolves.toBe(broken.feed.eventCount);
      expect(JSON.stringify(logged)).not.toContain(server.url(""));
      expect(JSON.stringify(logged)).not.toContain("/feeds/");
    });

    it("is a job on a 15-minute cron whose handler syncs every due feed", async () => {
      const { prisma } = database();
      const { feed, path } = await berlinUserWithFeed();
      server.serveCalendar(path, calendarText([LUNCH]));
      const later = fixedClock(new Date(NOW.getTime() + 16 * MINUTE));
      const job = createSyncFeedsJob({
        db: prisma,
        clock: later,
        secrets,
        events: recorded,
        allowPrivateNetworks: true,
      });
      expect(job).toMatchObject({ type: { name: SYNC_FEEDS_JOB }, cron: SYNC_FEEDS_CRON });
      expect(SYNC_FEEDS_CRON).toBe("*/15 * * * *");
      await job.handler({
        id: "tick",
        name: SYNC_FEEDS_JOB,
        data: {},
        retryCount: 0,
        signal: new AbortController().signal,
      });
      await expect(prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } })).resolves.toMatchObject({
        lastSyncedAt: later.now(),
        eventCount: 1,
      });
    });
  });
});

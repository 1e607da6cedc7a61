import {
  calendarText,
  GOOGLE_FEED,
  LUNCH,
  startTestCalendarServer,
  type TestCalendarServer,
} from "@agendacraft/domain/calendars/testing";
import { fixedClock, sealedSecretKeyId } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

const WEEK = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-08T00:00:00Z") };

describe("calendars", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let server: TestCalendarServer;
  const machineZone = process.env.TZ;
  beforeAll(async () => {
    process.env.TZ = "Asia/Kathmandu";
    harness = await createTestDeps();
    server = await startTestCalendarServer();
    server.serveCalendar("/calendar/ical/me%40example.com/private-0123456789abcdef/basic.ics", GOOGLE_FEED);
    server.serve("/not-a-calendar", { status: 200, contentType: "application/json", body: "{}" });
  });
  afterAll(async () => {
    await server?.close();
    await harness?.close();
    process.env.TZ = machineZone;
  });

  const secretUrl = () => server.url("/calendar/ical/me%40example.com/private-0123456789abcdef/basic.ics");

  it("adds a calendar, lists it with its address masked, and shows its busy time", async () => {
    const { caller } = await createTestUser(harness.deps);
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    const feed = await caller.calendars.feeds.add({ name: "  Work ", url: secretUrl() });
    expect(feed).toMatchObject({
      name: "Work",
      url: `${new URL(secretUrl()).origin}/…/basic.ics`,
      lastSyncedAt: harness.deps.clock.now(),
      lastError: null,
    });
    expect(JSON.stringify(feed)).not.toContain("private-");
    await expect(caller.calendars.feeds.list()).resolves.toEqual([feed]);
    // Stored sealed with the server's key, not as the address.
    const stored = await harness.database.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(sealedSecretKeyId(stored.url)).toBe(harness.deps.secrets.current.id);
    expect(stored.url).not.toContain("private-");

    const { events } = await caller.calendars.busy(WEEK);
    expect(events.map((event) => event.summary)).toEqual([
      "Lunch with Sam",
      "Offsite",
      "Team sync",
      "Call with New York",
    ]);
    expect(JSON.stringify(harness.log.entries)).not.toContain("private-0123456789abcdef");
    expect(events[1]).toMatchObject({
      feedId: feed.id,
      start: new Date("2026-06-02T22:00:00Z"),
      end: new Date("2026-06-03T22:00:00Z"),
    });
  });

  it.each([
    ["/missing.ics", "calendars.feed_unreachable"],
    ["/not-a-calendar", "calendars.feed_invalid"],
  ])("refuses %s as BAD_REQUEST with the code and field clients branch on", async (path, code) => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.calendars.feeds.add({ name: "Broken", url: server.url(path) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ code, details: { field: "url" } });
    expect(error.message).not.toContain(server.url(""));
    expect(JSON.stringify(harness.log.entries)).not.toContain(path);
    await expect(caller.calendars.feeds.list()).resolves.toEqual([]);
  });

  it("validates the name, the address and the range", async () => {
    const { caller } = await createTestUser(harness.deps);
    const bad = await trpcFailure(caller.calendars.feeds.add({ name: "  ", url: "ftp://example.com/x.ics" }));
    expect(bad.code).toBe("BAD_REQUEST");
    const issues = (bad.cause as ZodError).issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual([
      ["name", "Enter a name"],
      ["url", "Enter the calendar's address, starting with https://"],
    ]);
    const long = await trpcFailure(
      caller.calendars.busy({ from: WEEK.from, to: new Date(WEEK.from.getTime() + 43 * 86_400_000) }),
    );
    expect((long.cause as ZodError).issues[0]).toMatchObject({
      path: ["to"],
      params: { code: "calendars.range_too_long" },
    });
  });

  it("syncs on demand, keeps the events with lastError when the calendar fails, and removes", async () => {
    const user = await createTestUser(harness.deps);
    server.serveCalendar("/sync.ics", GOOGLE_FEED);
    const feed = await user.caller.calendars.feeds.add({ name: "Home", url: server.url("/sync.ics") });
    server.serveCalendar("/sync.ics", calendarText([LUNCH]));
    const later = callerFor({ ...harness.deps, clock: fixedClock("2026-06-01T10:00:00Z") }, user.session);
    await expect(later.calendars.feeds.sync({ id: feed.id })).resolves.toMatchObject({
      id: feed.id,
      eventCount: 1,
      lastSyncedAt: new Date("2026-06-01T10:00:00Z"),
      lastError: null,
    });
    server.serve("/sync.ics", { status: 503, body: "" });
    const failed = await later.calendars.feeds.sync({ id: feed.id });
    expect(failed.lastError).toBe("Could not download that calendar: the server answered 503 Service Unavailable.");
    await expect(later.calendars.busy(WEEK)).resolves.toMatchObject({ events: [{ summary: "Lunch with Sam" }] });

    await expect(later.calendars.feeds.remove({ id: feed.id })).resolves.toEqual({ deleted: true });
    await expect(later.calendars.busy(WEEK)).resolves.toEqual({ events: [] });
    const gone = await trpcFailure(later.calendars.feeds.sync({ id: feed.id }));
    expect(gone.code).toBe("NOT_FOUND");
  });

  it("plans a task around a busy event in the middle of a planner window", async () => {
    const user = await createTestUser(harness.deps);
    // Monday 1 June 2026, 07:00 in Berlin.
    const caller = callerFor({ ...harness.deps, clock: fixedClock("2026-06-01T05:00:00Z") }, user.session);
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    // 09:00-12:00 Berlin, Monday only.
    await caller.scheduler.planners.create({
      name: "Morning",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 180,
    });
    // Busy 10:00-11:00 Berlin.
    server.serveCalendar(
      "/busy-monday.ics",
      calendarText([
        [
          "DTSTART;TZID=Europe/Berlin:20260601T100000",
          "DTEND;TZID=Europe/Berlin:20260601T110000",
          "UID:m",
          "SUMMARY:Meeting",
        ],
      ]),
    );
    await caller.calendars.feeds.add({ name: "Work", url: server.url("/busy-monday.ics") });
    const task = await caller.scheduler.tasks.create({ summary: "Write report", minutes: 90 });

    const preview = await caller.scheduler.plan.preview();
    // 90 minutes fit neither 09:00-10:00 nor 11:00-12:00 on Monday: next Monday's morning.
    expect(preview.changes).toEqual([
      expect.objectContaining({
        taskId: task.id,
        newStart: new Date("2026-06-08T07:00:00Z"),
        newEnd: new Date("2026-06-08T08:30:00Z"),
      }),
    ]);
    const short = await caller.scheduler.tasks.create({ summary: "Reply to Ana", minutes: 45 });
    const again = await caller.scheduler.plan.preview();
    const placed = again.changes.find((change) => change.taskId === short.id);
    expect(placed).toMatchObject({
      newStart: new Date("2026-06-01T07:00:00Z"),
      newEnd: new Date("2026-06-01T07:45:00Z"),
    });
  });
});

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
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

// Only what the router adds: session, input validation, error mapping, output shape, the log.
// The business rules are tested in packages/domain/src/calendars/: calendars.int.test.ts (add, sync,
// remove, busy time), feed-url-secrets.int.test.ts (sealed addresses), parse-calendar-inputs.test.ts
// (input rules) and plan-around-busy-time.int.test.ts (the plan goes around busy time).
describe("calendars", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let server: TestCalendarServer;
  beforeAll(async () => {
    harness = await createTestDeps();
    server = await startTestCalendarServer();
    server.serveCalendar("/calendar/ical/me%40example.com/private-0123456789abcdef/basic.ics", GOOGLE_FEED);
    server.serve("/not-a-calendar", { status: 200, contentType: "application/json", body: "{}" });
  });
  afterAll(async () => {
    await server?.close();
    await harness?.close();
  });

  const secretUrl = () => server.url("/calendar/ical/me%40example.com/private-0123456789abcdef/basic.ics");

  it("every procedure needs a session", async () => {
    const anonymous = callerFor(harness.deps, null);
    for (const call of [
      () => anonymous.calendars.feeds.list(),
      () => anonymous.calendars.feeds.add({ name: "Work", url: secretUrl() }),
      () => anonymous.calendars.feeds.sync({ id: MISSING_ID }),
      () => anonymous.calendars.feeds.remove({ id: MISSING_ID }),
      () => anonymous.calendars.busy(WEEK),
    ]) {
      expect((await trpcFailure(call())).code).toBe("UNAUTHORIZED");
    }
  });

  it("add, list and busy answer their shapes, the address sealed with the server's key, masked and never logged", async () => {
    const { caller } = await createTestUser(harness.deps);
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    const feed = await caller.calendars.feeds.add({ name: "  Work ", url: secretUrl() });
    expect(feed).toEqual({
      id: expect.any(String),
      name: "Work",
      url: `${new URL(secretUrl()).origin}/…/basic.ics`,
      createdAt: expect.any(Date),
      lastSyncedAt: harness.deps.clock.now(),
      lastError: null,
      eventCount: expect.any(Number),
    });
    expect(JSON.stringify(feed)).not.toContain("private-");
    await expect(caller.calendars.feeds.list()).resolves.toEqual([feed]);
    // The router hands the service the server's keyring: stored sealed with its current key.
    const stored = await harness.database.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(sealedSecretKeyId(stored.url)).toBe(harness.deps.secrets.current.id);

    const events = await caller.calendars.busy(WEEK);
    expect(events).toHaveLength(4);
    expect(events[1]).toEqual({
      id: expect.any(String),
      start: new Date("2026-06-02T22:00:00Z"),
      end: new Date("2026-06-03T22:00:00Z"),
      summary: "Offsite",
      // An iCal feed is its own connection and calendar.
      connectionId: feed.id,
      calendarId: feed.id,
    });
    expect(JSON.stringify(harness.log.entries)).not.toContain("private-0123456789abcdef");
  });

  it.each([
    ["/missing.ics", "calendars.feed_unreachable"],
    ["/not-a-calendar", "calendars.feed_invalid"],
  ])("add maps a refused %s to BAD_REQUEST with the code and field clients branch on", async (path, code) => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.calendars.feeds.add({ name: "Broken", url: server.url(path) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ code, details: { field: "url" } });
    expect(error.message).not.toContain(server.url(""));
    expect(JSON.stringify(harness.log.entries)).not.toContain(path);
  });

  it("answers BAD_REQUEST naming the field for a bad name, address or range", async () => {
    const { caller } = await createTestUser(harness.deps);
    const bad = await trpcFailure(caller.calendars.feeds.add({ name: "  ", url: "ftp://example.com/x.ics" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect((bad.cause as ZodError).issues.map((issue) => issue.path.join("."))).toEqual(["name", "url"]);
    const long = await trpcFailure(
      caller.calendars.busy({ from: WEEK.from, to: new Date(WEEK.from.getTime() + 43 * 86_400_000) }),
    );
    expect(long.code).toBe("BAD_REQUEST");
    expect((long.cause as ZodError).issues[0]).toMatchObject({
      path: ["to"],
      params: { code: "calendars.range_too_long" },
    });
  });

  it("sync and remove answer their shapes; a feed that is gone is NOT_FOUND with its code", async () => {
    const user = await createTestUser(harness.deps);
    server.serveCalendar("/sync.ics", GOOGLE_FEED);
    const feed = await user.caller.calendars.feeds.add({ name: "Home", url: server.url("/sync.ics") });
    server.serveCalendar("/sync.ics", calendarText([LUNCH]));
    const later = callerFor({ ...harness.deps, clock: fixedClock("2026-06-01T10:00:00Z") }, user.session);
    await expect(later.calendars.feeds.sync({ id: feed.id })).resolves.toEqual({
      ...feed,
      eventCount: 1,
      lastSyncedAt: new Date("2026-06-01T10:00:00Z"),
    });

    await expect(later.calendars.feeds.remove({ id: feed.id })).resolves.toEqual({ deleted: true });
    const gone = await trpcFailure(later.calendars.feeds.sync({ id: feed.id }));
    expect(gone.code).toBe("NOT_FOUND");
    expect(gone.cause).toMatchObject({ code: "calendars.feed_not_found" });
  });
});

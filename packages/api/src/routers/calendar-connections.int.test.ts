import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerDeps } from "../context.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser, createTwoUsers } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const GOOGLE = {
  clientId: "test-client",
  clientSecret: "test-secret",
  // Nothing listens here: these tests never reach Google.
  baseUrl: "http://127.0.0.1:9",
  syncIntervalSeconds: 300,
  redirectUri: "http://localhost:3000/api/calendars/google/callback",
};

// Only what the router adds: sessions, Google configured or not, isolation, output shapes.
// Connecting, tokens and the Google calls are tested against the fake Google in
// packages/domain/src/calendars/google/*.int.test.ts and apps/server's google-connect-http.int.test.ts.
describe("calendar connections", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let deps: ServerDeps;
  beforeAll(async () => {
    harness = await createTestDeps();
    deps = { ...harness.deps, google: GOOGLE };
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** A Google connection with a primary and a second calendar, as the callback stores it. */
  async function connectionOf(userId: string, email: string) {
    return harness.database.prisma.calendarConnection.create({
      data: {
        userId,
        externalAccountId: `sub-${email}`,
        email,
        name: email,
        calendars: {
          create: [
            { userId, externalId: email, name: email, primary: true, busy: true },
            { userId, externalId: `team-${email}`, name: "Team", busy: false },
          ],
        },
      },
      select: { id: true, calendars: { select: { id: true, externalId: true }, orderBy: { name: "asc" } } },
    });
  }

  it("every procedure needs a session", async () => {
    const anonymous = callerFor(deps, null);
    for (const call of [
      () => anonymous.calendars.list(),
      () => anonymous.calendars.google.connectUrl({}),
      () => anonymous.calendars.google.updateCalendar({ id: MISSING_ID, busy: true }),
      () => anonymous.calendars.google.createWriteCalendar({ connectionId: MISSING_ID }),
      () => anonymous.calendars.disconnect({ connectionId: MISSING_ID, removeWrittenEvents: false }),
    ]) {
      expect((await trpcFailure(call())).code).toBe("UNAUTHORIZED");
    }
  });

  it("without Google configured every calendars.google procedure answers calendars.google_not_configured", async () => {
    const { session } = await createTestUser(harness.deps);
    const caller = callerFor({ ...harness.deps, google: null }, session);
    for (const call of [
      () => caller.calendars.google.connectUrl({ returnTo: "/settings" }),
      () => caller.calendars.google.updateCalendar({ id: MISSING_ID, busy: true }),
      () => caller.calendars.google.createWriteCalendar({ connectionId: MISSING_ID }),
    ]) {
      const error = await trpcFailure(call());
      expect(error.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.cause).toMatchObject({ code: "calendars.google_not_configured" });
    }
    // Listing still works: iCal feeds need no Google.
    expect(await caller.calendars.list()).toEqual([]);
  });

  it("connectUrl refuses a returnTo that leaves the app", async () => {
    const { session } = await createTestUser(deps);
    const caller = callerFor(deps, session);
    for (const returnTo of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "settings"]) {
      expect((await trpcFailure(caller.calendars.google.connectUrl({ returnTo }))).code).toBe("BAD_REQUEST");
    }
    const { url } = await caller.calendars.google.connectUrl({ returnTo: "/settings/connections" });
    expect(new URL(url).origin).toBe("http://127.0.0.1:9");
  });

  it("list shows Google connections and iCal feeds alike, only the person's own", async () => {
    const { alice, bob } = await createTwoUsers(deps);
    const connection = await connectionOf(alice.userId, "alice@example.com");
    await connectionOf(bob.userId, "bob@example.com");
    const feed = await harness.database.prisma.calendarFeed.create({
      data: { userId: alice.userId, name: "Holidays", url: "https://example.com/h.ics", lastError: "It answered 404." },
    });
    const list = await callerFor(deps, alice.session).calendars.list();
    expect(list).toEqual([
      {
        id: connection.id,
        kind: "google",
        name: "alice@example.com",
        email: "alice@example.com",
        status: "ok",
        lastSyncedAt: null,
        lastError: null,
        calendars: [
          expect.objectContaining({ externalId: "alice@example.com", busy: true, writeTarget: false }),
          expect.objectContaining({ externalId: "team-alice@example.com", name: "Team", busy: false }),
        ],
      },
      {
        id: feed.id,
        kind: "ical",
        name: "Holidays",
        email: null,
        status: "error",
        lastSyncedAt: null,
        lastError: "It answered 404.",
        calendars: [
          {
            id: feed.id,
            externalId: feed.id,
            name: "Holidays",
            color: null,
            busy: true,
            allDayBusy: true,
            writeTarget: false,
            readOnly: true,
          },
        ],
      },
    ]);
  });

  it("at most one write target per person: choosing one clears the other", async () => {
    const { session, userId } = await createTestUser(deps);
    const first = await connectionOf(userId, "one@example.com");
    const second = await connectionOf(userId, "two@example.com");
    const caller = callerFor(deps, session);
    const [a] = first.calendars;
    const [b] = second.calendars;
    if (!a || !b) throw new Error("fixture calendars missing");
    expect(await caller.calendars.google.updateCalendar({ id: a.id, writeTarget: true })).toMatchObject({
      id: a.id,
      writeTarget: true,
    });
    await caller.calendars.google.updateCalendar({ id: b.id, writeTarget: true });
    const targets = (await caller.calendars.list()).flatMap((c) => c.calendars).filter((c) => c.writeTarget);
    expect(targets.map((c) => c.id)).toEqual([b.id]);
  });

  it("a calendar shared read-only is listed as readOnly and refused as write target: BAD_REQUEST calendars.google_calendar_read_only", async () => {
    const { session, userId } = await createTestUser(deps);
    const connection = await connectionOf(userId, "reader@example.com");
    const [calendar] = connection.calendars;
    if (!calendar) throw new Error("fixture calendar missing");
    await harness.database.prisma.connectedCalendar.update({
      where: { id: calendar.id },
      data: { accessRole: "reader" },
    });
    const caller = callerFor(deps, session);
    const [listed] = await caller.calendars.list();
    expect(listed?.calendars.map((c) => [c.id, c.readOnly])).toEqual(
      expect.arrayContaining([
        [calendar.id, true],
        [expect.any(String), false],
      ]),
    );
    const refused = await trpcFailure(caller.calendars.google.updateCalendar({ id: calendar.id, writeTarget: true }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.cause).toMatchObject({ code: "calendars.google_calendar_read_only" });
  });

  it("another person's ids are NOT_FOUND and change nothing", async () => {
    const { alice, bob } = await createTwoUsers(deps);
    const connection = await connectionOf(alice.userId, `alice-${alice.userId}@example.com`);
    const calendar = connection.calendars[0];
    if (!calendar) throw new Error("fixture calendar missing");
    const asBob = callerFor(deps, bob.session);
    for (const call of [
      () => asBob.calendars.google.updateCalendar({ id: calendar.id, busy: false, writeTarget: true }),
      () => asBob.calendars.google.createWriteCalendar({ connectionId: connection.id }),
      () => asBob.calendars.disconnect({ connectionId: connection.id, removeWrittenEvents: true }),
    ]) {
      const error = await trpcFailure(call());
      expect(error.code).toBe("NOT_FOUND");
    }
    const [still] = await callerFor(deps, alice.session).calendars.list();
    expect(still?.id).toBe(connection.id);
    expect(still?.calendars.map((c) => [c.busy, c.writeTarget])).toEqual([
      [true, false],
      [false, false],
    ]);
  });

  it("disconnect removes an iCal feed too, and then the id is NOT_FOUND", async () => {
    const { session, userId } = await createTestUser(deps);
    const feed = await harness.database.prisma.calendarFeed.create({
      data: { userId, name: "Work", url: "https://example.com/w.ics" },
    });
    const caller = callerFor(deps, session);
    expect(await caller.calendars.disconnect({ connectionId: feed.id, removeWrittenEvents: false })).toEqual({
      deleted: true,
    });
    expect(await caller.calendars.list()).toEqual([]);
    const again = await trpcFailure(caller.calendars.disconnect({ connectionId: feed.id, removeWrittenEvents: false }));
    expect(again.code).toBe("NOT_FOUND");
    expect(again.cause).toMatchObject({ code: "calendars.connection_not_found" });
  });
});

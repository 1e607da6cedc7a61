import {
  calendarText,
  GOOGLE_FEED,
  LUNCH,
  startTestCalendarServer,
  type TestCalendarServer,
} from "@agendacraft/domain/calendars/testing";
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
};

// Only what the router adds: session, validation, error mapping, isolation, the answer's shape.
// Syncing Google calendars is tested against the fake Google in
// packages/domain/src/calendars/google/sync-connection.int.test.ts and google-sync-job.int.test.ts.
describe("calendars.sync", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let deps: ServerDeps;
  let server: TestCalendarServer;
  beforeAll(async () => {
    harness = await createTestDeps();
    deps = { ...harness.deps, google: GOOGLE };
    server = await startTestCalendarServer();
  });
  afterAll(async () => {
    await server?.close();
    await harness?.close();
  });

  async function googleConnectionOf(userId: string, status: "ok" | "needs_reconnect") {
    const email = `${userId}@example.com`;
    return harness.database.prisma.calendarConnection.create({
      data: {
        userId,
        externalAccountId: `sub-${email}`,
        email,
        name: email,
        status,
        calendars: { create: { userId, externalId: email, name: email, primary: true, busy: true } },
      },
      select: { id: true },
    });
  }

  it("needs a session and a connection id", async () => {
    const anonymous = callerFor(deps, null);
    expect((await trpcFailure(anonymous.calendars.sync({ connectionId: MISSING_ID }))).code).toBe("UNAUTHORIZED");
    const { caller } = await createTestUser(deps);
    const bad = await trpcFailure(caller.calendars.sync({ connectionId: "nope" }));
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("syncs an iCal feed by its id and says how many busy events changed", async () => {
    const user = await createTestUser(deps);
    server.serveCalendar("/sync-now.ics", GOOGLE_FEED);
    const feed = await user.caller.calendars.feeds.add({ name: "Home", url: server.url("/sync-now.ics") });
    await expect(user.caller.calendars.sync({ connectionId: feed.id })).resolves.toEqual({ status: "ok", changed: 0 });
    server.serveCalendar("/sync-now.ics", calendarText([LUNCH]));
    const synced = await user.caller.calendars.sync({ connectionId: feed.id });
    expect(synced).toEqual({ status: "ok", changed: expect.any(Number) });
    expect(synced.changed).toBeGreaterThan(0);
  });

  it("answers needs_reconnect for a connection Google refused, without asking Google", async () => {
    const user = await createTestUser(deps);
    const connection = await googleConnectionOf(user.userId, "needs_reconnect");
    await expect(user.caller.calendars.sync({ connectionId: connection.id })).resolves.toEqual({
      status: "needs_reconnect",
      changed: 0,
    });
  });

  it("a Google connection without Google configured answers calendars.google_not_configured", async () => {
    const user = await createTestUser(deps);
    const connection = await googleConnectionOf(user.userId, "ok");
    const caller = callerFor({ ...harness.deps, google: null }, user.session);
    const refused = await trpcFailure(caller.calendars.sync({ connectionId: connection.id }));
    expect(refused.cause).toMatchObject({ code: "calendars.google_not_configured" });
  });

  it("another person's connection or feed is NOT_FOUND like an unknown id", async () => {
    const { alice, bob } = await createTwoUsers(deps);
    const connection = await googleConnectionOf(alice.userId, "ok");
    server.serveCalendar("/alice.ics", GOOGLE_FEED);
    const feed = await alice.caller.calendars.feeds.add({ name: "Alice", url: server.url("/alice.ics") });
    for (const connectionId of [connection.id, feed.id, MISSING_ID]) {
      const gone = await trpcFailure(bob.caller.calendars.sync({ connectionId }));
      expect(gone.code).toBe("NOT_FOUND");
      expect(gone.cause).toMatchObject({ code: "calendars.connection_not_found" });
    }
  });
});

import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../notifier/testing/fixtures.ts";
import { fixedClock } from "../shared/clock.ts";
import { isDomainError } from "../shared/errors.ts";
import { createRecordingEvents } from "../shared/events/create-recording-events.ts";
import { testSecretKeyring } from "../shared/secrets/test-secret-keyring.ts";
import { addFeed } from "./add-feed.ts";
import { MAX_FEEDS_PER_USER } from "./schemas.ts";
import { calendarText, LUNCH } from "./testing/feed-fixtures.ts";
import { startTestCalendarServer, type TestCalendarServer } from "./testing/start-test-calendar-server.ts";

const CONCURRENT_ADDS = 6;
const ROOM_LEFT = 2;

describe("addFeed at the per-person limit", () => {
  const database = useTestDatabase();
  let server: TestCalendarServer;

  beforeAll(async () => {
    server = await startTestCalendarServer();
    server.serveCalendar("/basic.ics", calendarText([LUNCH]));
  });
  afterAll(async () => {
    await server?.close();
  });

  it("concurrent adds store exactly the limit; the rest are calendars.too_many_feeds", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    await prisma.calendarFeed.createMany({
      data: Array.from({ length: MAX_FEEDS_PER_USER - ROOM_LEFT }, (_, i) => ({
        userId: user.id,
        name: `Existing ${i}`,
        url: `https://calendar.example.com/${i}.ics`,
      })),
    });
    // All of them pass the early check (the downloads take a while), so only the locked count can refuse them.
    const results = await Promise.allSettled(
      Array.from({ length: CONCURRENT_ADDS }, (_, i) =>
        addFeed({
          db: prisma,
          actorId: user.id,
          input: { name: `New ${i}`, url: server.url("/basic.ics") },
          clock: fixedClock("2026-06-01T09:00:00Z"),
          secrets: testSecretKeyring(),
          allowPrivateNetworks: true,
          events: createRecordingEvents(),
        }),
      ),
    );
    const refusals = results.flatMap((result) =>
      result.status === "rejected" ? [isDomainError(result.reason) ? result.reason.code : String(result.reason)] : [],
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(ROOM_LEFT);
    expect(refusals).toEqual(Array(CONCURRENT_ADDS - ROOM_LEFT).fill("calendars.too_many_feeds"));
    await expect(prisma.calendarFeed.count({ where: { userId: user.id } })).resolves.toBe(MAX_FEEDS_PER_USER);
  });
});

import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../notifier/testing/fixtures.ts";
import { previewPlan, ZPlanInput } from "../scheduler/plan/index.ts";
import { createPlanner, ZCreatePlannerInput } from "../scheduler/planners/index.ts";
import { createTask, ZCreateTaskInput } from "../scheduler/tasks/index.ts";
import { fixedClock } from "../shared/clock.ts";
import { createRecordingEvents } from "../shared/events/create-recording-events.ts";
import { testSecretKeyring } from "../shared/secrets/test-secret-keyring.ts";
import { addFeed } from "./add-feed.ts";
import { ZAddFeedInput } from "./schemas.ts";
import { calendarText } from "./testing/feed-fixtures.ts";
import { startTestCalendarServer, type TestCalendarServer } from "./testing/start-test-calendar-server.ts";

// Monday 1 June 2026, 07:00 in Berlin.
const clock = fixedClock("2026-06-01T05:00:00Z");

// A calendar's busy time is what the plan goes around: the services chained as the app chains them.
describe("planning around a calendar's busy time", () => {
  const database = useTestDatabase();
  let server: TestCalendarServer;

  beforeAll(async () => {
    server = await startTestCalendarServer();
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
  });
  afterAll(async () => {
    await server?.close();
  });

  it("places a task around a busy event in the middle of a planner window", async () => {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    // 09:00-12:00 Berlin, Monday only.
    await createPlanner({
      ...actor,
      input: ZCreatePlannerInput.parse({
        name: "Morning",
        recurrence: "FREQ=WEEKLY;BYDAY=MO",
        startDate: "2026-06-01",
        startTime: "09:00",
        minutes: 180,
      }),
      events,
    });
    await addFeed({
      ...actor,
      input: ZAddFeedInput.parse({ name: "Work", url: server.url("/busy-monday.ics") }),
      clock,
      secrets: testSecretKeyring(),
      events,
      allowPrivateNetworks: true,
    });
    const newTask = (summary: string, minutes: number) =>
      createTask({ ...actor, input: ZCreateTaskInput.parse({ summary, minutes }), clock, events });
    const preview = () => previewPlan({ ...actor, input: ZPlanInput.parse(undefined), clock });

    const task = await newTask("Write report", 90);
    // 90 minutes fit neither 09:00-10:00 nor 11:00-12:00 on Monday: next Monday's morning.
    expect((await preview()).changes).toEqual([
      expect.objectContaining({
        taskId: task.id,
        newStart: new Date("2026-06-08T07:00:00Z"),
        newEnd: new Date("2026-06-08T08:30:00Z"),
      }),
    ]);
    const short = await newTask("Reply to Ana", 45);
    const placed = (await preview()).changes.find((change) => change.taskId === short.id);
    expect(placed).toMatchObject({
      newStart: new Date("2026-06-01T07:00:00Z"),
      newEnd: new Date("2026-06-01T07:45:00Z"),
    });
  });
});

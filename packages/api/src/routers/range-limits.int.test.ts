import { MAX_BUSY_EVENTS_PER_CALL } from "@agendacraft/domain/calendars";
import { MAX_AGENDA_ENTRIES } from "@agendacraft/domain/scheduler/tasks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { createTestUser } from "../testing/test-users.ts";

const WEEK = { from: new Date("2026-06-08T00:00:00Z"), to: new Date("2026-06-15T00:00:00Z") };
const MINUTE = 60_000;

/** Rows are written straight to the database: thousands of creates through the API would only be slow. */
describe("range reads list at most a bounded number of items, the earliest", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it(`scheduler.tasks.agenda: ${MAX_AGENDA_ENTRIES} entries, then truncated`, async () => {
    const user = await createTestUser(harness.deps);
    const count = MAX_AGENDA_ENTRIES + 10;
    // Spread over the week in reverse creation order, so the earliest are not the first written.
    await harness.database.prisma.task.createMany({
      data: Array.from({ length: count }, (_, i) => {
        const start = new Date(WEEK.from.getTime() + (count - i) * MINUTE);
        return {
          userId: user.userId,
          summary: `Task ${i}`,
          order: i + 1,
          minutes: 1,
          startTime: start,
          endTime: new Date(start.getTime() + MINUTE),
        };
      }),
    });
    const agenda = await user.caller.scheduler.tasks.agenda(WEEK);
    expect(agenda.truncated).toBe(true);
    expect(agenda.entries).toHaveLength(MAX_AGENDA_ENTRIES);
    expect(agenda.entries[0]?.start).toEqual(new Date(WEEK.from.getTime() + MINUTE));
    expect(agenda.entries.at(-1)?.start).toEqual(new Date(WEEK.from.getTime() + MAX_AGENDA_ENTRIES * MINUTE));

    const shorter = await user.caller.scheduler.tasks.agenda({
      from: WEEK.from,
      to: new Date(WEEK.from.getTime() + 60 * MINUTE),
    });
    expect(shorter.truncated).toBeUndefined();
    expect(shorter.entries).toHaveLength(59);
  });

  it(`calendars.busy: the earliest ${MAX_BUSY_EVENTS_PER_CALL} events, a shorter range for the rest`, async () => {
    const user = await createTestUser(harness.deps);
    const feed = await harness.database.prisma.calendarFeed.create({
      data: { userId: user.userId, name: "Packed", url: "https://calendar.example.com/packed.ics" },
    });
    const count = MAX_BUSY_EVENTS_PER_CALL + 10;
    await harness.database.prisma.busyEvent.createMany({
      data: Array.from({ length: count }, (_, i) => {
        const start = new Date(WEEK.from.getTime() + (count - i) * MINUTE);
        return {
          userId: user.userId,
          feedId: feed.id,
          uid: `e${i}`,
          summary: "Busy",
          start,
          end: new Date(start.getTime() + MINUTE),
        };
      }),
    });
    const busy = await user.caller.calendars.busy(WEEK);
    expect(busy).toHaveLength(MAX_BUSY_EVENTS_PER_CALL);
    expect(busy[0]?.start).toEqual(new Date(WEEK.from.getTime() + MINUTE));

    const shorter = await user.caller.calendars.busy({
      from: WEEK.from,
      to: new Date(WEEK.from.getTime() + 60 * MINUTE),
    });
    expect(shorter).toHaveLength(59);
  });
});

import { countQueries, useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { applyPlan, ZPlanInput } from "../plan/index.ts";
import { createPlanner, ZCreatePlannerInput } from "../planners/index.ts";
import { completeTask, createTask, listAgenda, ZAgendaInput, ZCreateTaskInput } from "./index.ts";

// Monday 2026-06-01 07:00 in Berlin (05:00Z), before the planner's 09:00 window opens.
const NOW = new Date("2026-06-01T05:00:00Z");
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const WEEK = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-08T00:00:00Z") };
const clock = fixedClock(NOW);

// The business rules of the agenda (what occupies a person's time in a range), called the way
// every caller calls them.
describe("scheduler agenda", () => {
  const database = useTestDatabase();

  async function setup() {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    // Inputs go through the schemas the router applies.
    return {
      prisma,
      userId: user.id,
      createTask: (raw: Parameters<typeof ZCreateTaskInput.parse>[0]) =>
        createTask({ ...actor, input: ZCreateTaskInput.parse(raw), clock, events }),
      completeTask: (id: string) => completeTask({ ...actor, id, clock, events }),
      createPlanner: (raw: Parameters<typeof ZCreatePlannerInput.parse>[0]) =>
        createPlanner({ ...actor, input: ZCreatePlannerInput.parse(raw), events }),
      applyPlan: (raw?: Parameters<typeof ZPlanInput.parse>[0]) =>
        applyPlan({ ...actor, input: ZPlanInput.parse(raw), clock, events }),
      agenda: (raw: Parameters<typeof ZAgendaInput.parse>[0]) =>
        listAgenda({ ...actor, input: ZAgendaInput.parse(raw) }),
    };
  }

  it("lists a split task as its numbered parts and other tasks whole, done ones marked, in start order", async () => {
    const user = await setup();
    await user.createPlanner({
      name: "Mornings",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 120,
    });
    const long = await user.createTask({ summary: "Write the chapter", minutes: 300, priority: 4 });
    const applied = await user.applyPlan({
      horizonDays: 7,
      options: { bufferMinutes: 0, dailyCapMinutes: null, split: { enabled: true, minChunkMinutes: 60 } },
    });
    const parts = applied.changes[0]?.parts ?? [];
    expect(parts.length).toBeGreaterThan(1);

    const fixed = await user.createTask({
      summary: "Dentist",
      startTime: new Date("2026-06-03T14:00:00Z"),
      minutes: 45,
    });
    const done = await user.createTask({
      summary: "Call the bank",
      startTime: new Date("2026-06-02T15:00:00Z"),
      minutes: 15,
    });
    await user.completeTask(done.id);
    await user.createTask({ summary: "Someday" });

    const { entries } = await user.agenda(WEEK);

    const chapter = entries.filter((entry) => entry.taskId === long.id);
    expect(chapter.map(({ start, end, part, partCount }) => ({ start, end, part, partCount }))).toEqual(
      parts.map((span, index) => ({ ...span, part: index + 1, partCount: parts.length })),
    );
    expect(chapter.every((entry) => entry.priority === 4 && !entry.completed)).toBe(true);
    expect(entries.find((entry) => entry.taskId === fixed.id)).toEqual({
      taskId: fixed.id,
      summary: "Dentist",
      start: new Date("2026-06-03T14:00:00Z"),
      end: new Date("2026-06-03T14:45:00Z"),
      part: 1,
      partCount: 1,
      priority: 0,
      completed: false,
      projectId: null,
      conflict: false,
      syncedToGoogle: false,
    });
    expect(entries.find((entry) => entry.taskId === done.id)).toMatchObject({
      summary: "Call the bank",
      completed: true,
    });
    expect(entries.map((entry) => entry.summary)).not.toContain("Someday");
    const starts = entries.map((entry) => entry.start.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("keeps only what overlaps [from, to), counting parts among all of a task's parts", async () => {
    const { prisma, userId, createTask: at, agenda } = await setup();
    const task = (iso: string, summary: string, minutes: number) => at({ summary, startTime: new Date(iso), minutes });
    await task("2026-06-01T23:30:00Z", "Across midnight", 60);
    await task("2026-06-01T23:00:00Z", "Ends at from", 60);
    await task("2026-06-02T12:00:00Z", "Inside", 30);
    await task("2026-06-03T00:00:00Z", "Starts at to", 30);
    const split = await task("2026-06-01T10:00:00Z", "Split over two days", 60);
    // Parts as a plan would write them: one the day before the range, one inside it.
    await prisma.task.update({ where: { id: split.id }, data: { endTime: new Date("2026-06-02T10:30:00Z") } });
    await prisma.taskBlock.createMany({
      data: [
        { userId, taskId: split.id, start: new Date("2026-06-01T10:00:00Z"), end: new Date("2026-06-01T10:30:00Z") },
        { userId, taskId: split.id, start: new Date("2026-06-02T10:00:00Z"), end: new Date("2026-06-02T10:30:00Z") },
      ],
    });

    const { entries } = await agenda({ from: new Date("2026-06-02T00:00:00Z"), to: new Date("2026-06-03T00:00:00Z") });
    expect(entries.map((entry) => `${entry.summary} ${entry.part}/${entry.partCount}`)).toEqual([
      "Across midnight 1/1",
      "Split over two days 2/2",
      "Inside 1/1",
    ]);
  });

  it("marks the tasks written to the person's Google calendar, and only those", async () => {
    const user = await setup();
    const at = (hour: number) => ({ startTime: new Date(`2026-06-02T${hour}:00:00Z`), minutes: 30 });
    const written = await user.createTask({ summary: "Write report", ...at(10) });
    await user.createTask({ summary: "Review budget", ...at(12) });
    // What the write-back records when it puts a task's block into the write-target calendar.
    const connection = await user.prisma.calendarConnection.create({
      data: {
        userId: user.userId,
        externalAccountId: "google-sub-1",
        email: "ada@example.com",
        name: "ada@example.com",
      },
    });
    const calendar = await user.prisma.connectedCalendar.create({
      data: { userId: user.userId, connectionId: connection.id, externalId: "agendacraft", name: "AgendaCraft" },
    });
    await user.prisma.taskCalendarEvent.create({
      data: {
        userId: user.userId,
        calendarId: calendar.id,
        taskId: written.id,
        externalEventId: "agendacraft0task0",
        start: at(10).startTime,
        end: new Date("2026-06-02T10:30:00Z"),
        summary: "Write report",
        taskVersion: 1,
      },
    });

    const { entries } = await user.agenda(WEEK);
    expect(entries.map((entry) => [entry.summary, entry.syncedToGoogle])).toEqual([
      ["Write report", true],
      ["Review budget", false],
    ]);
  });

  it("never shows another user's tasks", async () => {
    const alice = await setup();
    const bob = await setup();
    const at = { startTime: new Date("2026-06-02T10:00:00Z"), minutes: 30 };
    await alice.createTask({ summary: "Alice's meeting", ...at });
    await bob.createTask({ summary: "Bob's meeting", ...at });
    const { entries } = await bob.agenda(WEEK);
    expect(entries.map((entry) => entry.summary)).toEqual(["Bob's meeting"]);
  });

  it("reads the agenda in the same number of queries however many tasks there are", async () => {
    const { createTask: create, agenda } = await setup();
    const add = (i: number) =>
      create({ summary: `t${i}`, startTime: new Date(WEEK.from.getTime() + DAY + i * HOUR), minutes: 30 });
    await add(0);
    const one = await countQueries(database().pool, () => agenda(WEEK));
    for (let i = 1; i < 8; i++) await add(i);
    const many = await countQueries(database().pool, () => agenda(WEEK));
    expect(one.result.entries).toHaveLength(1);
    expect(many.result.entries).toHaveLength(8);
    expect(many.queries).toBe(one.queries);
  });
});

import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFeed, ZAddFeedInput } from "../../calendars/index.ts";
import { calendarText } from "../../calendars/testing/feed-fixtures.ts";
import {
  startTestCalendarServer,
  type TestCalendarServer,
} from "../../calendars/testing/start-test-calendar-server.ts";
import { fixedClock } from "../../shared/clock.ts";
import { testSecretKeyring } from "../../shared/secrets/test-secret-keyring.ts";
import { listAgenda, listToday, ZAgendaInput } from "../tasks/index.ts";
import { schedulerPerson } from "../testing/scheduler-person.ts";
import { createReplanJob, REPLAN_JOB, undoPlan, updatePlanSettings, ZPlanSettings } from "./index.ts";

// Monday 1 June 2026, 07:00 in Berlin (05:00Z); the weekday planner opens 09:00-17:00 local.
const NOW = new Date("2026-06-01T05:00:00Z");
const MINUTE = 60_000;
const clock = fixedClock(NOW);
/** "Plan my week": the seven days from now, every other option at its default. */
const WEEK = { horizonDays: 7 };
const berlinDay = (date: Date) => date.toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" });

// The everyday rules of planning, as a newcomer meets them: work spread over the week in
// priority order with breaks, room made for an urgent task, calendar conflicts re-planned.
describe("plans that spread work, make room and follow the calendar", () => {
  const database = useTestDatabase();
  let server: TestCalendarServer;

  beforeAll(async () => {
    server = await startTestCalendarServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function newcomer() {
    const user = await schedulerPerson(database().prisma, { clock, workHours: true });
    const { actor, events } = user;
    return {
      ...user,
      agenda: () =>
        listAgenda({
          ...actor,
          input: ZAgendaInput.parse({ from: NOW, to: new Date(NOW.getTime() + 7 * 24 * 60 * MINUTE) }),
        }),
      addCalendar: async (path: string, event: string[]) => {
        server.serveCalendar(path, calendarText([event]));
        await addFeed({
          ...actor,
          input: ZAddFeedInput.parse({ name: "Work calendar", url: server.url(path) }),
          clock,
          secrets: testSecretKeyring(),
          events,
          allowPrivateNetworks: true,
        });
      },
    };
  }

  /** Eight undated one-hour tasks, priorities 4 down to 0. */
  async function eightTasks(user: Awaited<ReturnType<typeof newcomer>>) {
    const priorities = [4, 4, 3, 3, 2, 1, 0, 0];
    const tasks = [];
    for (const [i, priority] of priorities.entries()) {
      tasks.push(await user.createTask({ summary: `Task ${i}`, minutes: 60, priority }));
    }
    return tasks;
  }

  it("spreads eight undated hours over at least three days, in priority order, with 10-minute breaks", async () => {
    const user = await newcomer();
    const tasks = await eightTasks(user);
    const plan = await user.preview(WEEK);
    expect(plan.unplaced).toEqual([]);
    const priorityOf = new Map(tasks.map((task) => [task.id, task.priority]));
    const blocks = [...plan.changes].sort((a, b) => a.newStart.getTime() - b.newStart.getTime());
    expect(new Set(blocks.map((block) => berlinDay(block.newStart))).size).toBeGreaterThanOrEqual(3);
    const priorities = blocks.map((block) => priorityOf.get(block.taskId) ?? -1);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    for (let i = 1; i < blocks.length; i++) {
      const gap = (blocks[i]?.newStart.getTime() ?? 0) - (blocks[i - 1]?.newEnd.getTime() ?? 0);
      expect(gap).toBeGreaterThanOrEqual(10 * MINUTE);
    }
  });

  it("moves planner-placed lower-priority tasks later so an urgent task due tomorrow fits, and says what moved", async () => {
    const user = await newcomer();
    await eightTasks(user);
    await user.apply(WEEK);
    // Seven hours due Tuesday 17:00: neither Monday nor Tuesday has that much left in one go.
    const urgent = await user.createTask({
      summary: "File tax return",
      minutes: 420,
      priority: 5,
      dueAt: new Date("2026-06-02T15:00:00Z"),
    });
    const plan = await user.preview(WEEK);
    const placed = plan.changes.find((change) => change.taskId === urgent.id);
    expect(placed?.newEnd.getTime()).toBeLessThanOrEqual(new Date("2026-06-02T15:00:00Z").getTime());
    const moved = plan.changes.filter((change) => change.oldStart !== null);
    expect(moved.length).toBeGreaterThan(0);
    for (const change of moved) {
      expect(change.explanation).toMatch(/^Moved to \w+day \d+ Jun to make room for File tax return$/);
      expect(change.newStart.getTime()).toBeGreaterThan(change.oldStart?.getTime() ?? 0);
    }

    const applied = await user.apply(WEEK);
    expect(applied.changes.map((change) => change.taskId).sort()).toEqual(
      plan.changes.map((change) => change.taskId).sort(),
    );
    for (const change of moved) {
      await expect(user.task(change.taskId)).resolves.toMatchObject({ startTime: change.newStart });
    }

    // Undo puts the moved tasks back where they were, still the planner's to move again.
    const undone = await undoPlan({ ...user.actor, runId: applied.run.id, clock, events: user.events });
    expect(undone.skipped).toEqual([]);
    for (const change of moved) {
      await expect(user.task(change.taskId)).resolves.toMatchObject({ startTime: change.oldStart });
    }
    await expect(user.task(urgent.id)).resolves.toMatchObject({ startTime: null });
    expect((await user.preview(WEEK)).changes.filter((change) => change.oldStart !== null)).toHaveLength(moved.length);
  });

  it("never moves a task its person placed: the urgent task then stays unplanned", async () => {
    const user = await newcomer();
    await eightTasks(user);
    const first = await user.apply(WEEK);
    // The person nudges every block before the deadline by five minutes: now they are pinned.
    for (const change of first.changes.filter((c) => c.newStart < new Date("2026-06-02T15:00:00Z"))) {
      await user.updateTask({ id: change.taskId, startTime: new Date(change.newStart.getTime() + 5 * MINUTE) });
    }
    const urgent = await user.createTask({
      summary: "File tax return",
      minutes: 420,
      priority: 5,
      dueAt: new Date("2026-06-02T15:00:00Z"),
    });
    const plan = await user.preview(WEEK);
    expect(plan.changes).toEqual([]);
    expect(plan.unplaced).toMatchObject([{ taskId: urgent.id, reason: "deadline_unreachable" }]);
  });

  it("flags a planned task a calendar event now overlaps, and the next preview plans it again", async () => {
    const user = await newcomer();
    const report = await user.createTask({ summary: "Write report", minutes: 60 });
    // The person's own call at the same time is theirs to keep: never a conflict.
    const call = await user.createTask({ summary: "Call", startTime: new Date("2026-06-01T07:00:00Z"), minutes: 30 });
    await user.updateTask({ id: call.id, startTime: new Date("2026-06-01T12:00:00Z") });
    await user.apply(WEEK);
    await expect(user.task(report.id)).resolves.toMatchObject({ startTime: new Date("2026-06-01T07:00:00Z") });
    expect((await user.agenda()).entries.every((entry) => !entry.conflict)).toBe(true);

    // 09:30-10:30 Berlin on Monday, over the planned report and the call.
    await user.addCalendar("/monday-meeting.ics", [
      "DTSTART;TZID=Europe/Berlin:20260601T093000",
      "DTEND;TZID=Europe/Berlin:20260601T103000",
      "UID:standup",
      "SUMMARY:Stand-up",
    ]);
    await user.updateTask({ id: call.id, startTime: new Date("2026-06-01T07:45:00Z") });
    const agenda = await user.agenda();
    expect(agenda.entries.map((entry) => [entry.summary, entry.conflict])).toEqual([
      ["Write report", true],
      ["Call", false],
    ]);
    await expect(listToday({ ...user.actor, clock })).resolves.toMatchObject({ conflictIds: [report.id] });

    const plan = await user.preview(WEEK);
    expect(plan.changes).toHaveLength(1);
    // Every task has a time, yet the move is the news: no "nothing to plan" notice hides it.
    expect(plan.notice).toBeNull();
    const change = plan.changes[0];
    expect(change).toMatchObject({ taskId: report.id, oldStart: new Date("2026-06-01T07:00:00Z") });
    expect(change?.explanation).toMatch(/^Moved off a busy calendar event; /);
    // After the meeting (10:30 Berlin) and its 10-minute buffer.
    expect(change?.newStart.getTime()).toBeGreaterThanOrEqual(new Date("2026-06-01T08:40:00Z").getTime());
  });

  it("with auto-plan on, the re-plan job moves the conflicting task by itself", async () => {
    const user = await newcomer();
    await updatePlanSettings({ ...user.actor, input: ZPlanSettings.parse({ autoPlan: true }), events: user.events });
    const report = await user.createTask({ summary: "Write report", minutes: 60 });
    await user.apply(WEEK);
    await user.addCalendar("/monday-meeting-auto.ics", [
      "DTSTART;TZID=Europe/Berlin:20260601T093000",
      "DTEND;TZID=Europe/Berlin:20260601T103000",
      "UID:standup-auto",
      "SUMMARY:Stand-up",
    ]);
    // The feed's calendars.busy_changed event asks for this job (see replan-subscriber); run it as the worker would.
    await createReplanJob({ db: user.prisma, events: user.events, clock }).handler({
      id: "test",
      name: REPLAN_JOB,
      data: { userId: user.actor.actorId },
      retryCount: 0,
      signal: new AbortController().signal,
    });
    const moved = await user.task(report.id);
    expect(moved.startTime?.getTime()).toBeGreaterThanOrEqual(new Date("2026-06-01T08:40:00Z").getTime());
    expect((await user.agenda()).entries.map((entry) => entry.conflict)).toEqual([false]);
  });
});

import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { DomainError } from "../../shared/errors.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { createPlanner, ZCreatePlannerInput } from "../planners/index.ts";
import { createTask, getTask, listToday, ZCreateTaskInput } from "../tasks/index.ts";
import { replanOverdue, undoPlan, ZReplanOverdueInput } from "./index.ts";

// Monday 1 June 2026, 10:00 in Berlin (08:00Z); the planner's window is 09:00-17:00 daily.
const NOW = new Date("2026-06-01T08:00:00Z");
const HOUR = 60 * 60 * 1000;

// Re-planning overdue tasks as Today's one click does it: only the overdue ones, from now.
describe("scheduler replanOverdue", () => {
  const database = useTestDatabase();

  async function person() {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const clock = fixedClock(new Date(NOW.getTime() - 2 * HOUR));
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    await createPlanner({
      ...actor,
      events,
      input: ZCreatePlannerInput.parse({
        name: "Work",
        recurrence: "FREQ=DAILY",
        startDate: "2026-05-25",
        startTime: "09:00",
        minutes: 480,
      }),
    });
    const task = (raw: Parameters<typeof ZCreateTaskInput.parse>[0]) =>
      createTask({ ...actor, input: ZCreateTaskInput.parse(raw), clock, events });
    // Made two hours ago, when the first one was still ahead.
    const missed = await task({ summary: "Missed call", startTime: new Date("2026-06-01T06:30:00Z"), minutes: 30 });
    const late = await task({ summary: "Late report", dueAt: new Date("2026-05-31T12:00:00Z"), minutes: 60 });
    const inbox = await task({ summary: "Someday" });
    clock.set(NOW);
    return {
      ...actor,
      clock,
      events,
      missed,
      late,
      inbox,
      replan: (raw?: Parameters<typeof ZReplanOverdueInput.parse>[0]) =>
        replanOverdue({ ...actor, input: ZReplanOverdueInput.parse(raw), clock, events }),
    };
  }

  it("places only the overdue tasks again from now, past deadline or not, as one undoable run", async () => {
    const mia = await person();
    const other = await person();
    mia.events.recorded.length = 0;

    const result = await mia.replan();

    expect(result.changes.map((change) => change.summary).sort()).toEqual(["Late report", "Missed call"]);
    expect(result.unplaced).toEqual([]);
    expect(result.run.placedCount).toBe(2);
    for (const change of result.changes) expect(change.newStart.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    // The inbox task was not overdue, so it keeps waiting.
    await expect(getTask({ db: mia.db, actorId: mia.actorId, id: mia.inbox.id })).resolves.toMatchObject({
      startTime: null,
    });
    // The missed task's old time was given up first (its reminder follows that change).
    expect(mia.events.names()).toEqual(["scheduler.task_changed", "scheduler.plan_committed"]);
    const today = await listToday({ db: mia.db, actorId: mia.actorId, clock: mia.clock });
    expect(today.overdue.map((task) => task.summary)).toEqual(["Late report"]);
    expect(today.scheduled.map((task) => task.summary)).toEqual(["Missed call"]);

    // The other person's overdue tasks were not touched.
    await expect(getTask({ db: other.db, actorId: other.actorId, id: other.missed.id })).resolves.toMatchObject({
      startTime: new Date("2026-06-01T06:30:00Z"),
    });

    const undone = await undoPlan({ ...mia, runId: result.run.id });
    expect(undone.restored).toBe(2);
  });

  it("re-plans just the tasks named, and says when none of them is overdue", async () => {
    const mia = await person();
    const result = await mia.replan({ taskIds: [mia.missed.id, mia.inbox.id] });
    expect(result.changes.map((change) => change.summary)).toEqual(["Missed call"]);

    // Planned again and not over, with no passed deadline: nothing left to re-plan.
    const error = await mia.replan({ taskIds: [mia.missed.id] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: "CONFLICT", code: "scheduler.nothing_overdue" });
  });

  it("does not re-plan another person's overdue task named by id", async () => {
    const mia = await person();
    const other = await person();
    const error = await mia.replan({ taskIds: [other.missed.id] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "scheduler.nothing_overdue" });
    await expect(getTask({ db: other.db, actorId: other.actorId, id: other.missed.id })).resolves.toMatchObject({
      startTime: new Date("2026-06-01T06:30:00Z"),
    });
  });
});

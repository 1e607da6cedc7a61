import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { DATE_OUT_OF_RANGE_CODE } from "../../shared/instant.ts";
import { TaskChanged } from "../events.ts";
import { completeTask, getTask, ZCreateTaskInput, ZUpdateTaskInput } from "../tasks/index.ts";
import { schedulerPerson } from "../testing/scheduler-person.ts";
import { applyPlan, ZPlanInput } from "./index.ts";

// Monday 1 June 2026, 07:00 in Berlin (05:00Z); the weekday planner opens 09:00-17:00 local.
const NOW = new Date("2026-06-01T05:00:00Z");
const clock = fixedClock(NOW);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// "Start after": a task the planner must not place before a given moment, from the
// service that stores it to the plan that respects it and the occurrence that inherits it.
describe("tasks with startAfter", () => {
  const database = useTestDatabase();

  async function person() {
    const user = await schedulerPerson(database().prisma, { clock, workHours: true });
    return { ...user, preview: (horizonDays: number) => user.preview({ horizonDays }) };
  }

  it("stores startAfter on create (a past one too), changes and clears it on update, and names it in TaskChanged", async () => {
    const user = await person();
    const past = new Date(NOW.getTime() - DAY);
    const task = await user.createTask({ summary: "Call the bank", startAfter: past });
    expect(task.startAfter).toEqual(past);

    const wednesday = new Date("2026-06-03T12:00:00Z");
    const moved = await user.updateTask({ id: task.id, startAfter: wednesday });
    expect(moved.startAfter).toEqual(wednesday);
    expect(moved.version).toBe(task.version + 1);
    expect(user.events.recorded.at(-1)).toMatchObject({
      type: TaskChanged,
      aggregateId: task.id,
      version: moved.version,
      payload: { fields: ["startAfter"] },
    });

    const cleared = await user.updateTask({ id: task.id, startAfter: null });
    expect(cleared.startAfter).toBeNull();
    expect((await getTask({ ...user.actor, id: task.id })).startAfter).toBeNull();
  });

  it("refuses a startAfter outside the supported dates with common.date_out_of_range", () => {
    const parsed = ZCreateTaskInput.safeParse({ summary: "Far away", startAfter: new Date("3000-01-01T00:00:00Z") });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ["startAfter"], params: { code: DATE_OUT_OF_RANGE_CODE } }),
    ]);
    const notADate = ZUpdateTaskInput.safeParse({ id: crypto.randomUUID(), startAfter: "tomorrow" });
    expect(notADate.error?.issues.map((issue) => issue.path)).toEqual([["startAfter"]]);
  });

  it("plans a task no earlier than its startAfter while others take the morning, and applies it there", async () => {
    const user = await person();
    // Tuesday 14:30 in Berlin.
    const startAfter = new Date("2026-06-02T12:30:00Z");
    const later = await user.createTask({ summary: "Review the draft", minutes: 60, priority: 5, startAfter });
    const other = await user.createTask({ summary: "Sort mail", minutes: 60 });

    const plan = await user.preview(7);
    const placed = new Map(plan.changes.map((change) => [change.taskId, change.newStart]));
    expect(placed.get(later.id)?.getTime()).toBeGreaterThanOrEqual(startAfter.getTime());
    expect(placed.get(other.id)).toEqual(new Date("2026-06-01T07:00:00Z"));

    await applyPlan({ ...user.actor, input: ZPlanInput.parse({ horizonDays: 7 }), clock, events: user.events });
    const stored = await getTask({ ...user.actor, id: later.id });
    expect(stored.startTime?.getTime()).toBeGreaterThanOrEqual(startAfter.getTime());
    expect(stored.startAfter).toEqual(startAfter);
  });

  it("plans a planner-placed task again once its startAfter is set past its start", async () => {
    const user = await person();
    const task = await user.createTask({ summary: "Draft the newsletter", minutes: 60 });
    await applyPlan({ ...user.actor, input: ZPlanInput.parse({ horizonDays: 7 }), clock, events: user.events });
    const planned = await getTask({ ...user.actor, id: task.id });
    expect(planned.startTime).toEqual(new Date("2026-06-01T07:00:00Z"));

    const wednesdayNoon = new Date("2026-06-03T10:00:00Z");
    await user.updateTask({ id: task.id, startAfter: wednesdayNoon });
    const plan = await user.preview(7);
    expect(plan.changes).toEqual([
      expect.objectContaining({
        taskId: task.id,
        oldStart: new Date("2026-06-01T07:00:00Z"),
        newStart: wednesdayNoon,
        explanation: expect.stringMatching(/^Moved after its start-after time; /),
      }),
    ]);
  });

  it("leaves a task whose startAfter is past the horizon unplanned and says why", async () => {
    const user = await person();
    const task = await user.createTask({ summary: "Renew passport", startAfter: new Date("2026-07-01T07:00:00Z") });
    const plan = await user.preview(7);
    expect(plan.changes).toEqual([]);
    expect(plan.unplaced).toEqual([
      {
        taskId: task.id,
        summary: "Renew passport",
        reason: "starts_after_horizon",
        explanation: "starts after Wed 1 Jul 09:00, beyond the next 7 days; plan again closer to then",
      },
    ]);
  });

  it("shifts startAfter with the deadline when a repeating task's next occurrence is created", async () => {
    const user = await person();
    // Due Monday 18:00 Berlin, not before 16:00: every day the same two hours.
    const task = await user.createTask({
      summary: "Water the plants",
      dueAt: new Date("2026-06-01T16:00:00Z"),
      startAfter: new Date("2026-06-01T14:00:00Z"),
      recurrence: "FREQ=DAILY",
    });
    const { next } = await completeTask({ ...user.actor, id: task.id, clock, events: user.events });
    expect(next?.dueAt).toEqual(new Date("2026-06-02T16:00:00Z"));
    expect(next?.startAfter).toEqual(new Date("2026-06-02T14:00:00Z"));
  });
});

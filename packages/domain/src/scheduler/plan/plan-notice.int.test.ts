import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { schedulerPerson, WEEKDAY_WORK_HOURS } from "../testing/scheduler-person.ts";

// Monday 2026-06-01 07:00 in Berlin; the planner opens at 09:00 local.
const NOW = new Date("2026-06-01T05:00:00Z");
const clock = fixedClock(NOW);
const WORK_HOURS = WEEKDAY_WORK_HOURS;

// A newcomer's first "Plan my week": the preview names the one real cause, once.
describe("plan preview notice", () => {
  const database = useTestDatabase();

  async function setup() {
    const user = await schedulerPerson(database().prisma, { clock });
    return { ...user, preview: () => user.preview() };
  }

  it("says there is nothing to plan yet when the person has no task", async () => {
    const user = await setup();
    await user.createPlanner(WORK_HOURS);

    const preview = await user.preview();

    expect(preview.notice).toEqual({ code: "scheduler.plan.no_tasks", message: "Nothing to plan yet - add a task" });
    expect(preview.changes).toEqual([]);
  });

  it("names the missing planner once, whatever the number of tasks", async () => {
    const user = await setup();
    for (const summary of ["Write report", "Call bank", "Book dentist"])
      await user.createTask({ summary, minutes: 30 });

    const preview = await user.preview();

    expect(preview.notice).toEqual({
      code: "scheduler.plan.no_planner",
      message: "You have no working hours yet - create a planner",
    });
    expect(preview.changeCount).toBe(0);
  });

  it("says every task already has a time only when that is true", async () => {
    const user = await setup();
    await user.createPlanner(WORK_HOURS);
    await user.createTask({ summary: "Team meeting", startTime: new Date("2026-06-01T09:00:00Z"), minutes: 60 });

    expect((await user.preview()).notice?.code).toBe("scheduler.plan.all_scheduled");

    await user.createTask({ summary: "Write report", minutes: 60 });
    const preview = await user.preview();

    expect(preview.notice).toBeNull();
    expect(preview.changes.map((change) => change.summary)).toEqual(["Write report"]);
  });

  it("counts completed tasks as done, not as something to plan", async () => {
    const user = await setup();
    await user.createPlanner(WORK_HOURS);
    const done = await user.createTask({ summary: "Old errand", minutes: 30 });
    await user.prisma.task.update({ where: { id: done.id }, data: { completedAt: NOW } });

    expect((await user.preview()).notice?.code).toBe("scheduler.plan.no_tasks");
  });

  it("says the planners are paused when none is on", async () => {
    const user = await setup();
    const planner = await user.createPlanner(WORK_HOURS);
    await user.prisma.planner.update({ where: { id: planner.id }, data: { active: false } });
    await user.createTask({ summary: "Write report", minutes: 60 });

    expect((await user.preview()).notice?.code).toBe("scheduler.plan.planners_paused");
  });

  it("looks only at the person's own tasks and planners", async () => {
    const other = await setup();
    await other.createPlanner(WORK_HOURS);
    await other.createTask({ summary: "Someone else's task", minutes: 30 });
    const user = await setup();

    expect((await user.preview()).notice?.code).toBe("scheduler.plan.no_tasks");
  });
});

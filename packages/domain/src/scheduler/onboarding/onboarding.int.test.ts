import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { schedulerPerson } from "../testing/scheduler-person.ts";
import { getOnboardingProgress } from "./index.ts";

const NOW = new Date("2026-06-01T05:00:00Z");
const clock = fixedClock(NOW);

// The first-run checklist reads each step from real data, one person at a time.
describe("onboarding progress", () => {
  const database = useTestDatabase();

  async function setup() {
    const user = await schedulerPerson(database().prisma, { clock });
    return {
      progress: () => getOnboardingProgress(user.actor),
      createTask: (summary: string) => user.createTask({ summary, minutes: 60 }),
      completeTask: user.completeTask,
      createPlanner: () => user.createPlanner(),
      plan: () => user.apply(),
    };
  }

  it("ticks each step as the person does it: a task, working hours, a plan", async () => {
    const user = await setup();
    expect(await user.progress()).toEqual({ hasTasks: false, hasPlanner: false, hasPlanRun: false });

    await user.createTask("Write report");
    expect(await user.progress()).toEqual({ hasTasks: true, hasPlanner: false, hasPlanRun: false });

    await user.createPlanner();
    expect(await user.progress()).toEqual({ hasTasks: true, hasPlanner: true, hasPlanRun: false });

    await user.plan();
    expect(await user.progress()).toEqual({ hasTasks: true, hasPlanner: true, hasPlanRun: true });
  });

  it("keeps 'add tasks' ticked once the only task is done", async () => {
    const user = await setup();
    const task = await user.createTask("Write report");
    await user.completeTask(task.id);

    expect((await user.progress()).hasTasks).toBe(true);
  });

  it("reads only the person's own tasks, planners and plans", async () => {
    const other = await setup();
    await other.createTask("Someone else's task");
    await other.createPlanner();
    await other.plan();
    const user = await setup();

    expect(await user.progress()).toEqual({ hasTasks: false, hasPlanner: false, hasPlanRun: false });
  });
});

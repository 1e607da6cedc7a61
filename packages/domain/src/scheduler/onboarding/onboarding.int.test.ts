import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { applyPlan, ZPlanInput } from "../plan/index.ts";
import { createPlanner, ZCreatePlannerInput } from "../planners/index.ts";
import { completeTask, createTask, ZCreateTaskInput } from "../tasks/index.ts";
import { getOnboardingProgress } from "./index.ts";

const NOW = new Date("2026-06-01T05:00:00Z");
const clock = fixedClock(NOW);

// The first-run checklist reads each step from real data, one person at a time.
describe("onboarding progress", () => {
  const database = useTestDatabase();

  async function setup() {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    return {
      progress: () => getOnboardingProgress(actor),
      createTask: (summary: string) =>
        createTask({ ...actor, input: ZCreateTaskInput.parse({ summary, minutes: 60 }), clock, events }),
      completeTask: (id: string) => completeTask({ ...actor, id, clock, events }),
      createPlanner: () =>
        createPlanner({
          ...actor,
          input: ZCreatePlannerInput.parse({
            name: "Work hours",
            recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            startDate: "2026-06-01",
            startTime: "09:00",
            minutes: 480,
          }),
          events,
        }),
      plan: () => applyPlan({ ...actor, input: ZPlanInput.parse(undefined), clock, events }),
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

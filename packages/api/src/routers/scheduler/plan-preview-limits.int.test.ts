import { MAX_PREVIEW_CHANGES, MAX_PREVIEW_UNPLACED } from "@agendacraft/domain/scheduler/plan";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";

const NOW = new Date("2026-06-01T05:00:00Z");

describe("scheduler.plan.preview of a large plan", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("lists the first changes and unplaced tasks, with the totals", async () => {
    const user = await createTestUser(harness.deps);
    const caller = callerFor({ ...harness.deps, clock: fixedClock(NOW) }, user.session);
    await caller.scheduler.planners.create({
      name: "Every day",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "08:00",
      minutes: 600,
      timeZone: "UTC",
    });
    const paused = await caller.scheduler.planners.create({
      name: "Paused",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "08:00",
      minutes: 60,
      active: false,
    });
    const placeable = MAX_PREVIEW_CHANGES + 40;
    const stuck = MAX_PREVIEW_UNPLACED + 25;
    // Written directly: hundreds of creates through the API would only be slow.
    await harness.database.prisma.task.createMany({
      data: [
        ...Array.from({ length: placeable }, (_, i) => ({
          userId: user.userId,
          summary: `Fits ${i}`,
          minutes: 15,
          order: i + 1,
        })),
        ...Array.from({ length: stuck }, (_, i) => ({
          userId: user.userId,
          summary: `Paused planner ${i}`,
          minutes: 15,
          order: placeable + i + 1,
          plannerId: paused.id,
        })),
      ],
    });

    const preview = await caller.scheduler.plan.preview({ horizonDays: 30 });
    expect(preview.changeCount).toBe(placeable);
    expect(preview.changes).toHaveLength(MAX_PREVIEW_CHANGES);
    expect(preview.unplacedCount).toBe(stuck);
    expect(preview.unplaced).toHaveLength(MAX_PREVIEW_UNPLACED);
    expect(preview.unplaced.every((task) => task.reason === "planner_inactive")).toBe(true);
    // The earliest changes are the ones listed.
    const starts = preview.changes.map((change) => change.newStart.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

import { ACCOUNT_LIMITS } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { createTestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

// API tokens: the limit is tested in packages/domain/src/iam/tokens/api-tokens.int.test.ts, its
// mapping to CONFLICT in iam.int.test.ts.
/** Rows are written straight to the database up to one short of a limit: creating thousands through the API would only be slow. */
describe("per-person limits", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });
  const prisma = () => harness.database.prisma;

  async function expectLimit(attempt: Promise<unknown>, code: string, max: number) {
    const error = await trpcFailure(attempt);
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toMatchObject({ code, details: { max } });
    expect(error.message).toContain(max.toLocaleString("en-US"));
  }

  const planner = { recurrence: "FREQ=DAILY", startDate: "2026-06-01", startTime: "09:00", minutes: 60 };

  it(`refuses planner number ${ACCOUNT_LIMITS.planners + 1} with scheduler.too_many_planners`, async () => {
    const user = await createTestUser(harness.deps);
    await prisma().planner.createMany({
      data: Array.from({ length: ACCOUNT_LIMITS.planners - 1 }, (_, i) => ({
        userId: user.userId,
        name: `P${i}`,
        recurrence: "FREQ=DAILY",
        startDate: new Date("2026-06-01"),
        startTime: "09:00",
        minutes: 60,
        timeZone: "UTC",
      })),
    });
    await user.caller.scheduler.planners.create({ name: "The last one", ...planner });
    await expectLimit(
      user.caller.scheduler.planners.create({ name: "One too many", ...planner }),
      "scheduler.too_many_planners",
      ACCOUNT_LIMITS.planners,
    );
    await expect(prisma().planner.count({ where: { userId: user.userId } })).resolves.toBe(ACCOUNT_LIMITS.planners);
  });

  it(`refuses project number ${ACCOUNT_LIMITS.projects + 1} (archived ones count) and area number ${ACCOUNT_LIMITS.areas + 1}`, async () => {
    const user = await createTestUser(harness.deps);
    await prisma().project.createMany({
      data: Array.from({ length: ACCOUNT_LIMITS.projects - 1 }, (_, i) => ({
        userId: user.userId,
        name: `Project ${i}`,
        order: i + 1,
        archivedAt: i % 2 ? new Date() : null,
      })),
    });
    await user.caller.scheduler.projects.create({ name: "The last one" });
    await expectLimit(
      user.caller.scheduler.projects.create({ name: "One too many" }),
      "scheduler.too_many_projects",
      ACCOUNT_LIMITS.projects,
    );

    await prisma().area.createMany({
      data: Array.from({ length: ACCOUNT_LIMITS.areas }, (_, i) => ({
        userId: user.userId,
        name: `Area ${i}`,
        order: i + 1,
      })),
    });
    await expectLimit(
      user.caller.scheduler.areas.create({ name: "One too many" }),
      "scheduler.too_many_areas",
      ACCOUNT_LIMITS.areas,
    );
  });

  /** A person with one done task and the rest of the open-task limit filled but for `room`. */
  async function userNearOpenTaskLimit(room: number) {
    const user = await createTestUser(harness.deps);
    const done = await user.caller.scheduler.tasks.create({ summary: "Finished earlier" });
    await user.caller.scheduler.tasks.complete({ id: done.id });
    await prisma().task.createMany({
      data: Array.from({ length: ACCOUNT_LIMITS.openTasks - room }, (_, i) => ({
        userId: user.userId,
        summary: `Task ${i}`,
        order: i + 2,
      })),
    });
    return { user, done };
  }

  it("refuses an open task over the limit, and counts only open ones", async () => {
    const { user } = await userNearOpenTaskLimit(1);
    await user.caller.scheduler.tasks.create({ summary: "The last one" });
    await expectLimit(
      user.caller.scheduler.tasks.create({ summary: "One too many" }),
      "scheduler.too_many_open_tasks",
      ACCOUNT_LIMITS.openTasks,
    );
  });

  it("refuses to reopen a done task at the limit; reopening an open one changes nothing", async () => {
    const { user, done } = await userNearOpenTaskLimit(0);
    await expectLimit(
      user.caller.scheduler.tasks.reopen({ id: done.id }),
      "scheduler.too_many_open_tasks",
      ACCOUNT_LIMITS.openTasks,
    );
    const open = await prisma().task.findFirstOrThrow({ where: { userId: user.userId, completedAt: null } });
    await expect(user.caller.scheduler.tasks.reopen({ id: open.id })).resolves.toMatchObject({
      id: open.id,
      completedAt: null,
    });
  });
});

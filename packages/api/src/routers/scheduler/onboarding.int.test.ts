import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

// Only what the router adds: session and output shape. The steps are tested in
// packages/domain/src/scheduler/onboarding/onboarding.int.test.ts.
describe("scheduler.onboarding", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("refuses a caller without a session", async () => {
    const error = await trpcFailure(callerFor(harness.deps, null).scheduler.onboarding.progress());
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("answers a newcomer's progress in its shape", async () => {
    const { caller } = await createTestUser(harness.deps);
    await caller.scheduler.tasks.create({ summary: "Write report", minutes: 30 });
    await expect(caller.scheduler.onboarding.progress()).resolves.toEqual({
      hasTasks: true,
      hasPlanner: false,
      hasPlanRun: false,
    });
  });
});

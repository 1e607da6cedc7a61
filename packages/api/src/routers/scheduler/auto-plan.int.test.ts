import { PlanSettingsChanged } from "@agendacraft/domain/scheduler/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

// Only what the router adds to automatic re-planning's setting: session, input validation,
// output shape. The re-planning itself (events, debounced job, no loop) is tested in
// packages/domain/src/scheduler/plan/auto-plan.int.test.ts.
describe("scheduler.plan.settings", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("refuses a caller without a session", async () => {
    const anonymous = callerFor(harness.deps, null).scheduler.plan.settings;
    await expect(trpcFailure(anonymous.get())).resolves.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(trpcFailure(anonymous.update({ autoPlan: true }))).resolves.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers the setting, off by default, and the changed one after an update, recorded in the outbox", async () => {
    const user = await createTestUser(harness.deps);
    await expect(user.caller.scheduler.plan.settings.get()).resolves.toEqual({ autoPlan: false });
    await expect(user.caller.scheduler.plan.settings.update({ autoPlan: true })).resolves.toEqual({ autoPlan: true });
    await expect(user.caller.scheduler.plan.settings.get()).resolves.toEqual({ autoPlan: true });
    // The router hands the service the server's outbox.
    const stored = await harness.database.prisma.domainEvent.findMany({
      where: { userId: user.userId },
      select: { type: true, payload: true },
    });
    expect(stored).toEqual([{ type: PlanSettingsChanged.name, payload: { autoPlan: true } }]);
  });

  it("rejects a setting that is not a boolean by field", async () => {
    const user = await createTestUser(harness.deps);
    const error = await trpcFailure(user.caller.scheduler.plan.settings.update({ autoPlan: "yes" } as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as ZodError).issues.map((issue) => issue.path.join("."))).toContain("autoPlan");
    await expect(user.caller.scheduler.plan.settings.get()).resolves.toEqual({ autoPlan: false });
  });
});

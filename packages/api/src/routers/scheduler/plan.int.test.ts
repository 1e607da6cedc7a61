import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

// Monday 2026-06-01 07:00 in Berlin (05:00Z); the planner opens at 09:00 local on weekdays.
const NOW = new Date("2026-06-01T05:00:00Z");
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

// Only what the router adds: session, input validation, error mapping, output shape.
// The business rules are tested in packages/domain/src/scheduler/plan/plan.int.test.ts.
describe("scheduler.plan", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function userWithTask() {
    const user = await createTestUser(harness.deps);
    const caller = callerFor({ ...harness.deps, clock: fixedClock(NOW) }, user.session);
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    await caller.scheduler.planners.create({
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 480,
    });
    const task = await caller.scheduler.tasks.create({ summary: "Write", minutes: 60 });
    return { caller, task };
  }

  it("refuses a caller without a session", async () => {
    const error = await trpcFailure(callerFor(harness.deps, null).scheduler.plan.preview());
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it.each([
    ["0 days ahead", { horizonDays: 0 }, "horizonDays"],
    ["91 days ahead", { horizonDays: 91 }, "horizonDays"],
    ["a buffer over 120 minutes", { options: { bufferMinutes: 121 } }, "options.bufferMinutes"],
  ])("rejects %s by field", async (_case, input, field) => {
    const { caller } = await userWithTask();
    const error = await trpcFailure(caller.scheduler.plan.preview(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as ZodError).issues.map((issue) => issue.path.join("."))).toContain(field);
  });

  it("preview answers the changes, the unplaced tasks and their counts", async () => {
    const { caller, task } = await userWithTask();
    const preview = await caller.scheduler.plan.preview();
    expect(preview).toMatchObject({ changeCount: 1, unplacedCount: 0, unplaced: [] });
    expect(preview.changes).toEqual([
      {
        taskId: task.id,
        summary: "Write",
        oldStart: null,
        oldEnd: null,
        newStart: expect.any(Date),
        newEnd: expect.any(Date),
        parts: null,
        explanation: expect.any(String),
      },
    ]);
  });

  it("commit answers the changes and the run; runs lists it; undo answers what it restored", async () => {
    const { caller, task } = await userWithTask();
    const applied = await caller.scheduler.plan.commit();
    expect(applied.changes.map((change) => change.taskId)).toEqual([task.id]);
    expect(applied.run).toMatchObject({ id: expect.any(String), placedCount: 1, unplacedCount: 0, undoneAt: null });
    await expect(caller.scheduler.plan.runs()).resolves.toMatchObject([{ id: applied.run.id, trigger: "manual" }]);
    const undone = await caller.scheduler.plan.undo({ runId: applied.run.id });
    expect(undone).toMatchObject({ run: { id: applied.run.id, undoneAt: NOW }, restored: 1, skipped: [] });
  });

  it("maps a NOT_FOUND run to NOT_FOUND and an undone run to CONFLICT, with their codes", async () => {
    const { caller } = await userWithTask();
    const missing = await trpcFailure(caller.scheduler.plan.undo({ runId: MISSING_ID }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.cause).toMatchObject({ code: "scheduler.plan_run_not_found" });

    const applied = await caller.scheduler.plan.commit();
    await caller.scheduler.plan.undo({ runId: applied.run.id });
    const again = await trpcFailure(caller.scheduler.plan.undo({ runId: applied.run.id }));
    expect(again.code).toBe("CONFLICT");
    expect(again.cause).toMatchObject({ code: "scheduler.plan_run_already_undone" });
  });

  it("rejects a run id that is not a uuid by field", async () => {
    const { caller } = await userWithTask();
    const error = await trpcFailure(caller.scheduler.plan.undo({ runId: "nope" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as ZodError).issues.map((issue) => issue.path.join("."))).toContain("runId");
  });
});

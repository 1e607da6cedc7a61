import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

const HOUR = 60 * 60 * 1000;

function fieldsOf(error: TRPCError): string[] {
  expect(error.code).toBe("BAD_REQUEST");
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => issue.path.join("."));
}

// Only what the router adds: validation, error mapping, output shape (the session check is
// in requires-session.int.test.ts). The business rules are tested in packages/domain:
// scheduler/tasks/today-upcoming.int.test.ts and scheduler/plan/replan-overdue.int.test.ts.
describe("scheduler.tasks.today, scheduler.tasks.upcoming, scheduler.plan.replanOverdue", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("answers today's sections in their shape", async () => {
    const { caller } = await createTestUser(harness.deps);
    const today = await caller.scheduler.tasks.today();
    expect(today).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      timeZone: expect.any(String),
      overdue: [],
      scheduled: [],
      due: [],
      occurrences: [],
      conflictIds: [],
      hasPlanned: false,
    });
  });

  it("answers 14 days by default with tasks as every task procedure returns them, and refuses 15", async () => {
    const { caller } = await createTestUser(harness.deps);
    const task = await caller.scheduler.tasks.create({
      summary: "Dentist",
      startTime: new Date(harness.deps.clock.now().getTime() + HOUR),
    });
    const upcoming = await caller.scheduler.tasks.upcoming();
    expect(upcoming.days).toHaveLength(14);
    expect(upcoming.days.flatMap((day) => day.scheduled)).toEqual([task]);
    expect(fieldsOf(await trpcFailure(caller.scheduler.tasks.upcoming({ days: 15 })))).toEqual(["days"]);
  });

  it("maps nothing to re-plan to CONFLICT with scheduler.nothing_overdue, and checks the ids", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.scheduler.plan.replanOverdue());
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toMatchObject({ code: "scheduler.nothing_overdue" });
    expect(fieldsOf(await trpcFailure(caller.scheduler.plan.replanOverdue({ taskIds: ["nope"] })))).toEqual([
      "taskIds.0",
    ]);
  });
});

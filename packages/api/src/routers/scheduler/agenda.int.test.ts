import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

const DAY = 24 * 60 * 60 * 1000;
const WEEK = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-08T00:00:00Z") };

function issuesOf(error: TRPCError): { path: string; code: unknown; message: string }[] {
  expect(error.code).toBe("BAD_REQUEST");
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => ({
    path: issue.path.join("."),
    code: "params" in issue ? (issue.params as { code?: unknown } | undefined)?.code : issue.code,
    message: issue.message,
  }));
}

// Only what the router adds: session, input validation, error mapping, output shape.
// The business rules are tested in packages/domain/src/scheduler/tasks/agenda.int.test.ts.
describe("scheduler.tasks.agenda", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("refuses a caller without a session", async () => {
    const error = await trpcFailure(callerFor(harness.deps, null).scheduler.tasks.agenda(WEEK));
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("answers the entries in the range, each with its shape", async () => {
    const user = await createTestUser(harness.deps);
    const task = await user.caller.scheduler.tasks.create({
      summary: "Dentist",
      startTime: new Date("2026-06-03T14:00:00Z"),
      minutes: 45,
    });
    await expect(user.caller.scheduler.tasks.agenda(WEEK)).resolves.toEqual({
      entries: [
        {
          taskId: task.id,
          summary: "Dentist",
          start: new Date("2026-06-03T14:00:00Z"),
          end: new Date("2026-06-03T14:45:00Z"),
          part: 1,
          partCount: 1,
          priority: 0,
          completed: false,
          projectId: null,
          conflict: false,
          syncedToGoogle: false,
        },
      ],
    });
  });

  it.each([
    ["an end before the start", { from: WEEK.to, to: WEEK.from }, "scheduler.invalid_agenda_range"],
    ["an empty range", { from: WEEK.from, to: WEEK.from }, "scheduler.invalid_agenda_range"],
    [
      "more than 42 days",
      { from: WEEK.from, to: new Date(WEEK.from.getTime() + 43 * DAY) },
      "scheduler.agenda_range_too_long",
    ],
  ])("refuses %s with a clear message", async (_name, range, code) => {
    const user = await createTestUser(harness.deps);
    const error = await trpcFailure(user.caller.scheduler.tasks.agenda(range));
    const [issue] = issuesOf(error);
    expect(issue).toMatchObject({ path: "to", code });
    expect(issue?.message).toMatch(/range must be after its start|at most 42 days/);
  });

  it("accepts exactly 42 days", async () => {
    const user = await createTestUser(harness.deps);
    await expect(
      user.caller.scheduler.tasks.agenda({ from: WEEK.from, to: new Date(WEEK.from.getTime() + 42 * DAY) }),
    ).resolves.toEqual({ entries: [] });
  });
});

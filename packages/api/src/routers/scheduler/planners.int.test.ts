import { randomUUID } from "node:crypto";
import { MAX_WINDOWS_QUERY_DAYS } from "@agendacraft/domain/scheduler/planners";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

function issuesOf(error: TRPCError): { path: string; code: unknown }[] {
  expect(error.code).toBe("BAD_REQUEST");
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => ({
    path: issue.path.join("."),
    code: "params" in issue ? (issue.params as { code?: unknown } | undefined)?.code : issue.code,
  }));
}

const WEEKDAYS_NINE_TO_FIVE = {
  name: "Work",
  recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  startDate: "2026-01-05",
  startTime: "09:00",
  minutes: 480,
  timeZone: "Europe/Berlin",
};

// Only what the router adds: session, input validation, error mapping, output shape.
// The business rules are tested in packages/domain/src/scheduler/planners/planners.int.test.ts.
describe("scheduler.planners", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  // Dates and zones must not depend on the machine's zone: run in one with a 5:45 offset.
  const machineZone = process.env.TZ;
  beforeAll(async () => {
    process.env.TZ = "Asia/Kathmandu";
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
    process.env.TZ = machineZone;
  });

  it("refuses a caller without a session", async () => {
    const error = await trpcFailure(callerFor(harness.deps, null).scheduler.planners.create(WEEKDAYS_NINE_TO_FIVE));
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("create, byId, update, list, windows and delete answer in their shapes", async () => {
    const { caller } = await createTestUser(harness.deps);
    const planner = await caller.scheduler.planners.create(WEEKDAYS_NINE_TO_FIVE);
    expect(planner).toMatchObject({ ...WEEKDAYS_NINE_TO_FIVE, active: true });
    await expect(caller.scheduler.planners.byId({ id: planner.id })).resolves.toEqual(planner);
    const renamed = await caller.scheduler.planners.update({ id: planner.id, name: "Office" });
    expect(renamed).toMatchObject({ id: planner.id, name: "Office" });
    await expect(caller.scheduler.planners.list()).resolves.toEqual({ items: [renamed], nextCursor: null });
    await expect(
      caller.scheduler.planners.windows({
        from: new Date("2026-03-23T00:00:00Z"),
        to: new Date("2026-03-24T00:00:00Z"),
      }),
    ).resolves.toEqual([
      { plannerId: planner.id, start: new Date("2026-03-23T08:00:00Z"), end: new Date("2026-03-23T16:00:00Z") },
    ]);
    await expect(caller.scheduler.planners.delete({ id: planner.id })).resolves.toEqual({ deleted: true });
  });

  it.each([
    ["an empty name", { name: " " }, "name", "too_small"],
    ["0 minutes", { minutes: 0 }, "minutes", "too_small"],
    ["2000 minutes", { minutes: 2000 }, "minutes", "too_big"],
    ["a start at 25:00", { startTime: "25:00" }, "startTime", "scheduler.invalid_time"],
    ["a date that does not exist", { startDate: "2026-02-30" }, "startDate", "scheduler.invalid_date"],
    ["a malformed rule", { recurrence: "FREQ=SOMETIMES" }, "recurrence", "scheduler.invalid_rrule"],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone", "iam.unknown_time_zone"],
  ])("rejects %s naming the field, and writes nothing", async (_what, change, field, code) => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.scheduler.planners.create({ ...WEEKDAYS_NINE_TO_FIVE, ...change }));
    expect(issuesOf(error)).toEqual([{ path: field, code }]);
    const planner = await caller.scheduler.planners.create(WEEKDAYS_NINE_TO_FIVE);
    const update = await trpcFailure(caller.scheduler.planners.update({ id: planner.id, ...change }));
    expect(issuesOf(update)).toEqual([{ path: field, code }]);
    await expect(caller.scheduler.planners.list()).resolves.toMatchObject({ items: [planner] });
  });

  describe("windows", () => {
    it(`needs \`to\` after \`from\` and at most ${MAX_WINDOWS_QUERY_DAYS} days, naming \`to\``, async () => {
      const { caller } = await createTestUser(harness.deps);
      const from = new Date("2026-01-01T00:00:00Z");
      const same = await trpcFailure(caller.scheduler.planners.windows({ from, to: from }));
      expect(issuesOf(same)).toEqual([{ path: "to", code: "scheduler.invalid_window_range" }]);
      const long = await trpcFailure(
        caller.scheduler.planners.windows({
          from,
          to: new Date(from.getTime() + (MAX_WINDOWS_QUERY_DAYS + 1) * 86_400_000),
        }),
      );
      expect(issuesOf(long)).toEqual([{ path: "to", code: "scheduler.window_range_too_long" }]);
      await expect(
        caller.scheduler.planners.windows({ from, to: new Date(from.getTime() + MAX_WINDOWS_QUERY_DAYS * 86_400_000) }),
      ).resolves.toEqual([]);
    });
  });

  it("maps a missing planner to NOT_FOUND with scheduler.planner_not_found", async () => {
    const { caller } = await createTestUser(harness.deps);
    const id = randomUUID();
    const attempts = [
      () => caller.scheduler.planners.byId({ id }),
      () => caller.scheduler.planners.update({ id, name: "x" }),
      () => caller.scheduler.planners.delete({ id }),
      () =>
        caller.scheduler.planners.windows({
          from: new Date("2026-03-23T00:00:00Z"),
          to: new Date("2026-03-30T00:00:00Z"),
          plannerId: id,
        }),
    ];
    for (const attempt of attempts) {
      const error = await trpcFailure(attempt());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.cause).toMatchObject({ code: "scheduler.planner_not_found" });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { issuesOf } from "../testing/issues-of.ts";
import { createTestUser, type TestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

// Each of these used to answer 500 (and the first ones to commit their row anyway).
const OUT_OF_RANGE = "common.date_out_of_range";
const YEAR_10000 = new Date("+010000-01-01T00:00:00Z");
const END_OF_9999 = new Date("9999-12-31T23:59:59.999Z");
const LARGEST_DATE = new Date(8.64e15);
const SMALLEST_DATE = new Date(-8.64e15);
const LAST_INSTANT = new Date("2999-12-31T23:59:59.999Z");
const DAY = 86_400_000;

describe("dates outside 1970-01-01..2999-12-31 are refused at the edge, and nothing is written", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const taskRows = (user: TestUser) =>
    harness.database.prisma.$queryRaw<
      { summary: string; startTime: string | null; endTime: string | null; dueAt: string | null }[]
    >`
      SELECT summary, "startTime"::text AS "startTime", "endTime"::text AS "endTime", "dueAt"::text AS "dueAt"
      FROM tasks WHERE "userId" = ${user.userId}::uuid ORDER BY "createdAt"`;

  const refused = async (call: Promise<unknown>, path: string) => {
    const issues = issuesOf(await trpcFailure(call));
    expect(issues).toContainEqual(
      expect.objectContaining({ path, code: OUT_OF_RANGE, message: "Use a date from 1970-01-01 to 2999-12-31" }),
    );
  };

  describe("scheduler.tasks.create", () => {
    it.each([
      ["dueAt in the year 10000", { dueAt: YEAR_10000 }, "dueAt"],
      ["startTime 9999-12-31T23:50Z (its end overflows)", { startTime: new Date("9999-12-31T23:50:00Z") }, "startTime"],
      ["endTime in the year 10000", { startTime: new Date("2026-06-02T09:00:00Z"), endTime: YEAR_10000 }, "endTime"],
      ["dueAt before 1970", { dueAt: new Date("1969-07-20T20:17:00Z") }, "dueAt"],
      ["startAfter in the year 10000", { startAfter: YEAR_10000 }, "startAfter"],
    ])("refuses %s", async (_case, dates, path) => {
      const user = await createTestUser(harness.deps);
      await refused(user.caller.scheduler.tasks.create({ summary: "far away", ...dates }), path);
      expect(await taskRows(user)).toEqual([]);
    });

    it("accepts the last supported instant as a due date", async () => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({ summary: "last", dueAt: LAST_INSTANT });
      expect(task.dueAt).toEqual(LAST_INSTANT);
    });

    it("refuses a start whose end (start + minutes) would leave the range, as a domain error", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(
        user.caller.scheduler.tasks.create({
          summary: "late",
          startTime: new Date("2999-12-31T23:50:00Z"),
          minutes: 30,
        }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ kind: "INVALID", code: OUT_OF_RANGE, details: { field: "endTime" } });
      expect(await taskRows(user)).toEqual([]);
    });
  });

  describe("scheduler.tasks.update", () => {
    it.each([
      ["startTime", { startTime: END_OF_9999 }],
      ["dueAt", { dueAt: END_OF_9999 }],
      ["endTime", { endTime: END_OF_9999 }],
      ["startAfter", { startAfter: END_OF_9999 }],
    ])("refuses %s 9999-12-31T23:59:59.999Z and keeps the task as it was", async (path, dates) => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({
        summary: "keep me",
        startTime: new Date("2026-06-02T09:00:00Z"),
        dueAt: new Date("2026-06-05T00:00:00Z"),
      });
      const before = await taskRows(user);
      await refused(user.caller.scheduler.tasks.update({ id: task.id, ...dates }), path);
      expect(await taskRows(user)).toEqual(before);
    });

    it("refuses a longer duration that would push the end past the range", async () => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({
        summary: "at the edge",
        startTime: new Date("2999-12-31T22:00:00Z"),
        minutes: 60,
      });
      const before = await taskRows(user);
      const error = await trpcFailure(user.caller.scheduler.tasks.update({ id: task.id, minutes: 180 }));
      expect(error.cause).toMatchObject({ kind: "INVALID", code: OUT_OF_RANGE, details: { field: "endTime" } });
      expect(await taskRows(user)).toEqual(before);
    });
  });

  describe("scheduler.tasks.complete", () => {
    it("refuses to complete when the next occurrence would leave the range, and completes nothing", async () => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({
        summary: "yearly",
        dueAt: new Date("2999-06-01T09:00:00Z"),
        recurrence: "FREQ=YEARLY",
      });
      const error = await trpcFailure(user.caller.scheduler.tasks.complete({ id: task.id }));
      expect(error.cause).toMatchObject({ kind: "INVALID", code: OUT_OF_RANGE, details: { field: "recurrence" } });
      await expect(user.caller.scheduler.tasks.byId({ id: task.id })).resolves.toMatchObject({ completedAt: null });
      expect(await taskRows(user)).toHaveLength(1);
    });
  });

  describe("queries", () => {
    it.each([
      ["tasks.list startFrom", "startFrom"],
      ["tasks.list startTo", "startTo"],
      ["tasks.list dueBefore", "dueBefore"],
    ])("%s refuses the largest and smallest dates and the year 10000", async (_case, field) => {
      const user = await createTestUser(harness.deps);
      for (const value of [LARGEST_DATE, SMALLEST_DATE, YEAR_10000]) {
        await refused(user.caller.scheduler.tasks.list({ [field]: value }), field);
      }
    });

    it.each([
      ["tasks.agenda", (user: TestUser, range: { from: Date; to: Date }) => user.caller.scheduler.tasks.agenda(range)],
      [
        "planners.windows",
        (user: TestUser, range: { from: Date; to: Date }) => user.caller.scheduler.planners.windows(range),
      ],
      ["calendars.busy", (user: TestUser, range: { from: Date; to: Date }) => user.caller.calendars.busy(range)],
    ])("%s refuses ranges at either end of what a Date can hold", async (_case, call) => {
      const user = await createTestUser(harness.deps);
      await user.caller.scheduler.planners.create({
        name: "Daily",
        recurrence: "FREQ=DAILY",
        startDate: "2026-06-01",
        startTime: "09:00",
        minutes: 60,
      });
      await refused(call(user, { from: new Date(LARGEST_DATE.getTime() - 5 * DAY), to: LARGEST_DATE }), "from");
      await refused(call(user, { from: SMALLEST_DATE, to: new Date(SMALLEST_DATE.getTime() + DAY) }), "from");
      await refused(call(user, { from: new Date("2999-12-31T00:00:00Z"), to: YEAR_10000 }), "to");
    });

    it("recurrence.preview refuses a start out of range, and shows no occurrence after the range", async () => {
      const user = await createTestUser(harness.deps);
      const preview = (start: Date) =>
        user.caller.scheduler.recurrence.preview({ preset: { kind: "daily" }, start, timeZone: "UTC", count: 50 });
      await refused(preview(new Date(LARGEST_DATE.getTime() - DAY)), "start");
      await refused(preview(SMALLEST_DATE), "start");
      await refused(preview(new Date("9999-12-31T00:00:00Z")), "start");

      const { occurrences } = await preview(new Date("2999-12-20T09:00:00Z"));
      expect(occurrences).toHaveLength(12);
      expect(occurrences.at(-1)).toEqual(new Date("2999-12-31T09:00:00Z"));
    });

    it("plan.preview and plan.commit refuse a start out of range", async () => {
      const user = await createTestUser(harness.deps);
      await user.caller.scheduler.tasks.create({ summary: "plan me" });
      await refused(user.caller.scheduler.plan.preview({ from: new Date(LARGEST_DATE.getTime() - DAY) }), "from");
      await refused(user.caller.scheduler.plan.commit({ from: YEAR_10000 }), "from");
      await expect(harness.database.prisma.planRun.count({ where: { userId: user.userId } })).resolves.toBe(0);
    });

    it("a plan near the end of the range places nothing after it", async () => {
      const user = await createTestUser(harness.deps);
      // 20:00-04:00 UTC every day: the window of 2999-12-31 is cut at midnight, the end of the range.
      await user.caller.scheduler.planners.create({
        name: "Nights",
        recurrence: "FREQ=DAILY",
        startDate: "2026-06-01",
        startTime: "20:00",
        minutes: 480,
        timeZone: "UTC",
      });
      const long = await user.caller.scheduler.tasks.create({ summary: "six hours", minutes: 360 });
      const short = await user.caller.scheduler.tasks.create({ summary: "one hour", minutes: 60 });

      const result = await user.caller.scheduler.plan.commit({
        from: new Date("2999-12-31T19:00:00Z"),
        horizonDays: 14,
      });
      expect(result.to).toEqual(LAST_INSTANT);
      expect(result.changes.map((change) => change.taskId)).toEqual([short.id]);
      expect(result.unplaced.map((entry) => entry.taskId)).toEqual([long.id]);
      for (const change of result.changes) expect(change.newEnd.getTime()).toBeLessThanOrEqual(LAST_INSTANT.getTime());
    });
  });

  describe("scheduler.planners", () => {
    it.each([
      ["before 1970", "1969-12-31"],
      ["after 2999", "3000-01-01"],
      ["at the end of 9999", "9999-12-31"],
    ])("refuses a start date %s", async (_case, startDate) => {
      const user = await createTestUser(harness.deps);
      const planner = { name: "P", recurrence: "FREQ=DAILY", startTime: "09:00", minutes: 60 };
      await refused(user.caller.scheduler.planners.create({ ...planner, startDate }), "startDate");
      await expect(harness.database.prisma.planner.count({ where: { userId: user.userId } })).resolves.toBe(0);
    });

    it("accepts the range's first and last days", async () => {
      const user = await createTestUser(harness.deps);
      const planner = { name: "P", recurrence: "FREQ=DAILY", startTime: "09:00", minutes: 60 };
      const first = await user.caller.scheduler.planners.create({ ...planner, startDate: "1970-01-01" });
      await user.caller.scheduler.planners.update({ id: first.id, startDate: "2999-12-31" });
      await refused(user.caller.scheduler.planners.update({ id: first.id, startDate: "3000-01-01" }), "startDate");
    });
  });
});

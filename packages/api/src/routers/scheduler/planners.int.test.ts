import { randomUUID } from "node:crypto";
import { countQueries } from "@agendacraft/db/testing";
import { MAX_WINDOWS_QUERY_DAYS } from "@agendacraft/domain/scheduler/planners";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createTestUser, createTwoUsers, type TestUser } from "../../testing/test-users.ts";
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

  it("creates a planner in the user's zone by default, with the rule in canonical form and the date as a date", async () => {
    const user = await createTestUser(harness.deps);
    await user.caller.iam.updateProfile({ timeZone: "America/New_York" });
    const planner = await user.caller.scheduler.planners.create({
      name: "  Evenings ",
      recurrence: "RRULE:FREQ=WEEKLY;BYDAY=WE,MO",
      startDate: "2026-03-01",
      startTime: "18:30",
      minutes: 90,
    });
    expect(planner).toMatchObject({
      name: "Evenings",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,WE",
      startDate: "2026-03-01",
      startTime: "18:30",
      minutes: 90,
      timeZone: "America/New_York",
      active: true,
    });
    const stored = await harness.database.prisma.planner.findUniqueOrThrow({ where: { id: planner.id } });
    expect(stored.startDate.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    await expect(user.caller.scheduler.planners.byId({ id: planner.id })).resolves.toEqual(planner);
  });

  it("updates what is given and keeps the rest", async () => {
    const { caller } = await createTestUser(harness.deps);
    const planner = await caller.scheduler.planners.create(WEEKDAYS_NINE_TO_FIVE);
    const updated = await caller.scheduler.planners.update({
      id: planner.id,
      startDate: "2026-12-31",
      startTime: "08:15",
      active: false,
      timeZone: "Asia/Kathmandu",
    });
    expect(updated).toMatchObject({
      name: "Work",
      recurrence: WEEKDAYS_NINE_TO_FIVE.recurrence,
      startDate: "2026-12-31",
      startTime: "08:15",
      minutes: 480,
      timeZone: "Asia/Kathmandu",
      active: false,
    });
    await expect(
      caller.scheduler.planners.update({ id: planner.id, recurrence: "FREQ=DAILY", minutes: 1440 }),
    ).resolves.toMatchObject({ recurrence: "FREQ=DAILY", minutes: 1440, startTime: "08:15" });
  });

  it("deletes a planner; tasks that used it stay, without one", async () => {
    const user = await createTestUser(harness.deps);
    const planner = await user.caller.scheduler.planners.create(WEEKDAYS_NINE_TO_FIVE);
    const task = await harness.database.prisma.task.create({
      data: { userId: user.userId, summary: "Plan me", order: 1, plannerId: planner.id },
    });
    await expect(user.caller.scheduler.planners.delete({ id: planner.id })).resolves.toEqual({ deleted: true });
    await expect(harness.database.prisma.task.findUnique({ where: { id: task.id } })).resolves.toMatchObject({
      plannerId: null,
    });
    const again = await trpcFailure(user.caller.scheduler.planners.byId({ id: planner.id }));
    expect(again.code).toBe("NOT_FOUND");
  });

  it("lists oldest first, in pages, with one statement whatever the page size", async () => {
    const user = await createTestUser(harness.deps);
    for (let i = 1; i <= 60; i += 1) {
      await harness.database.prisma.planner.create({
        data: {
          userId: user.userId,
          name: `Planner ${i}`,
          recurrence: "FREQ=DAILY",
          startDate: new Date("2026-01-01T00:00:00Z"),
          startTime: "09:00",
          minutes: 60,
          timeZone: "UTC",
        },
      });
    }
    const { pool } = harness.database;
    const small = await countQueries(pool, () => user.caller.scheduler.planners.list({ limit: 5 }));
    const large = await countQueries(pool, () => user.caller.scheduler.planners.list({ limit: 50 }));
    expect(small.result.items).toHaveLength(5);
    expect(large.result.items).toHaveLength(50);
    expect(small.queries).toBe(large.queries);
    expect(small.queries).toBe(1);

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await user.caller.scheduler.planners.list({ limit: 25, cursor });
      names.push(...page.items.map((planner) => planner.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `Planner ${i + 1}`));
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
    it("keeps 09:00 Berlin across the DST change: 08:00Z before it, 07:00Z after", async () => {
      const { caller } = await createTestUser(harness.deps);
      const planner = await caller.scheduler.planners.create(WEEKDAYS_NINE_TO_FIVE);
      const windows = await caller.scheduler.planners.windows({
        from: new Date("2026-03-23T00:00:00Z"),
        to: new Date("2026-04-06T00:00:00Z"),
      });
      const days = ["23", "24", "25", "26", "27"];
      const after = ["03-30", "03-31", "04-01", "04-02", "04-03"];
      expect(windows).toEqual([
        ...days.map((day) => ({
          plannerId: planner.id,
          start: new Date(`2026-03-${day}T08:00:00Z`),
          end: new Date(`2026-03-${day}T16:00:00Z`),
        })),
        ...after.map((day) => ({
          plannerId: planner.id,
          start: new Date(`2026-${day}T07:00:00Z`),
          end: new Date(`2026-${day}T15:00:00Z`),
        })),
      ]);
    });

    it("uses the active planners, or the one asked for even when paused, each in its own zone", async () => {
      const { caller } = await createTestUser(harness.deps);
      const berlin = await caller.scheduler.planners.create(WEEKDAYS_NINE_TO_FIVE);
      const kathmandu = await caller.scheduler.planners.create({
        name: "Daily",
        recurrence: "FREQ=DAILY",
        startDate: "2026-03-01",
        startTime: "06:00",
        minutes: 30,
        timeZone: "Asia/Kathmandu",
      });
      const paused = await caller.scheduler.planners.create({ ...WEEKDAYS_NINE_TO_FIVE, active: false });
      const range = { from: new Date("2026-03-23T00:00:00Z"), to: new Date("2026-03-24T00:00:00Z") };

      const all = await caller.scheduler.planners.windows(range);
      expect(all.map((window) => [window.plannerId, window.start.toISOString()])).toEqual([
        [kathmandu.id, "2026-03-23T00:15:00.000Z"],
        [berlin.id, "2026-03-23T08:00:00.000Z"],
      ]);
      const one = await caller.scheduler.planners.windows({ ...range, plannerId: paused.id });
      expect(one).toEqual([
        { plannerId: paused.id, start: new Date("2026-03-23T08:00:00Z"), end: new Date("2026-03-23T16:00:00Z") },
      ]);
    });

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

  describe("one user never reaches another's planner", () => {
    let alice: TestUser;
    let bob: TestUser;
    let plannerId: string;
    beforeAll(async () => {
      ({ alice, bob } = await createTwoUsers(harness.deps));
      plannerId = (await alice.caller.scheduler.planners.create(WEEKDAYS_NINE_TO_FIVE)).id;
    });

    it("answers NOT_FOUND for byId, update, delete and windows, as for an unknown id", async () => {
      for (const id of [plannerId, randomUUID()]) {
        const attempts = [
          () => bob.caller.scheduler.planners.byId({ id }),
          () => bob.caller.scheduler.planners.update({ id, name: "Bob's now" }),
          () => bob.caller.scheduler.planners.delete({ id }),
          () =>
            bob.caller.scheduler.planners.windows({
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
      }
      await expect(alice.caller.scheduler.planners.byId({ id: plannerId })).resolves.toMatchObject({ name: "Work" });
      await expect(bob.caller.scheduler.planners.list()).resolves.toMatchObject({ items: [] });
      await expect(
        bob.caller.scheduler.planners.windows({
          from: new Date("2026-03-23T00:00:00Z"),
          to: new Date("2026-03-30T00:00:00Z"),
        }),
      ).resolves.toEqual([]);
    });
  });
});

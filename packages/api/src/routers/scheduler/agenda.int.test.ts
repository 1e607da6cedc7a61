import { countQueries } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser, createTwoUsers } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

// Monday 2026-06-01 07:00 in Berlin (05:00Z), before the planner's 09:00 window opens.
const NOW = new Date("2026-06-01T05:00:00Z");
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
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

describe("scheduler.tasks.agenda", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function userAtNow() {
    const user = await createTestUser(harness.deps);
    const caller = callerFor({ ...harness.deps, clock: fixedClock(NOW) }, user.session);
    return { user, caller };
  }

  it("lists a split task as its numbered parts and other tasks whole, done ones marked", async () => {
    const { caller } = await userAtNow();
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    await caller.scheduler.planners.create({
      name: "Mornings",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 120,
    });
    const long = await caller.scheduler.tasks.create({ summary: "Write the chapter", minutes: 300, priority: 4 });
    const applied = await caller.scheduler.plan.commit({
      horizonDays: 7,
      options: { bufferMinutes: 0, dailyCapMinutes: null, split: { enabled: true, minChunkMinutes: 60 } },
    });
    const parts = applied.changes[0]?.parts ?? [];
    expect(parts.length).toBeGreaterThan(1);

    const fixed = await caller.scheduler.tasks.create({
      summary: "Dentist",
      startTime: new Date("2026-06-03T14:00:00Z"),
      minutes: 45,
    });
    const done = await caller.scheduler.tasks.create({
      summary: "Call the bank",
      startTime: new Date("2026-06-02T15:00:00Z"),
      minutes: 15,
    });
    await caller.scheduler.tasks.complete({ id: done.id });
    await caller.scheduler.tasks.create({ summary: "Someday" });

    const { entries } = await caller.scheduler.tasks.agenda(WEEK);

    const chapter = entries.filter((entry) => entry.taskId === long.id);
    expect(chapter.map(({ start, end, part, partCount }) => ({ start, end, part, partCount }))).toEqual(
      parts.map((span, index) => ({ ...span, part: index + 1, partCount: parts.length })),
    );
    expect(chapter.every((entry) => entry.priority === 4 && !entry.completed)).toBe(true);
    expect(entries.find((entry) => entry.taskId === fixed.id)).toEqual({
      taskId: fixed.id,
      summary: "Dentist",
      start: new Date("2026-06-03T14:00:00Z"),
      end: new Date("2026-06-03T14:45:00Z"),
      part: 1,
      partCount: 1,
      priority: 0,
      completed: false,
      projectId: null,
    });
    expect(entries.find((entry) => entry.taskId === done.id)).toMatchObject({
      summary: "Call the bank",
      completed: true,
    });
    expect(entries.map((entry) => entry.summary)).not.toContain("Someday");
    const starts = entries.map((entry) => entry.start.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("keeps only what overlaps [from, to), counting parts among all of a task's parts", async () => {
    const { user, caller } = await userAtNow();
    const from = new Date("2026-06-02T00:00:00Z");
    const to = new Date("2026-06-03T00:00:00Z");
    const at = (iso: string, summary: string, minutes: number) =>
      caller.scheduler.tasks.create({ summary, startTime: new Date(iso), minutes });
    await at("2026-06-01T23:30:00Z", "Across midnight", 60);
    await at("2026-06-01T23:00:00Z", "Ends at from", 60);
    await at("2026-06-02T12:00:00Z", "Inside", 30);
    await at("2026-06-03T00:00:00Z", "Starts at to", 30);
    const split = await at("2026-06-01T10:00:00Z", "Split over two days", 60);
    // Parts as a plan would write them: one the day before the range, one inside it.
    await harness.database.prisma.task.update({
      where: { id: split.id },
      data: { endTime: new Date("2026-06-02T10:30:00Z") },
    });
    await harness.database.prisma.taskBlock.createMany({
      data: [
        {
          userId: user.userId,
          taskId: split.id,
          start: new Date("2026-06-01T10:00:00Z"),
          end: new Date("2026-06-01T10:30:00Z"),
        },
        {
          userId: user.userId,
          taskId: split.id,
          start: new Date("2026-06-02T10:00:00Z"),
          end: new Date("2026-06-02T10:30:00Z"),
        },
      ],
    });

    const { entries } = await caller.scheduler.tasks.agenda({ from, to });
    expect(entries.map((entry) => `${entry.summary} ${entry.part}/${entry.partCount}`)).toEqual([
      "Across midnight 1/1",
      "Split over two days 2/2",
      "Inside 1/1",
    ]);
  });

  it("never shows another user's tasks", async () => {
    const { alice, bob } = await createTwoUsers(harness.deps);
    await alice.caller.scheduler.tasks.create({
      summary: "Alice's meeting",
      startTime: new Date("2026-06-02T10:00:00Z"),
      minutes: 30,
    });
    await bob.caller.scheduler.tasks.create({
      summary: "Bob's meeting",
      startTime: new Date("2026-06-02T10:00:00Z"),
      minutes: 30,
    });
    const { entries } = await bob.caller.scheduler.tasks.agenda(WEEK);
    expect(entries.map((entry) => entry.summary)).toEqual(["Bob's meeting"]);
  });

  it("reads the agenda in the same number of queries however many tasks there are", async () => {
    const user = await createTestUser(harness.deps);
    const add = (i: number) =>
      user.caller.scheduler.tasks.create({
        summary: `t${i}`,
        startTime: new Date(WEEK.from.getTime() + DAY + i * HOUR),
        minutes: 30,
      });
    await add(0);
    const one = await countQueries(harness.database.pool, () => user.caller.scheduler.tasks.agenda(WEEK));
    for (let i = 1; i < 8; i++) await add(i);
    const many = await countQueries(harness.database.pool, () => user.caller.scheduler.tasks.agenda(WEEK));
    expect(one.result.entries).toHaveLength(1);
    expect(many.result.entries).toHaveLength(8);
    expect(many.queries).toBe(one.queries);
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

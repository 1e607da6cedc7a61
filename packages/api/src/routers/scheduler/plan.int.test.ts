import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser, type TestUser } from "../../testing/test-users.ts";

// Monday 2026-06-01 07:00 in Berlin (05:00Z); the planner opens at 09:00 local on weekdays.
const NOW = new Date("2026-06-01T05:00:00Z");
const HOUR = 60 * 60 * 1000;

describe("scheduler.plan", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function plannedWeek() {
    const user = await createTestUser(harness.deps);
    const caller = callerFor({ ...harness.deps, clock: fixedClock(NOW) }, user.session);
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    const planner = await caller.scheduler.planners.create({
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 480,
    });
    // A meeting with a fixed time is busy time: 11:00-12:00 local on Monday.
    const meeting = await caller.scheduler.tasks.create({
      summary: "Team meeting",
      startTime: new Date("2026-06-01T09:00:00Z"),
      minutes: 60,
    });
    const tasks = [];
    for (let i = 0; i < 12; i++) {
      tasks.push(
        await caller.scheduler.tasks.create({
          summary: `Task ${i}`,
          minutes: 30 + (i % 4) * 30,
          priority: i % 6,
          ...(i % 5 === 0 ? { dueAt: new Date(NOW.getTime() + (48 + i) * HOUR) } : {}),
        }),
      );
    }
    return { user, caller, planner, meeting, tasks };
  }

  const windowsOf = (caller: ReturnType<typeof callerFor>) =>
    caller.scheduler.planners.windows({ from: NOW, to: new Date(NOW.getTime() + 14 * 24 * HOUR) });

  it("previews a plan without changing anything", async () => {
    const { caller, tasks } = await plannedWeek();
    const preview = await caller.scheduler.plan.preview();
    expect(preview.changes).toHaveLength(12);
    expect(preview.unplaced).toEqual([]);
    expect(preview.changes.every((change) => change.explanation.length > 0)).toBe(true);
    for (const task of tasks) {
      await expect(caller.scheduler.tasks.byId({ id: task.id })).resolves.toMatchObject({ startTime: null });
    }
    await expect(caller.scheduler.plan.runs()).resolves.toEqual([]);
  });

  it("applies: every task inside a window, none overlapping, around the busy meeting; undo restores", async () => {
    const { caller, meeting, tasks } = await plannedWeek();
    const applied = await caller.scheduler.plan.commit();
    expect(applied.run).toMatchObject({ placedCount: 12, unplacedCount: 0, undoneAt: null });

    const windows = await windowsOf(caller);
    const placed = await Promise.all(tasks.map((task) => caller.scheduler.tasks.byId({ id: task.id })));
    const blocks = placed.map((task) => ({
      start: task.startTime as Date,
      end: task.endTime as Date,
      minutes: task.minutes,
    }));
    for (const block of blocks) {
      expect(block.start).not.toBeNull();
      expect(block.end.getTime() - block.start.getTime()).toBe(block.minutes * 60 * 1000);
      expect(block.start.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
      expect(windows.some((w) => w.start <= block.start && block.end <= w.end)).toBe(true);
      const busy = { start: meeting.startTime as Date, end: meeting.endTime as Date };
      expect(block.end <= busy.start || block.start >= busy.end).toBe(true);
    }
    const sorted = [...blocks].sort((a, b) => a.start.getTime() - b.start.getTime());
    sorted.slice(1).forEach((block, i) => {
      expect(block.start.getTime()).toBeGreaterThanOrEqual((sorted[i] as (typeof sorted)[number]).end.getTime());
    });

    const undone = await caller.scheduler.plan.undo({ runId: applied.run.id });
    expect(undone).toMatchObject({ restored: 12, skipped: [] });
    expect(undone.run.undoneAt).not.toBeNull();
    for (const task of tasks) {
      await expect(caller.scheduler.tasks.byId({ id: task.id })).resolves.toMatchObject({
        startTime: null,
        endTime: null,
      });
    }
    const runs = await caller.scheduler.plan.runs();
    expect(runs.map((run) => run.id)).toEqual([applied.run.id]);
  });

  it("undo leaves a task the person edited after the run and says so", async () => {
    const { caller, tasks } = await plannedWeek();
    const applied = await caller.scheduler.plan.commit();
    const edited = tasks[0];
    if (!edited) throw new Error("no task");
    await caller.scheduler.tasks.update({ id: edited.id, summary: "Renamed after planning" });
    const undone = await caller.scheduler.plan.undo({ runId: applied.run.id });
    expect(undone.restored).toBe(11);
    expect(undone.skipped).toEqual([{ taskId: edited.id, summary: "Renamed after planning", reason: "edited_since" }]);
    const kept = await caller.scheduler.tasks.byId({ id: edited.id });
    expect(kept.startTime).not.toBeNull();

    await expect(caller.scheduler.plan.undo({ runId: applied.run.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("splits a task too long for any free slot into parts when asked, keeps the gaps free, and undoes the parts", async () => {
    const user = await createTestUser(harness.deps);
    const caller = callerFor({ ...harness.deps, clock: fixedClock(NOW) }, user.session);
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    await caller.scheduler.planners.create({
      name: "Mornings",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 120,
    });
    const long = await caller.scheduler.tasks.create({ summary: "Write the thesis chapter", minutes: 300 });

    const whole = await caller.scheduler.plan.preview();
    expect(whole.unplaced).toMatchObject([{ taskId: long.id, reason: "no_window_long_enough" }]);

    const split = { bufferMinutes: 0, dailyCapMinutes: null, split: { enabled: true, minChunkMinutes: 60 } };
    const applied = await caller.scheduler.plan.commit({ options: split });
    const [change] = applied.changes;
    const parts = change?.parts ?? [];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.reduce((sum, part) => sum + (part.end.getTime() - part.start.getTime()) / 60_000, 0)).toBe(300);
    expect(parts.every((part) => part.end.getTime() - part.start.getTime() >= 60 * 60_000)).toBe(true);
    const stored = await harness.database.prisma.taskBlock.findMany({
      where: { taskId: long.id },
      orderBy: { start: "asc" },
    });
    expect(stored.map(({ start, end }) => ({ start, end }))).toEqual(parts);

    // The gaps between the parts stay free for other work.
    const short = await caller.scheduler.tasks.create({ summary: "Quick call", minutes: 30 });
    const next = await caller.scheduler.plan.preview();
    const placed = next.changes.find((c) => c.taskId === short.id);
    expect(placed).toBeDefined();
    for (const part of parts) {
      expect((placed?.newEnd as Date) <= part.start || (placed?.newStart as Date) >= part.end).toBe(true);
    }

    await caller.scheduler.plan.undo({ runId: applied.run.id });
    await expect(harness.database.prisma.taskBlock.count({ where: { taskId: long.id } })).resolves.toBe(0);
    await expect(caller.scheduler.tasks.byId({ id: long.id })).resolves.toMatchObject({ startTime: null });
  });

  it("another user's run is NOT_FOUND", async () => {
    const { caller } = await plannedWeek();
    const applied = await caller.scheduler.plan.commit();
    const other: TestUser = await createTestUser(harness.deps);
    await expect(other.caller.scheduler.plan.undo({ runId: applied.run.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { createPlanner, listPlannerWindows, ZCreatePlannerInput, ZPlannerWindowsInput } from "../planners/index.ts";
import {
  completeTask,
  createTask,
  deleteTask,
  getTask,
  updateTask,
  ZCreateTaskInput,
  ZUpdateTaskInput,
} from "../tasks/index.ts";
import { applyPlan, listPlanRuns, previewPlan, undoPlan, ZListPlanRunsInput, ZPlanInput } from "./index.ts";

// Monday 2026-06-01 07:00 in Berlin (05:00Z); the planners open at 09:00 local.
const NOW = new Date("2026-06-01T05:00:00Z");
const HOUR = 60 * 60 * 1000;
const clock = fixedClock(NOW);
const SPLIT = { bufferMinutes: 0, dailyCapMinutes: null, split: { enabled: true, minChunkMinutes: 60 } };

// The business rules of planning (preview, apply, undo, runs), called the way every caller
// (router, re-plan job, script) calls them.
describe("scheduler plan", () => {
  const database = useTestDatabase();

  async function setup() {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    // Inputs go through the schemas the router applies, so defaults are real.
    const createTaskFrom = (raw: Parameters<typeof ZCreateTaskInput.parse>[0]) =>
      createTask({ ...actor, input: ZCreateTaskInput.parse(raw), clock, events });
    return {
      prisma,
      userId: user.id,
      events,
      createTask: createTaskFrom,
      task: (id: string) => getTask({ ...actor, id }),
      updateTask: (raw: Parameters<typeof ZUpdateTaskInput.parse>[0]) =>
        updateTask({ ...actor, input: ZUpdateTaskInput.parse(raw), clock, events }),
      createPlanner: (raw: Parameters<typeof ZCreatePlannerInput.parse>[0]) =>
        createPlanner({ ...actor, input: ZCreatePlannerInput.parse(raw), events }),
      windows: () =>
        listPlannerWindows({
          ...actor,
          input: ZPlannerWindowsInput.parse({ from: NOW, to: new Date(NOW.getTime() + 14 * 24 * HOUR) }),
        }),
      preview: (raw?: Parameters<typeof ZPlanInput.parse>[0]) =>
        previewPlan({ ...actor, input: ZPlanInput.parse(raw), clock }),
      apply: (raw?: Parameters<typeof ZPlanInput.parse>[0]) =>
        applyPlan({ ...actor, input: ZPlanInput.parse(raw), clock, events }),
      undo: (runId: string) => undoPlan({ ...actor, runId, clock, events }),
      completeTask: (id: string) => completeTask({ ...actor, id, clock, events }),
      deleteTask: (id: string) => deleteTask({ ...actor, id, events }),
      runs: () => listPlanRuns({ ...actor, limit: ZListPlanRunsInput.parse({}).limit }),
    };
  }

  async function plannedWeek() {
    const user = await setup();
    await user.createPlanner({
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 480,
    });
    // A meeting with a fixed time is busy time: 11:00-12:00 local on Monday.
    const meeting = await user.createTask({
      summary: "Team meeting",
      startTime: new Date("2026-06-01T09:00:00Z"),
      minutes: 60,
    });
    const tasks = [];
    for (let i = 0; i < 12; i++) {
      tasks.push(
        await user.createTask({
          summary: `Task ${i}`,
          minutes: 30 + (i % 4) * 30,
          priority: i % 6,
          ...(i % 5 === 0 ? { dueAt: new Date(NOW.getTime() + (48 + i) * HOUR) } : {}),
        }),
      );
    }
    return { ...user, meeting, tasks };
  }

  it("previews a plan, with an explanation per change, without changing anything", async () => {
    const { tasks, task, preview, runs } = await plannedWeek();
    const result = await preview();
    expect(result.changes).toHaveLength(12);
    expect(result.unplaced).toEqual([]);
    expect(result.changes.every((change) => change.explanation.length > 0)).toBe(true);
    for (const { id } of tasks) await expect(task(id)).resolves.toMatchObject({ startTime: null });
    await expect(runs()).resolves.toEqual([]);
  });

  it("applies: every task inside a window, none overlapping, around the busy meeting; undo restores", async () => {
    const { meeting, tasks, task, windows, apply, undo, runs } = await plannedWeek();
    const applied = await apply();
    expect(applied.run).toMatchObject({ placedCount: 12, unplacedCount: 0, undoneAt: null });

    const open = await windows();
    const placed = await Promise.all(tasks.map(({ id }) => task(id)));
    const blocks = placed.map((t) => ({ start: t.startTime as Date, end: t.endTime as Date, minutes: t.minutes }));
    for (const block of blocks) {
      expect(block.start).not.toBeNull();
      expect(block.end.getTime() - block.start.getTime()).toBe(block.minutes * 60 * 1000);
      expect(block.start.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
      expect(open.some((w) => w.start <= block.start && block.end <= w.end)).toBe(true);
      const busy = { start: meeting.startTime as Date, end: meeting.endTime as Date };
      expect(block.end <= busy.start || block.start >= busy.end).toBe(true);
    }
    const sorted = [...blocks].sort((a, b) => a.start.getTime() - b.start.getTime());
    sorted.slice(1).forEach((block, i) => {
      expect(block.start.getTime()).toBeGreaterThanOrEqual((sorted[i] as (typeof sorted)[number]).end.getTime());
    });

    const undone = await undo(applied.run.id);
    expect(undone).toMatchObject({ restored: 12, skipped: [] });
    expect(undone.run.undoneAt).toEqual(NOW);
    for (const { id } of tasks) {
      await expect(task(id)).resolves.toMatchObject({ startTime: null, endTime: null });
    }
    expect((await runs()).map((run) => run.id)).toEqual([applied.run.id]);
  });

  it("undo leaves a task the person edited after the run, says so, and refuses a second undo", async () => {
    const { tasks, task, updateTask, apply, undo } = await plannedWeek();
    const applied = await apply();
    const edited = tasks[0];
    if (!edited) throw new Error("no task");
    await updateTask({ id: edited.id, summary: "Renamed after planning" });
    const undone = await undo(applied.run.id);
    expect(undone.restored).toBe(11);
    expect(undone.skipped).toEqual([{ taskId: edited.id, summary: "Renamed after planning", reason: "edited_since" }]);
    expect((await task(edited.id)).startTime).not.toBeNull();

    await expect(undo(applied.run.id)).rejects.toMatchObject({
      kind: "CONFLICT",
      code: "scheduler.plan_run_already_undone",
    });
  });

  it("undo says why each kept task was kept: moved by hand, completed, edited or deleted", async () => {
    const { tasks, task, updateTask, completeTask, deleteTask, apply, undo } = await plannedWeek();
    const applied = await apply();
    // The deleted one comes before others in the list: closing the gap it leaves renumbers them,
    // which is no change of theirs, so undo still puts them back.
    const [deleted, moved, completed, renamed] = tasks;
    if (!moved || !completed || !renamed || !deleted) throw new Error("no tasks");
    const placed = await task(moved.id);
    const laterStart = new Date((placed.startTime as Date).getTime() + 24 * HOUR);
    await updateTask({ id: moved.id, startTime: laterStart });
    await completeTask(completed.id);
    await updateTask({ id: renamed.id, summary: "Renamed since" });
    await deleteTask(deleted.id);

    const undone = await undo(applied.run.id);

    expect(undone.restored).toBe(tasks.length - 4);
    expect(undone.skipped).toEqual(
      expect.arrayContaining([
        { taskId: moved.id, summary: moved.summary, reason: "moved_since" },
        { taskId: completed.id, summary: completed.summary, reason: "completed_since" },
        { taskId: renamed.id, summary: "Renamed since", reason: "edited_since" },
        { taskId: null, summary: "(deleted task)", reason: "deleted" },
      ]),
    );
    expect(undone.skipped).toHaveLength(4);
    // The moved task stays where the person put it.
    expect((await task(moved.id)).startTime).toEqual(laterStart);
  });

  it("splits a task too long for any free slot into parts when asked, keeps the gaps free, and undoes the parts", async () => {
    const { prisma, createPlanner, createTask, task, preview, apply, undo } = await setup();
    await createPlanner({
      name: "Mornings",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 120,
    });
    const long = await createTask({ summary: "Write the thesis chapter", minutes: 300 });

    const whole = await preview();
    expect(whole.unplaced).toMatchObject([{ taskId: long.id, reason: "no_window_long_enough" }]);

    const applied = await apply({ options: SPLIT });
    const parts = applied.changes[0]?.parts ?? [];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.reduce((sum, part) => sum + (part.end.getTime() - part.start.getTime()) / 60_000, 0)).toBe(300);
    expect(parts.every((part) => part.end.getTime() - part.start.getTime() >= 60 * 60_000)).toBe(true);
    const stored = await prisma.taskBlock.findMany({ where: { taskId: long.id }, orderBy: { start: "asc" } });
    expect(stored.map(({ start, end }) => ({ start, end }))).toEqual(parts);

    // The gaps between the parts stay free for other work.
    const short = await createTask({ summary: "Quick call", minutes: 30 });
    const next = await preview();
    const placed = next.changes.find((change) => change.taskId === short.id);
    expect(placed).toBeDefined();
    for (const part of parts) {
      expect((placed?.newEnd as Date) <= part.start || (placed?.newStart as Date) >= part.end).toBe(true);
    }

    await undo(applied.run.id);
    await expect(prisma.taskBlock.count({ where: { taskId: long.id } })).resolves.toBe(0);
    await expect(task(long.id)).resolves.toMatchObject({ startTime: null });
  });

  it("treats another user's run as not found and leaves it as it was", async () => {
    const owner = await plannedWeek();
    const applied = await owner.apply();
    const other = await setup();
    await expect(other.undo(applied.run.id)).rejects.toMatchObject({
      kind: "NOT_FOUND",
      code: "scheduler.plan_run_not_found",
    });
    await expect(other.runs()).resolves.toEqual([]);
    await expect(owner.runs()).resolves.toMatchObject([{ id: applied.run.id, undoneAt: null }]);
  });
});

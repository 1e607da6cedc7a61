import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";

// Monday 1 June 2026, 07:00 in Berlin (05:00Z); the planner opens 09:00-17:00 on weekdays.
const NOW = new Date("2026-06-01T05:00:00Z");
const WEEK_END = new Date("2026-06-08T05:00:00Z");
// Monday 23:59 in Berlin: the first occurrence's deadline.
const MONDAY_EVENING = new Date("2026-06-01T21:59:00Z");
const berlinDay = (date: Date) => date.toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" });
const WEEKDAYS = ["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-05"];

// A repeating task is planned once per occurrence, like a habit: preview, commit,
// completing one occurrence, undoing the completion and undoing the plan.
describe("scheduler.plan with a repeating task", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function personWithStandupNotes() {
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
    const task = await caller.scheduler.tasks.create({
      summary: "Standup notes",
      minutes: 15,
      dueAt: MONDAY_EVENING,
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    });
    const week = async () => (await caller.scheduler.tasks.agenda({ from: NOW, to: WEEK_END })).entries;
    return { caller, task, week };
  }

  it("previews one block per weekday occurrence, each on its own day and named after the task", async () => {
    const { caller, task } = await personWithStandupNotes();
    const preview = await caller.scheduler.plan.preview({ horizonDays: 7 });
    expect(preview.unplaced).toEqual([]);
    expect(preview.changeCount).toBe(5);
    expect(preview.changes.map((change) => [change.taskId, change.summary, berlinDay(change.newStart)])).toEqual(
      WEEKDAYS.map((day) => [task.id, "Standup notes", day]),
    );
    expect(preview.changes.map((change) => change.occurrence?.index ?? null)).toEqual([null, 2, 3, 4, 5]);
    for (const change of preview.changes.slice(1)) {
      expect(berlinDay(change.occurrence?.dueAt ?? NOW)).toBe(berlinDay(change.newStart));
      expect(change.explanation).toMatch(/^Repeats: the \w{3} \d Jun occurrence; /);
    }
  });

  it("commits the blocks, and completing Monday's occurrence hands Tuesday's block to the next one and leaves the rest", async () => {
    const { caller, task, week } = await personWithStandupNotes();
    const applied = await caller.scheduler.plan.commit({ horizonDays: 7 });
    expect(applied.run.placedCount).toBe(5);
    const planned = await week();
    expect(
      planned.map((entry) => [entry.taskId, entry.summary, berlinDay(entry.start), entry.occurrenceIndex]),
    ).toEqual(WEEKDAYS.map((day, i) => [task.id, "Standup notes", day, i === 0 ? undefined : i + 1]));
    const tuesday = planned[1];

    const { next } = await caller.scheduler.tasks.complete({ id: task.id });
    // The next occurrence takes Tuesday's reserved time as the planner's, so a later plan may still move it.
    expect(next).toMatchObject({ startTime: tuesday?.start, endTime: tuesday?.end, occurrenceIndex: 2 });
    const after = await week();
    expect(after.map((entry) => [entry.taskId, entry.start, entry.completed, entry.occurrenceIndex])).toEqual([
      [task.id, planned[0]?.start, true, undefined],
      [next?.id, tuesday?.start, false, undefined],
      ...planned.slice(2).map((entry) => [next?.id, entry.start, false, entry.occurrenceIndex]),
    ]);

    // Nothing is planned twice: the series' time is all taken.
    const again = await caller.scheduler.plan.preview({ horizonDays: 7 });
    expect(again.changes).toEqual([]);
  });

  it("undoing the completion puts the series back as it was planned", async () => {
    const { caller, task, week } = await personWithStandupNotes();
    await caller.scheduler.plan.commit({ horizonDays: 7 });
    const planned = await week();
    const { next } = await caller.scheduler.tasks.complete({ id: task.id });
    // What the web's Undo does: remove the occurrence the completion created, reopen the task.
    await caller.scheduler.tasks.delete({ id: next?.id ?? "" });
    await caller.scheduler.tasks.reopen({ id: task.id });
    expect(await week()).toEqual(planned);
  });

  it("undoing the plan removes every occurrence block it made", async () => {
    const { caller, task, week } = await personWithStandupNotes();
    const applied = await caller.scheduler.plan.commit({ horizonDays: 7 });
    const planned = await week();
    const { next } = await caller.scheduler.tasks.complete({ id: task.id });
    const undone = await caller.scheduler.plan.undo({ runId: applied.run.id });
    expect(undone.skipped).toEqual([{ taskId: task.id, summary: "Standup notes", reason: "completed_since" }]);
    // Monday's stays done and Tuesday's occurrence keeps the time it took over; Wednesday to Friday are free again.
    expect((await week()).map((entry) => [entry.taskId, entry.start])).toEqual([
      [task.id, planned[0]?.start],
      [next?.id, planned[1]?.start],
    ]);
    const replanned = await caller.scheduler.plan.preview({ horizonDays: 7 });
    expect(replanned.changes.map((change) => [change.taskId, change.occurrence?.index])).toEqual([
      [next?.id, 3],
      [next?.id, 4],
      [next?.id, 5],
    ]);
  });

  it("undoing a plan before any completion leaves the task unplanned and no block behind", async () => {
    const { caller, task, week } = await personWithStandupNotes();
    const applied = await caller.scheduler.plan.commit({ horizonDays: 7 });
    const undone = await caller.scheduler.plan.undo({ runId: applied.run.id });
    expect(undone).toMatchObject({ restored: 1, skipped: [] });
    expect(await week()).toEqual([]);
    expect(await caller.scheduler.tasks.byId({ id: task.id })).toMatchObject({ startTime: null });
  });

  it("frees the time kept for later occurrences when the repeat rule changes, and the next plan keeps it anew", async () => {
    const { caller, task, week } = await personWithStandupNotes();
    await caller.scheduler.plan.commit({ horizonDays: 7 });
    await caller.scheduler.tasks.update({ id: task.id, recurrence: "FREQ=WEEKLY;BYDAY=MO,WE,FR" });
    expect((await week()).map((entry) => entry.occurrenceIndex)).toEqual([undefined]);
    const replanned = await caller.scheduler.plan.preview({ horizonDays: 7 });
    expect(replanned.changes.map((change) => [berlinDay(change.newStart), change.occurrence?.index])).toEqual([
      ["2026-06-03", 2],
      ["2026-06-05", 3],
    ]);
  });

  it("shows nobody else the blocks", async () => {
    const { caller } = await personWithStandupNotes();
    await caller.scheduler.plan.commit({ horizonDays: 7 });
    const other = callerFor({ ...harness.deps, clock: fixedClock(NOW) }, (await createTestUser(harness.deps)).session);
    expect((await other.scheduler.tasks.agenda({ from: NOW, to: WEEK_END })).entries).toEqual([]);
  });
});

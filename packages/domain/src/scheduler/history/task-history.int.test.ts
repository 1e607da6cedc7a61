import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { undoPlan } from "../plan/index.ts";
import { deleteTask, reopenTask } from "../tasks/index.ts";
import { schedulerPerson } from "../testing/scheduler-person.ts";
import { listTaskHistory } from "./index.ts";

const NOW = new Date("2026-06-01T05:00:00Z"); // Monday, 07:00 in Berlin
const clock = fixedClock(NOW);

// The Google outcomes (moved, unscheduled, Google's edit replaced) are tested end to end in
// calendars/google/write-back.int.test.ts, against the fake Google over HTTP.
describe("a task's history", () => {
  const database = useTestDatabase();
  const historyOf = async (person: Awaited<ReturnType<typeof schedulerPerson>>, taskId: string) =>
    (await listTaskHistory({ ...person.actor, input: { taskId, limit: 100 } })).items;

  it("says when the task was created, completed and reopened, newest first, at the service's clock", async () => {
    const person = await schedulerPerson(database().prisma, { clock });
    const task = await person.createTask({ summary: "Call", startTime: new Date("2026-06-01T09:00:00Z"), minutes: 30 });
    await person.completeTask(task.id);
    await reopenTask({ ...person.actor, id: task.id, clock, events: person.events });
    // Reopening an open task changes nothing, so it says nothing.
    await reopenTask({ ...person.actor, id: task.id, clock, events: person.events });

    const history = await historyOf(person, task.id);
    expect(history.map((entry) => entry.kind)).toEqual(["reopened", "completed", "created"]);
    expect(history.every((entry) => entry.at.getTime() === NOW.getTime())).toBe(true);
    expect(history[2]?.detail).toEqual({ to: { start: "2026-06-01T09:00:00.000Z", end: "2026-06-01T09:30:00.000Z" } });
  });

  it("starts the next occurrence of a repeating task with its own 'created'", async () => {
    const person = await schedulerPerson(database().prisma, { clock });
    const task = await person.createTask({
      summary: "Stand-up",
      startTime: new Date("2026-06-01T09:00:00Z"),
      recurrence: "FREQ=DAILY",
    });
    const { next } = await person.completeTask(task.id);
    expect((await historyOf(person, next?.id ?? "")).map((entry) => entry.kind)).toEqual(["created"]);
  });

  it("says where a plan put the task and where undoing it put it back", async () => {
    const person = await schedulerPerson(database().prisma, { clock, workHours: true });
    const task = await person.createTask({ summary: "Write report", minutes: 60 });
    const { run } = await person.apply();
    const planned = await person.task(task.id);
    await undoPlan({ ...person.actor, runId: run.id, clock, events: person.events });

    const span = { start: planned.startTime?.toISOString(), end: planned.endTime?.toISOString() };
    expect(await historyOf(person, task.id)).toMatchObject([
      { kind: "plan_undone", detail: { runId: run.id, from: span, to: null } },
      { kind: "planned", detail: { runId: run.id, from: null, to: span } },
      { kind: "created" },
    ]);
  });

  it("is the owner's alone, and goes with the task", async () => {
    const owner = await schedulerPerson(database().prisma, { clock });
    const other = await schedulerPerson(database().prisma, { clock });
    const task = await owner.createTask({ summary: "Mine" });
    await expect(listTaskHistory({ ...other.actor, input: { taskId: task.id } })).rejects.toMatchObject({
      code: "scheduler.task_not_found",
    });
    await deleteTask({ ...owner.actor, id: task.id, events: owner.events });
    expect(await database().prisma.taskHistoryEntry.count({ where: { taskId: task.id } })).toBe(0);
  });
});

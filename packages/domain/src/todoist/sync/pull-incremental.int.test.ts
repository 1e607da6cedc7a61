import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { ZTodoistTaskSnapshot } from "../todoist-snapshot.ts";
import { todoistPuller } from "./testing/todoist-pull-fixture.ts";

const START = "2026-12-07T06:00:00Z";
// Monday 7 December 2026, 07:00 in Berlin.
const clock = fixedClock(START);
const MINUTE_MS = 60_000;

describe("pulling Todoist's changes", () => {
  const database = useTestDatabase();
  let fake: FakeTodoist;

  beforeAll(async () => {
    fake = await startFakeTodoist({ now: () => clock.now() });
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => {
    clock.set(START);
  });

  async function imported() {
    const { prisma } = database();
    const person = await todoistPuller({ prisma, fake, clock });
    const ids = fake.seed(person.email, {
      projects: [
        {
          name: "Work",
          sections: ["Next", "Later"],
          tasks: [{ content: "Write report", priority: 2 }, { content: "Ship it" }],
        },
        { name: "Home", tasks: [{ content: "Water plants", due: { string: "every day" } }, { content: "Old task" }] },
      ],
    });
    await person.pull();
    clock.advance(10 * MINUTE_MS);
    const id = (content: string) => ids.tasks[content] as string;
    return { prisma, person, ids, id };
  }

  it("follows an edit made in Todoist, once", async () => {
    const { person, id } = await imported();
    fake.updateTask(person.email, id("Write report"), {
      content: "Write the report",
      priority: 4,
      due: { date: "2026-12-09T14:00:00", string: "Dec 9 2pm" },
      duration: { amount: 90, unit: "minute" },
      labels: ["focus"],
    });
    const requests = person.client.requestCount;
    const result = await person.pull();
    expect(person.client.requestCount - requests).toBe(1);
    expect(result).toMatchObject({ tasks: 1, created: 0, updated: 1, conflicts: [] });
    const task = await person.taskOf(id("Write report"));
    expect(task).toMatchObject({
      summary: "Write the report",
      priority: 5,
      minutes: 90,
      startTime: new Date("2026-12-09T13:00:00Z"),
      endTime: new Date("2026-12-09T14:30:00Z"),
      labels: ["focus"],
    });
    expect(person.events.recorded.at(-1)).toMatchObject({
      type: { name: "scheduler.task_changed" },
      aggregateId: task.id,
      payload: { fields: expect.arrayContaining(["summary", "priority", "minutes", "startTime", "dueAt"]) },
    });
    const link = await person.link(id("Write report"));
    expect(ZTodoistTaskSnapshot.parse(link.synced).local).toMatchObject({
      summary: "Write the report",
      startTime: "2026-12-09T13:00:00.000Z",
    });
    expect(link.dirty).toBe(false);
    expect(await person.pull()).toMatchObject({ tasks: 0, updated: 0 });
  });

  it("completes, deletes, moves and adds as Todoist did", async () => {
    const { prisma, person, ids, id } = await imported();
    fake.closeTask(person.email, id("Write report"));
    fake.deleteTask(person.email, id("Old task"));
    fake.moveTask(person.email, id("Ship it"), { project_id: ids.projects.Home as string });
    const added = fake.addTask(person.email, { content: "New step", parent_id: id("Ship it") });
    const deletedTaskId = (await person.link(id("Old task"))).taskId;

    const result = await person.pull();
    expect(result).toMatchObject({ created: 1, completed: 1, deleted: 1, updated: 1 });
    expect((await person.taskOf(id("Write report"))).completedAt).toEqual(clock.now());
    expect(await prisma.task.findUnique({ where: { id: deletedTaskId as string } })).toBeNull();
    await expect(person.link(id("Old task"))).rejects.toThrow();
    const home = await prisma.todoistProjectLink.findUniqueOrThrow({
      where: { connectionId_todoistId: { connectionId: person.connectionId, todoistId: ids.projects.Home as string } },
    });
    const ship = await person.taskOf(id("Ship it"));
    expect(ship.projectId).toBe(home.projectId);
    expect(await person.taskOf(added.id)).toMatchObject({
      summary: "New step",
      parentId: ship.id,
      projectId: home.projectId,
    });
    expect(person.events.names()).toEqual(
      expect.arrayContaining(["scheduler.task_completed", "scheduler.task_deleted", "scheduler.task_created"]),
    );
  });

  it("a recurring task ticked in Todoist: the occurrence is completed here and the next one linked, once", async () => {
    const { prisma, person, id } = await imported();
    const before = await person.taskOf(id("Water plants"));
    fake.closeTask(person.email, id("Water plants"));
    fake.clearRequests();

    const result = await person.pull();
    expect(result).toMatchObject({ completed: 1, created: 0 });
    expect(fake.requests.map((request) => request.path)).toEqual([
      "/api/v1/sync",
      "/api/v1/tasks/completed/by_completion_date",
    ]);
    const occurrences = await prisma.task.findMany({
      where: { userId: person.userId, summary: "Water plants" },
      orderBy: { occurrenceIndex: "asc" },
    });
    expect(
      occurrences.map(({ id: taskId, completedAt, previousId }) => ({
        taskId,
        done: completedAt !== null,
        previousId,
      })),
    ).toEqual([
      { taskId: before.id, done: true, previousId: null },
      { taskId: expect.any(String), done: false, previousId: before.id },
    ]);
    const next = await person.taskOf(id("Water plants"));
    expect(next).toMatchObject({
      id: occurrences[1]?.id,
      recurrence: "FREQ=DAILY",
      startAfter: new Date("2026-12-07T23:00:00Z"),
      dueAt: new Date("2026-12-08T22:59:00Z"),
    });
    expect(fake.tasks(person.email).filter((task) => task.content === "Water plants")).toHaveLength(1);

    expect(await person.pull()).toMatchObject({ completed: 0, tasks: 0 });
    expect(await prisma.task.count({ where: { userId: person.userId, summary: "Water plants" } })).toBe(2);
  });

  it("a recurring task moved in Todoist is moved here, not completed", async () => {
    const { prisma, person, id } = await imported();
    const before = await person.taskOf(id("Water plants"));
    fake.updateTask(person.email, id("Water plants"), {
      due: { date: "2026-12-09", string: "every day", is_recurring: true },
    });
    const result = await person.pull();
    expect(result).toMatchObject({ completed: 0, updated: 1 });
    expect(await person.taskOf(id("Water plants"))).toMatchObject({
      id: before.id,
      completedAt: null,
      startAfter: new Date("2026-12-08T23:00:00Z"),
    });
    expect(await prisma.task.count({ where: { userId: person.userId, summary: "Water plants" } })).toBe(1);
  });

  it("a field changed on both sides: Todoist's later change wins", async () => {
    const { prisma, person, id } = await imported();
    const task = await person.taskOf(id("Write report"));
    await prisma.task.update({
      where: { id: task.id },
      data: { summary: "Local title", updatedAt: clock.now() },
    });
    clock.advance(MINUTE_MS);
    fake.updateTask(person.email, id("Write report"), { content: "Remote title" });

    const result = await person.pull();
    expect(result.conflicts).toEqual([
      { taskId: task.id, todoistId: id("Write report"), field: "summary", winner: "todoist" },
    ]);
    expect((await person.taskOf(id("Write report"))).summary).toBe("Remote title");
    const link = await person.link(id("Write report"));
    expect(ZTodoistTaskSnapshot.parse(link.synced).local.summary).toBe("Remote title");
  });

  it("a field changed on both sides: AgendaCraft's later change stays and is left for the push", async () => {
    const { prisma, person, id } = await imported();
    const task = await person.taskOf(id("Write report"));
    fake.updateTask(person.email, id("Write report"), { content: "Remote title", priority: 4 });
    clock.advance(MINUTE_MS);
    await prisma.task.update({ where: { id: task.id }, data: { summary: "Local title", updatedAt: clock.now() } });

    const result = await person.pull();
    expect(result.conflicts).toEqual([
      { taskId: task.id, todoistId: id("Write report"), field: "summary", winner: "agendacraft" },
    ]);
    // The priority changed only in Todoist: it follows.
    expect(await person.taskOf(id("Write report"))).toMatchObject({ summary: "Local title", priority: 5 });
    const link = await person.link(id("Write report"));
    const snapshot = ZTodoistTaskSnapshot.parse(link.synced);
    expect(link.dirty).toBe(true);
    expect(snapshot.remote.content).toBe("Remote title");
    // The agreed local title is still the old one, so the push sees the local change.
    expect(snapshot.local).toMatchObject({ summary: "Write report", priority: 5 });
  });

  it("the same change on both sides is agreement, not a conflict", async () => {
    const { prisma, person, id } = await imported();
    const task = await person.taskOf(id("Write report"));
    await prisma.task.update({ where: { id: task.id }, data: { completedAt: clock.now() } });
    clock.advance(MINUTE_MS);
    fake.closeTask(person.email, id("Write report"));
    const result = await person.pull();
    expect(result).toMatchObject({ conflicts: [], completed: 0, updated: 0 });
    const link = await person.link(id("Write report"));
    expect(ZTodoistTaskSnapshot.parse(link.synced).local.completed).toBe(true);
    expect(person.events.names()).not.toContain("scheduler.task_completed");
  });

  it("a new repeat on the same date is followed", async () => {
    const { person, id } = await imported();
    const before = await person.taskOf(id("Water plants"));
    fake.updateTask(person.email, id("Water plants"), {
      due: { date: "2026-12-07", string: "every 2 days", is_recurring: true },
    });
    await person.pull();
    expect(await person.taskOf(id("Water plants"))).toMatchObject({
      recurrence: "FREQ=DAILY;INTERVAL=2",
      recurrenceText: "every 2 days",
      startAfter: before.startAfter,
      dueAt: before.dueAt,
    });
  });

  it("moves a task to another section: the section label follows", async () => {
    const { person, ids, id } = await imported();
    fake.moveTask(person.email, id("Ship it"), { section_id: ids.sections["Work/Later"] as string });
    await person.pull();
    expect((await person.taskOf(id("Ship it"))).labels).toEqual(["§ Later"]);
  });

  it("lists a repeat it cannot map, in the run that sees it", async () => {
    const { person, id } = await imported();
    fake.updateTask(person.email, id("Ship it"), {
      due: { date: "2026-12-10T09:00:00", string: "every hour", is_recurring: true },
    });
    const result = await person.pull();
    const task = await person.taskOf(id("Ship it"));
    expect(result.unmapped).toEqual([
      { taskId: task.id, todoistId: id("Ship it"), text: "every hour", reason: expect.stringMatching(/every hour/) },
    ]);
    expect(task).toMatchObject({
      recurrence: null,
      recurrenceText: "every hour",
      startTime: new Date("2026-12-10T08:00:00Z"),
    });
    expect((await person.link(id("Ship it"))).unmappedReason).toEqual(expect.any(String));
  });
});

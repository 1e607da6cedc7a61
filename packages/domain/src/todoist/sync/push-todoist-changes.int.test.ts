import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { ZTodoistItem } from "../api/todoist-objects.ts";
import { TodoistUnavailableError } from "../api/todoist-request-errors.ts";
import { localFieldsOf, remoteFieldsOf, ZTodoistTaskSnapshot } from "../todoist-snapshot.ts";
import { ZPushedSnapshot } from "./push/pending-push.ts";
import { todoistPushPerson } from "./push/testing/todoist-push-person.ts";

const NOW = new Date("2026-06-01T05:00:00Z"); // Monday, 07:00 in Berlin
const clock = fixedClock(NOW);
/** Local days in Berlin (UTC+2 in June): where the pull puts a date-only due. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+02:00`);
const dayEnd = (day: string) => new Date(new Date(`${day}T00:00:00+02:00`).getTime() + 24 * 3_600_000 - 1);

describe("pushing local changes of Todoist tasks", () => {
  const database = useTestDatabase();
  let fake: FakeTodoist;

  beforeAll(async () => {
    fake = await startFakeTodoist({ now: () => clock.now() });
  });
  afterAll(async () => {
    await fake?.close();
  });

  const person = () => todoistPushPerson({ prisma: database().prisma, fake, clock, jobs: createRecordingJobs() });
  type Person = Awaited<ReturnType<typeof person>>;

  /** Delivers the person's events, pushes, and answers the push with the sync requests it made. */
  async function pushed(who: Person) {
    await who.deliver();
    const before = who.syncRequests().length;
    const result = await who.push();
    return { ...result, requests: who.syncRequests().slice(before) };
  }

  async function expectAgreed(who: Person, todoistId: string, taskId: string) {
    const link = await who.link(todoistId);
    const task = await database().prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(link).toMatchObject({ taskId, dirty: false });
    expect(ZPushedSnapshot.parse(link?.synced).pending).toBeUndefined();
    expect(ZTodoistTaskSnapshot.parse(link?.synced).local).toEqual(localFieldsOf(task));
    expect(await database().prisma.todoistCommand.count({ where: { connectionId: who.connection.id } })).toBe(0);
  }

  it("sends summary, description, priority, minutes and a date-only due's new day in one item_update", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask(
      { content: "Draft", due: { date: "2026-06-03" } },
      { summary: "Draft", startAfter: dayStart("2026-06-03"), dueAt: dayEnd("2026-06-03") },
    );
    await who.update({
      id: taskId,
      summary: "Draft v2",
      description: "with the numbers",
      priority: 4,
      minutes: 45,
      startAfter: dayStart("2026-06-05"),
      dueAt: dayEnd("2026-06-05"),
    });

    const result = await pushed(who);

    expect(result.pushed).toBe(1);
    expect(result.requests.map((request) => request.commands)).toEqual([["item_update"]]);
    expect(fake.task(who.email, todoistId)).toMatchObject({
      content: "Draft v2",
      description: "with the numbers",
      priority: 3, // P2 high is Todoist's p2
      duration: { amount: 45, unit: "minute" },
      due: { date: "2026-06-05", is_recurring: false },
    });
    await expectAgreed(who, todoistId, taskId);
    // Nothing differs any more: the next push costs no request.
    expect((await pushed(who)).requests).toEqual([]);
  });

  it("maps levels Todoist has no flag for to the next lower one, and sends nothing when Todoist already holds it", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask({ content: "Tidy" }, { summary: "Tidy" });
    await who.update({ id: taskId, priority: 2 }); // "Low": Todoist's p4, which it already has
    const unchanged = await pushed(who);
    expect(unchanged).toMatchObject({ pushed: 0, requests: [] });
    expect((await who.link(todoistId))?.dirty).toBe(false);
    expect(fake.task(who.email, todoistId)?.priority).toBe(1);
  });

  it("writes a start the person chose as a timed due, and a due date into an existing deadline", async () => {
    const who = await person();
    const timed = await who.linkTask({ content: "Call Ana" }, { summary: "Call Ana" });
    const withDeadline = await who.linkTask(
      { content: "Report", deadline: { date: "2026-06-10" } },
      { summary: "Report", dueAt: dayEnd("2026-06-10") },
    );
    await who.update({ id: timed.taskId, startTime: new Date("2026-06-02T08:30:00Z") });
    await who.update({ id: withDeadline.taskId, dueAt: dayEnd("2026-06-12") });

    const result = await pushed(who);

    expect(result.pushed).toBe(2);
    expect(fake.task(who.email, timed.todoistId)?.due).toMatchObject({
      date: "2026-06-02",
      datetime: "2026-06-02T08:30:00Z",
      timezone: "Europe/Berlin",
    });
    expect(fake.task(who.email, withDeadline.todoistId)).toMatchObject({ deadline: { date: "2026-06-12" }, due: null });
    await expectAgreed(who, timed.todoistId, timed.taskId);
    await expectAgreed(who, withDeadline.todoistId, withDeadline.taskId);
  });

  it("does not write the planner's placements into Todoist, and agrees on them without a request", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask({ content: "Read paper" }, { summary: "Read paper" });
    const placed = new Date("2026-06-01T09:00:00Z");
    // As a plan run writes it: the start the planner chose, remembered as its own.
    await database().prisma.task.update({
      where: { id: taskId },
      data: { startTime: placed, endTime: new Date(placed.getTime() + 30 * 60_000), plannedStart: placed },
    });
    await database().prisma.todoistTaskLink.update({
      where: { connectionId_todoistId: { connectionId: who.connection.id, todoistId } },
      data: { dirty: true },
    });

    expect(await pushed(who)).toMatchObject({ pushed: 0, requests: [] });
    expect(fake.task(who.email, todoistId)?.due).toBeNull();
    await expectAgreed(who, todoistId, taskId);
  });

  it("completes and reopens a task in Todoist", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask({ content: "Pay rent" }, { summary: "Pay rent" });
    await who.complete(taskId);
    expect((await pushed(who)).requests.map((request) => request.commands)).toEqual([["item_close"]]);
    expect(fake.task(who.email, todoistId)).toMatchObject({ checked: true });
    await expectAgreed(who, todoistId, taskId);

    await who.reopen(taskId);
    expect((await pushed(who)).requests.map((request) => request.commands)).toEqual([["item_reopen"]]);
    expect(fake.task(who.email, todoistId)).toMatchObject({ checked: false });
    await expectAgreed(who, todoistId, taskId);
  });

  it("completes a recurring task once: Todoist moves the same item, the link follows the series here", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask(
      { content: "Stand-up", due: { string: "every day" } },
      {
        summary: "Stand-up",
        startAfter: dayStart("2026-06-01"),
        dueAt: dayEnd("2026-06-01"),
        recurrence: "FREQ=DAILY",
        recurrenceAnchor: "scheduled",
      },
    );
    expect(fake.task(who.email, todoistId)?.due).toMatchObject({ date: "2026-06-01", is_recurring: true });
    const { next } = await who.complete(taskId);
    expect(next).not.toBeNull();

    const result = await pushed(who);

    expect(result.pushed).toBe(1);
    expect(fake.task(who.email, todoistId)).toMatchObject({ checked: false, due: { date: "2026-06-02" } });
    expect(fake.completions(who.email)).toHaveLength(1);
    const open = await database().prisma.task.findMany({
      where: { userId: who.user.id, summary: "Stand-up", completedAt: null },
    });
    expect(open.map((task) => task.id)).toEqual([next?.id]);
    const link = await who.link(todoistId);
    expect(link?.taskId).toBe(next?.id);
    // Todoist's new due is left for the pull to apply to the new occurrence.
    expect(ZTodoistTaskSnapshot.parse(link?.synced).remote.due?.date).toBe("2026-06-01");
    await expectAgreed(who, todoistId, next?.id as string);
  });

  it("deletes the item in Todoist when the task is deleted here, and drops the link", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask({ content: "Old idea" }, { summary: "Old idea" });
    await who.delete(taskId);
    expect((await pushed(who)).requests.map((request) => request.commands)).toEqual([["item_delete"]]);
    expect(fake.task(who.email, todoistId)).toBeUndefined();
    expect(await who.link(todoistId)).toBeNull();
  });

  it("moves the item to the Todoist project linked to the new project, and not for a project of our own", async () => {
    const who = await person();
    const work = await who.linkProject("Work");
    const { todoistId, taskId } = await who.linkTask({ content: "Plan Q3" }, { summary: "Plan Q3" });
    await who.move({ id: taskId, projectId: work.projectId });
    expect((await pushed(who)).requests.map((request) => request.commands)).toEqual([["item_move"]]);
    expect(fake.task(who.email, todoistId)?.project_id).toBe(work.todoistId);
    await expectAgreed(who, todoistId, taskId);

    await who.move({ id: taskId, projectId: null });
    await pushed(who);
    expect(fake.task(who.email, todoistId)?.project_id).toBe(fake.user(who.email).inbox_project_id);

    const own = await database().prisma.project.create({ data: { userId: who.user.id, name: "Private", order: 9 } });
    await who.move({ id: taskId, projectId: own.id });
    // Todoist has no such project: the item stays where it is, nothing is sent, and the run says why (once).
    const ownMove = await pushed(who);
    expect(ownMove.requests).toEqual([]);
    expect(ownMove.notes).toEqual([
      {
        todoistId,
        taskId,
        note: "Moved here to a project that is not in Todoist: in Todoist it stays in its project.",
      },
    ]);
    expect(fake.task(who.email, todoistId)?.project_id).toBe(fake.user(who.email).inbox_project_id);
  });

  it("keeps commands Todoist did not answer and re-sends the same uuids: a completion is applied once", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask(
      { content: "Water plants", due: { string: "every day" } },
      {
        summary: "Water plants",
        startAfter: dayStart("2026-06-01"),
        dueAt: dayEnd("2026-06-01"),
        recurrence: "FREQ=DAILY",
        recurrenceAnchor: "scheduled",
      },
    );
    const { next } = await who.complete(taskId);
    await who.deliver();
    fake.failNext({ status: 503, path: "/api/v1/sync", times: 3 });
    await expect(who.push()).rejects.toBeInstanceOf(TodoistUnavailableError);
    expect(fake.task(who.email, todoistId)?.due?.date).toBe("2026-06-01");
    const stored = await database().prisma.todoistCommand.findMany({ where: { connectionId: who.connection.id } });
    expect(stored.map((command) => command.type)).toEqual(["item_close"]);

    // Todoist applies them, but its answer is lost on the way back.
    await who.client.sync({
      syncToken: "*",
      resourceTypes: [],
      commands: stored.map(({ uuid, type, args }) => ({ uuid, type, args: args as Record<string, unknown> })),
    });
    expect(fake.task(who.email, todoistId)?.due?.date).toBe("2026-06-02");

    const result = await pushed(who);
    expect(result.requests.map((request) => request.commands)).toEqual([["item_close"]]);
    expect(result.pushed).toBe(1);
    // The same uuid again: Todoist answers ok without moving the series a second day.
    expect(fake.task(who.email, todoistId)?.due?.date).toBe("2026-06-02");
    expect(fake.completions(who.email)).toHaveLength(1);
    expect((await who.link(todoistId))?.taskId).toBe(next?.id);
    await expectAgreed(who, todoistId, next?.id as string);
  });

  it("follows a series completed twice here while the first completion was still on its way", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask(
      { content: "Stretch", due: { string: "every day" } },
      {
        summary: "Stretch",
        startAfter: dayStart("2026-06-01"),
        dueAt: dayEnd("2026-06-01"),
        recurrence: "FREQ=DAILY",
        recurrenceAnchor: "scheduled",
      },
    );
    const first = await who.complete(taskId);
    await who.deliver();
    fake.failNext({ status: 503, path: "/api/v1/sync", times: 3 });
    await expect(who.push()).rejects.toBeInstanceOf(TodoistUnavailableError);
    const second = await who.complete(first.next?.id as string);

    await pushed(who);
    expect(await who.link(todoistId)).toMatchObject({ taskId: first.next?.id, dirty: true });
    await pushed(who);

    expect(fake.task(who.email, todoistId)?.due?.date).toBe("2026-06-03");
    expect(fake.completions(who.email)).toHaveLength(2);
    await expectAgreed(who, todoistId, second.next?.id as string);
    const open = await database().prisma.task.findMany({
      where: { userId: who.user.id, summary: "Stretch", completedAt: null },
    });
    expect(open.map((task) => task.id)).toEqual([second.next?.id]);
  });

  it("sends at most 100 commands per request", async () => {
    const who = await person();
    const { prisma } = database();
    // Linked in bulk, as an import leaves them, then changed here.
    const created = Array.from({ length: 101 }, (_, index) => fake.addTask(who.email, { content: `Task ${index}` }));
    const tasks = await prisma.task.createManyAndReturn({
      data: created.map((item, index) => ({ userId: who.user.id, summary: item.content, order: index + 1 })),
    });
    const items = new Map(created.map((item) => [item.content, item]));
    await prisma.todoistTaskLink.createMany({
      data: tasks.map((task) => {
        const item = ZTodoistItem.parse(items.get(task.summary));
        return {
          connectionId: who.connection.id,
          todoistId: item.id,
          taskId: task.id,
          synced: { remote: remoteFieldsOf(item), local: localFieldsOf(task) },
          dirty: true,
        };
      }),
    });
    await prisma.task.updateMany({ where: { userId: who.user.id }, data: { description: "renamed in bulk" } });

    const result = await pushed(who);

    expect(result.pushed).toBe(101);
    expect(result.requests.map((request) => request.commands?.length)).toEqual([100, 1]);
    expect(fake.tasks(who.email).filter((task) => task.description === "renamed in bulk")).toHaveLength(101);
  });

  it("notes a change Todoist refuses and does not send it again", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask({ content: "Name me" }, { summary: "Name me" });
    // Blank content is refused by Todoist (no service here writes one; an older import could have).
    await database().prisma.task.update({ where: { id: taskId }, data: { summary: " " } });
    await database().prisma.todoistTaskLink.update({
      where: { connectionId_todoistId: { connectionId: who.connection.id, todoistId } },
      data: { dirty: true },
    });

    const result = await pushed(who);

    expect(result).toMatchObject({
      pushed: 0,
      notes: [{ todoistId, taskId, note: expect.stringContaining("refused") }],
    });
    expect(fake.task(who.email, todoistId)?.content).toBe("Name me");
    const snapshot = ZTodoistTaskSnapshot.parse((await who.link(todoistId))?.synced);
    expect(snapshot).toMatchObject({ local: { summary: " " }, remote: { content: "Name me" } });
    expect(await database().prisma.todoistCommand.count({ where: { connectionId: who.connection.id } })).toBe(0);
    expect((await pushed(who)).requests).toEqual([]);
  });

  it("unlinks a task whose item is gone from Todoist, with a note", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask({ content: "Gone" }, { summary: "Gone" });
    fake.deleteTask(who.email, todoistId);
    await who.update({ id: taskId, summary: "Gone?" });
    const result = await pushed(who);
    expect(result).toMatchObject({
      pushed: 0,
      notes: [{ todoistId, taskId, note: expect.stringContaining("no longer") }],
    });
    expect(await who.link(todoistId)).toBeNull();
    expect(await database().prisma.task.findUnique({ where: { id: taskId } })).not.toBeNull();
  });
});

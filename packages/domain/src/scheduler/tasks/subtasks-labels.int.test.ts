import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { TaskChanged, TaskDeleted } from "../events.ts";
import { createProject, deleteProject, getProject, listProjects } from "../projects/index.ts";
import {
  completeTask,
  createTask,
  deleteTask,
  getTask,
  listTasks,
  updateTask,
  ZCreateTaskInput,
  ZListTasksInput,
  ZUpdateTaskInput,
} from "./index.ts";

const NOW = new Date("2026-06-01T09:00:00Z");
const clock = fixedClock(NOW);

describe("sub-tasks, labels and the Todoist mark", () => {
  const database = useTestDatabase();

  async function setup() {
    const { prisma } = database();
    const user = await createUser(prisma);
    const events = createRecordingEvents();
    const create = (raw: Parameters<typeof ZCreateTaskInput.parse>[0], actorId = user.id) =>
      createTask({ db: prisma, actorId, input: ZCreateTaskInput.parse(raw), clock, events });
    const update = (raw: Parameters<typeof ZUpdateTaskInput.parse>[0]) =>
      updateTask({ db: prisma, actorId: user.id, input: ZUpdateTaskInput.parse(raw), clock, events });
    const orders = async (projectId: string | null) =>
      (
        await prisma.task.findMany({
          where: { userId: user.id, projectId },
          orderBy: { order: "asc" },
          select: { summary: true, order: true },
        })
      ).map((task) => `${task.order}:${task.summary}`);
    return { prisma, user, events, create, update, orders };
  }

  describe("parentId", () => {
    it("creates a sub-task in its parent's project unless told otherwise", async () => {
      const { user, create } = await setup();
      const project = await createProject({ db: database().prisma, actorId: user.id, input: { name: "Home" } });
      const parent = await create({ summary: "Move house", projectId: project.id });
      const step = await create({ summary: "Pack books", parentId: parent.id });
      expect(step).toMatchObject({ parentId: parent.id, projectId: project.id, areaId: null });
      const inbox = await create({ summary: "Call the bank" });
      const filed = await create({ summary: "Pack kitchen", parentId: inbox.id, projectId: project.id });
      expect(filed).toMatchObject({ parentId: inbox.id, projectId: project.id });
      expect((await getTask({ db: database().prisma, actorId: user.id, id: parent.id })).parentId).toBeNull();
    });

    it("hangs a task chosen under a sub-task under that sub-task's top task (one level only)", async () => {
      const { create, update } = await setup();
      const top = await create({ summary: "Trip" });
      const step = await create({ summary: "Book flights", parentId: top.id });
      const under = await create({ summary: "Compare prices", parentId: step.id });
      expect(under.parentId).toBe(top.id);
      const other = await create({ summary: "Pack" });
      const moved = await update({ id: other.id, parentId: step.id });
      expect(moved.parentId).toBe(top.id);
    });

    it("refuses a parent that is not the actor's own, like a missing one", async () => {
      const { prisma, create, update } = await setup();
      const stranger = await createUser(prisma);
      const theirs = await create({ summary: "Their task" }, stranger.id);
      const error = { kind: "NOT_FOUND", code: "scheduler.task_not_found", details: { field: "parentId" } };
      await expect(create({ summary: "Mine", parentId: theirs.id })).rejects.toMatchObject(error);
      const mine = await create({ summary: "Mine" });
      await expect(update({ id: mine.id, parentId: theirs.id })).rejects.toMatchObject(error);
      await expect(update({ id: mine.id, parentId: "019a0000-0000-7000-8000-000000000000" })).rejects.toMatchObject(
        error,
      );
    });

    it("refuses a task as its own parent, and a task with sub-tasks as a sub-task", async () => {
      const { create, update } = await setup();
      const top = await create({ summary: "Trip" });
      const step = await create({ summary: "Book flights", parentId: top.id });
      const other = await create({ summary: "Holiday" });
      await expect(update({ id: top.id, parentId: top.id })).rejects.toMatchObject({
        kind: "INVALID",
        code: "scheduler.task_own_parent",
      });
      await expect(update({ id: top.id, parentId: other.id })).rejects.toMatchObject({
        kind: "INVALID",
        code: "scheduler.task_has_subtasks",
      });
      // Under its own sub-task it would flatten onto itself: refused the same way.
      await expect(update({ id: top.id, parentId: step.id })).rejects.toMatchObject({
        code: "scheduler.task_has_subtasks",
      });
      expect((await update({ id: top.id, summary: "Trip to Rome" })).parentId).toBeNull();
    });

    it("makes a sub-task a top task again with null and names parentId in TaskChanged", async () => {
      const { events, create, update } = await setup();
      const top = await create({ summary: "Trip" });
      const step = await create({ summary: "Book flights", parentId: top.id });
      events.recorded.length = 0;
      const freed = await update({ id: step.id, parentId: null });
      expect(freed.parentId).toBeNull();
      expect(events.recorded).toEqual([
        expect.objectContaining({ type: TaskChanged, aggregateId: step.id, payload: { fields: ["parentId"] } }),
      ]);
    });

    it("keeps the parent and labels on the next occurrence of a repeating sub-task", async () => {
      const { prisma, user, create } = await setup();
      const top = await create({ summary: "Garden" });
      const step = await create({
        summary: "Water plants",
        parentId: top.id,
        labels: ["outside"],
        dueAt: new Date("2026-06-02T09:00:00Z"),
        recurrence: "FREQ=WEEKLY",
      });
      await prisma.task.update({ where: { id: step.id }, data: { recurrenceText: "every week" } });
      const { next } = await completeTask({
        db: prisma,
        actorId: user.id,
        id: step.id,
        clock,
        events: createRecordingEvents(),
      });
      expect(next).toMatchObject({ parentId: top.id, labels: ["outside"], recurrenceText: "every week" });
    });
  });

  describe("labels", () => {
    it("trims labels, keeps each once and replaces them on update", async () => {
      const { events, create, update } = await setup();
      const task = await create({ summary: "Call", labels: [" phone ", "work", "phone"] });
      expect(task.labels).toEqual(["phone", "work"]);
      events.recorded.length = 0;
      expect((await update({ id: task.id, labels: ["home"] })).labels).toEqual(["home"]);
      expect(events.recorded.map((event) => event.payload)).toEqual([{ fields: ["labels"] }]);
      events.recorded.length = 0;
      // The same labels again change nothing, so nothing is recorded.
      await update({ id: task.id, labels: ["home", "home"] });
      expect(events.recorded).toEqual([]);
      expect((await create({ summary: "No labels" })).labels).toEqual([]);
    });

    it("refuses empty labels, labels over 60 characters and more than 20 labels", () => {
      const issues = (labels: string[]) =>
        ZCreateTaskInput.safeParse({ summary: "x", labels }).error?.issues.map((issue) => issue.message);
      expect(issues(["  "])).toEqual(["A label cannot be empty"]);
      expect(issues(["x".repeat(61)])).toEqual(["Keep each label under 61 characters"]);
      expect(issues(["x".repeat(60)])).toBeUndefined();
      expect(issues(Array.from({ length: 21 }, (_, i) => `l${i}`))).toEqual(["A task has at most 20 labels"]);
      expect(issues(Array.from({ length: 20 }, (_, i) => `l${i}`))).toBeUndefined();
    });
  });

  describe("recurrenceText", () => {
    it("keeps the source's wording until the person changes the repeat", async () => {
      const { prisma, create, update } = await setup();
      const task = await create({
        summary: "Review",
        dueAt: new Date("2026-06-02T09:00:00Z"),
        recurrence: "FREQ=WEEKLY;INTERVAL=2",
      });
      await prisma.task.update({ where: { id: task.id }, data: { recurrenceText: "every other week" } });
      expect((await update({ id: task.id, summary: "Review plans" })).recurrenceText).toBe("every other week");
      expect((await update({ id: task.id, recurrence: "FREQ=WEEKLY;INTERVAL=2" })).recurrenceText).toBe(
        "every other week",
      );
      expect((await update({ id: task.id, recurrence: "FREQ=WEEKLY" })).recurrenceText).toBeNull();
    });

    it("is not an input", () => {
      const parsed = ZUpdateTaskInput.parse({ id: "019a0000-0000-7000-8000-000000000000", recurrenceText: "daily" });
      expect(parsed).not.toHaveProperty("recurrenceText");
    });
  });

  describe("todoistId", () => {
    it("is the linked Todoist task's or project's id, null otherwise", async () => {
      const { prisma, user, create } = await setup();
      const project = await createProject({ db: prisma, actorId: user.id, input: { name: "Work" } });
      const linked = await create({ summary: "From Todoist", projectId: project.id });
      await create({ summary: "Local", projectId: project.id });
      expect(linked.todoistId).toBeNull();
      expect(project.todoistId).toBeNull();

      const connection = await prisma.todoistConnection.create({
        data: {
          userId: user.id,
          todoistUserId: "u1",
          email: "ada@example.com",
          name: "Ada",
          authKind: "token",
          accessToken: "sealed",
        },
      });
      await prisma.todoistTaskLink.create({
        data: { connectionId: connection.id, todoistId: "td-task-1", taskId: linked.id, synced: {} },
      });
      await prisma.todoistProjectLink.create({
        data: { connectionId: connection.id, todoistId: "td-project-1", projectId: project.id, name: "Work" },
      });

      const page = await listTasks({
        db: prisma,
        actorId: user.id,
        input: ZListTasksInput.parse({ projectId: project.id }),
      });
      expect(page.items.map((task) => [task.summary, task.todoistId])).toEqual([
        ["From Todoist", "td-task-1"],
        ["Local", null],
      ]);
      expect(page.items[0]).not.toHaveProperty("todoistLink");
      expect((await getTask({ db: prisma, actorId: user.id, id: linked.id })).todoistId).toBe("td-task-1");
      expect((await getProject({ db: prisma, actorId: user.id, input: { id: project.id } })).todoistId).toBe(
        "td-project-1",
      );
      const projects = await listProjects({
        db: prisma,
        actorId: user.id,
        input: { limit: 10, includeArchived: false },
      });
      expect(projects.items.map((each) => each.todoistId)).toEqual(["td-project-1"]);
    });
  });

  describe("deleting a parent", () => {
    it("deletes its sub-tasks, records TaskDeleted for each and keeps orders contiguous", async () => {
      const { prisma, user, events, create, orders } = await setup();
      const project = await createProject({ db: prisma, actorId: user.id, input: { name: "Home" } });
      await create({ summary: "A" });
      const top = await create({ summary: "Top" });
      const inInbox = await create({ summary: "Step 1", parentId: top.id });
      await create({ summary: "B" });
      const inProject = await create({ summary: "Step 2", parentId: top.id, projectId: project.id });
      await create({ summary: "C", projectId: project.id });
      const done = await create({ summary: "Step 3", parentId: top.id });
      await completeTask({ db: prisma, actorId: user.id, id: done.id, clock, events });
      events.recorded.length = 0;

      await deleteTask({ db: prisma, actorId: user.id, id: top.id, events });

      expect(await orders(null)).toEqual(["1:A", "2:B"]);
      expect(await orders(project.id)).toEqual(["1:C"]);
      expect(
        events.recorded
          .filter((event) => event.type === TaskDeleted)
          .map((event) => event.aggregateId)
          .sort(),
      ).toEqual([top.id, inInbox.id, inProject.id, done.id].sort());
    });

    it("with its project keeps a sub-task filed in another project, as a top task", async () => {
      const { prisma, user, create, orders } = await setup();
      const doomed = await createProject({ db: prisma, actorId: user.id, input: { name: "Old" } });
      const kept = await createProject({ db: prisma, actorId: user.id, input: { name: "Kept" } });
      const top = await create({ summary: "Top", projectId: doomed.id });
      await create({ summary: "Same project", parentId: top.id });
      const elsewhere = await create({ summary: "Elsewhere", parentId: top.id, projectId: kept.id });
      const inbox = await create({ summary: "Inbox step", parentId: top.id });
      await prisma.task.update({ where: { id: inbox.id }, data: { projectId: null, order: 1 } });

      const result = await deleteProject({ db: prisma, actorId: user.id, input: { id: doomed.id } });
      expect(result.deletedTasks).toBe(2);
      expect(await orders(kept.id)).toEqual(["1:Elsewhere"]);
      expect((await getTask({ db: prisma, actorId: user.id, id: elsewhere.id })).parentId).toBeNull();
      expect((await getTask({ db: prisma, actorId: user.id, id: inbox.id })).parentId).toBeNull();
    });
  });
});

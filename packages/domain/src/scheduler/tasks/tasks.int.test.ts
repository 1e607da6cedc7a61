import { countQueries, useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { TaskCreated } from "../events.ts";
import {
  completeTask,
  createTask,
  deleteTask,
  getTask,
  listTasks,
  moveTask,
  reopenTask,
  updateTask,
  ZCreateTaskInput,
  ZListTasksInput,
} from "./index.ts";

const NOW = new Date("2026-06-01T09:00:00Z");
const HOUR = 60 * 60 * 1000;
const clock = fixedClock(NOW);
const silentLog = { warn: () => undefined };

// The business rules of tasks, called the way every caller (router, job, script) calls them.
describe("scheduler tasks", () => {
  const database = useTestDatabase();

  async function setup() {
    const { prisma } = database();
    const user = await createUser(prisma);
    const events = createRecordingEvents();
    // Inputs go through the same schema the router applies, so defaults and trimming are real.
    const create = (raw: Parameters<typeof ZCreateTaskInput.parse>[0]) =>
      createTask({ db: prisma, actorId: user.id, input: ZCreateTaskInput.parse(raw), clock, events });
    const complete = (id: string) => completeTask({ db: prisma, actorId: user.id, id, clock, events });
    const list = (raw: Parameters<typeof ZListTasksInput.parse>[0]) =>
      listTasks({ db: prisma, actorId: user.id, input: ZListTasksInput.parse(raw), log: silentLog });
    const orders = async (projectId: string | null) =>
      (
        await prisma.task.findMany({
          where: { userId: user.id, projectId },
          orderBy: { order: "asc" },
          select: { summary: true, order: true },
        })
      ).map((task) => `${task.order}:${task.summary}`);
    const newProject = (name = "Project") => prisma.project.create({ data: { userId: user.id, name, order: 1 } });
    return { prisma, user, events, create, complete, list, orders, newProject };
  }

  describe("create", () => {
    it("numbers tasks 1, 2, 3 within their project, separately from the inbox", async () => {
      const { create, orders, newProject } = await setup();
      const project = await newProject();
      for (const summary of ["a", "b", "c"]) await create({ summary, projectId: project.id });
      await create({ summary: "inbox" });
      expect(await orders(project.id)).toEqual(["1:a", "2:b", "3:c"]);
      expect(await orders(null)).toEqual(["1:inbox"]);
    });

    it("hands out distinct, gapless orders to concurrent creates", async () => {
      const { create, orders } = await setup();
      await Promise.all(Array.from({ length: 10 }, (_, i) => create({ summary: `t${i}` })));
      const numbers = (await orders(null)).map((entry) => Number(entry.split(":")[0]));
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it("fills defaults and derives the end from start + minutes", async () => {
      const { create, events } = await setup();
      const start = new Date(NOW.getTime() + HOUR);
      const task = await create({ summary: "  write report  ", startTime: start, minutes: 45 });
      expect(task).toMatchObject({
        summary: "write report",
        priority: 0,
        minutes: 45,
        description: "",
        completedAt: null,
      });
      expect(task.endTime).toEqual(new Date(start.getTime() + 45 * 60 * 1000));
      expect(events.names()).toEqual([TaskCreated.name]);
    });

    it("refuses a start time in the past with scheduler.start_in_past and writes nothing", async () => {
      const { prisma, user, create } = await setup();
      await expect(create({ summary: "late", startTime: new Date(NOW.getTime() - 60_000) })).rejects.toMatchObject({
        kind: "INVALID",
        code: "scheduler.start_in_past",
      });
      await expect(prisma.task.count({ where: { userId: user.id } })).resolves.toBe(0);
    });

    it("treats another user's project as not found and writes nothing", async () => {
      const { prisma } = database();
      const owner = await setup();
      const other = await setup();
      const project = await owner.newProject();
      await expect(other.create({ summary: "x", projectId: project.id })).rejects.toMatchObject({
        kind: "NOT_FOUND",
        code: "scheduler.project_not_found",
      });
      await expect(prisma.task.count({ where: { userId: other.user.id } })).resolves.toBe(0);
    });
  });

  describe("list", () => {
    it("filters by project, completion, schedule, priority, text and due date", async () => {
      const { create, complete, list, newProject } = await setup();
      const project = await newProject();
      const inProject = await create({ summary: "Quarterly report", projectId: project.id, priority: 4 });
      const scheduled = await create({ summary: "Call Bob", startTime: new Date(NOW.getTime() + 2 * HOUR) });
      const due = await create({
        summary: "Pay rent",
        description: "landlord REPORT",
        dueAt: new Date(NOW.getTime() + 24 * HOUR),
      });
      const done = await create({ summary: "Done already" });
      await complete(done.id);

      const ids = async (input: Parameters<typeof list>[0]) => (await list(input)).items.map((t) => t.id).sort();
      expect(await ids({ projectId: project.id })).toEqual([inProject.id]);
      expect(await ids({ projectId: null })).toEqual([scheduled.id, due.id].sort());
      expect(await ids({ isComplete: true })).toEqual([done.id]);
      expect(await ids({ scheduled: true })).toEqual([scheduled.id]);
      expect(await ids({ view: "schedulable" })).toEqual([inProject.id, due.id].sort());
      expect(await ids({ view: "high_priority" })).toEqual([inProject.id]);
      expect(await ids({ q: "report" })).toEqual([inProject.id, due.id].sort());
      expect(await ids({ dueBefore: new Date(NOW.getTime() + 48 * HOUR) })).toEqual([due.id]);
      expect(await ids({ startFrom: NOW, startTo: new Date(NOW.getTime() + 3 * HOUR) })).toEqual([scheduled.id]);
    });

    it("pages through every task once, in order, with a fixed number of queries per page", async () => {
      const { create, list } = await setup();
      for (let i = 0; i < 12; i++) {
        await create({
          summary: `task ${i}`,
          ...(i % 3 === 0 ? { startTime: new Date(NOW.getTime() + (12 - i) * HOUR) } : {}),
        });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ limit: 5, cursor });
        seen.push(...page.items.map((task) => task.summary));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `task ${i}`));

      const small = await countQueries(database().pool, () => list({ limit: 2 }));
      const large = await countQueries(database().pool, () => list({ limit: 200 }));
      expect(small.result.items).toHaveLength(2);
      expect(large.result.items).toHaveLength(12);
      expect(large.queries).toBe(small.queries);
    });

    it("refuses a tampered cursor with common.invalid_cursor", async () => {
      const { list } = await setup();
      await expect(list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
        kind: "INVALID",
        code: "common.invalid_cursor",
      });
    });
  });

  describe("complete", () => {
    it("completes a one-off task and creates nothing more", async () => {
      const { create, complete } = await setup();
      const task = await create({ summary: "once" });
      const result = await complete(task.id);
      expect(result.task.completedAt).toEqual(NOW);
      expect(result.next).toBeNull();
    });

    it("creates the next daily occurrence one day later, exactly once across retries and races", async () => {
      const { prisma, user, create, complete } = await setup();
      const start = new Date(NOW.getTime() + HOUR);
      const task = await create({ summary: "stand-up", startTime: start, minutes: 15, recurrence: "FREQ=DAILY" });
      const [first, second] = await Promise.all([complete(task.id), complete(task.id)]);
      expect(first.next?.startTime).toEqual(new Date(start.getTime() + 24 * HOUR));
      expect(first.next?.endTime).toEqual(new Date(start.getTime() + 24 * HOUR + 15 * 60 * 1000));
      expect(second.next?.id).toBe(first.next?.id);
      const retry = await complete(task.id);
      expect(retry.next?.id).toBe(first.next?.id);
      await expect(prisma.task.count({ where: { userId: user.id, summary: "stand-up" } })).resolves.toBe(2);
      expect(first.next).toMatchObject({ occurrenceIndex: 2, previousId: task.id, completedAt: null });
    });

    it("stops when the rule's COUNT is used up", async () => {
      const { create, complete } = await setup();
      const task = await create({
        summary: "twice",
        dueAt: new Date(NOW.getTime() + HOUR),
        recurrence: "FREQ=WEEKLY;COUNT=2",
      });
      const { next } = await complete(task.id);
      expect(next?.dueAt).toEqual(new Date(NOW.getTime() + HOUR + 7 * 24 * HOUR));
      const last = await complete(next?.id ?? "");
      expect(last.next).toBeNull();
    });

    it("reopens a completed task", async () => {
      const { prisma, user, events, create, complete } = await setup();
      const task = await create({ summary: "again" });
      await complete(task.id);
      await expect(reopenTask({ db: prisma, actorId: user.id, id: task.id, clock, events })).resolves.toMatchObject({
        completedAt: null,
      });
    });
  });

  describe("move and delete", () => {
    it("moves before and after other tasks and across projects, keeping 1..n everywhere", async () => {
      const { prisma, user, events, create, orders, newProject } = await setup();
      const project = await newProject();
      const move = (input: Parameters<typeof moveTask>[0]["input"]) =>
        moveTask({ db: prisma, actorId: user.id, input, events });
      const [a, b, c] = [
        await create({ summary: "a" }),
        await create({ summary: "b" }),
        await create({ summary: "c" }),
      ];
      const p1 = await create({ summary: "p1", projectId: project.id });

      await move({ id: c.id, beforeId: a.id });
      expect(await orders(null)).toEqual(["1:c", "2:a", "3:b"]);
      await move({ id: c.id, afterId: b.id });
      expect(await orders(null)).toEqual(["1:a", "2:b", "3:c"]);
      await move({ id: a.id, beforeId: p1.id });
      expect(await orders(null)).toEqual(["1:b", "2:c"]);
      expect(await orders(project.id)).toEqual(["1:a", "2:p1"]);
      await move({ id: p1.id, projectId: null });
      expect(await orders(null)).toEqual(["1:b", "2:c", "3:p1"]);
      expect(await orders(project.id)).toEqual(["1:a"]);

      await deleteTask({ db: prisma, actorId: user.id, id: b.id, events });
      expect(await orders(null)).toEqual(["1:c", "2:p1"]);
    });
  });

  it("update changes fields, re-derives the end, and refuses a past start", async () => {
    const { prisma, user, events, create } = await setup();
    const update = (input: Parameters<typeof updateTask>[0]["input"]) =>
      updateTask({ db: prisma, actorId: user.id, input, clock, events });
    const task = await create({ summary: "draft", startTime: new Date(NOW.getTime() + HOUR) });
    const updated = await update({ id: task.id, minutes: 90, priority: 5 });
    expect(updated.endTime).toEqual(new Date(NOW.getTime() + HOUR + 90 * 60 * 1000));
    const unscheduled = await update({ id: task.id, startTime: null });
    expect(unscheduled).toMatchObject({ startTime: null, endTime: null });
    await expect(update({ id: task.id, startTime: new Date(NOW.getTime() - HOUR) })).rejects.toMatchObject({
      kind: "INVALID",
      code: "scheduler.start_in_past",
    });
    await expect(getTask({ db: prisma, actorId: user.id, id: task.id })).resolves.toMatchObject({
      priority: 5,
      startTime: null,
    });
  });
});

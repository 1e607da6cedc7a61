import { countQueries } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createTestUser, type TestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

const NOW = new Date("2026-06-01T09:00:00Z"); // the test deps' fixed clock
const HOUR = 60 * 60 * 1000;

describe("scheduler.tasks", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const newProject = (user: TestUser, name = "Project") =>
    harness.database.prisma.project.create({ data: { userId: user.userId, name, order: 1 } });
  const orders = async (user: TestUser, projectId: string | null) =>
    (
      await harness.database.prisma.task.findMany({
        where: { userId: user.userId, projectId },
        orderBy: { order: "asc" },
        select: { summary: true, order: true },
      })
    ).map((task) => `${task.order}:${task.summary}`);

  describe("create", () => {
    it("numbers tasks 1, 2, 3 within their project, separately from the inbox", async () => {
      const user = await createTestUser(harness.deps);
      const project = await newProject(user);
      const tasks = user.caller.scheduler.tasks;
      for (const summary of ["a", "b", "c"]) await tasks.create({ summary, projectId: project.id });
      await tasks.create({ summary: "inbox" });
      expect(await orders(user, project.id)).toEqual(["1:a", "2:b", "3:c"]);
      expect(await orders(user, null)).toEqual(["1:inbox"]);
    });

    it("hands out distinct, gapless orders to concurrent creates", async () => {
      const user = await createTestUser(harness.deps);
      await Promise.all(Array.from({ length: 10 }, (_, i) => user.caller.scheduler.tasks.create({ summary: `t${i}` })));
      const numbers = (await orders(user, null)).map((entry) => Number(entry.split(":")[0]));
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it("fills defaults and derives the end from start + minutes", async () => {
      const user = await createTestUser(harness.deps);
      const start = new Date(NOW.getTime() + HOUR);
      const task = await user.caller.scheduler.tasks.create({
        summary: "  write report  ",
        startTime: start,
        minutes: 45,
      });
      expect(task).toMatchObject({
        summary: "write report",
        priority: 0,
        minutes: 45,
        description: "",
        completedAt: null,
      });
      expect(task.endTime).toEqual(new Date(start.getTime() + 45 * 60 * 1000));
    });

    it("refuses a start time in the past with scheduler.start_in_past", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(
        user.caller.scheduler.tasks.create({ summary: "late", startTime: new Date(NOW.getTime() - 60_000) }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "scheduler.start_in_past" });
    });

    it.each([
      ["an empty summary", { summary: "   " }, "summary"],
      ["priority 9", { summary: "x", priority: 9 }, "priority"],
      ["0 minutes", { summary: "x", minutes: 0 }, "minutes"],
      ["600 minutes", { summary: "x", minutes: 600 }, "minutes"],
      ["a malformed rule", { summary: "x", dueAt: NOW, recurrence: "FREQ=SOMETIMES" }, "recurrence"],
    ])("rejects %s by field and writes nothing", async (_case, input, field) => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(user.caller.scheduler.tasks.create(input as never));
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.cause as ZodError).issues.map((issue) => issue.path.join("."))).toContain(field);
      await expect(harness.database.prisma.task.count({ where: { userId: user.userId } })).resolves.toBe(0);
    });

    it("treats another user's project or planner as not found", async () => {
      const owner = await createTestUser(harness.deps);
      const other = await createTestUser(harness.deps);
      const project = await newProject(owner);
      const error = await trpcFailure(other.caller.scheduler.tasks.create({ summary: "x", projectId: project.id }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.cause).toMatchObject({ code: "scheduler.project_not_found" });
      await expect(harness.database.prisma.task.count({ where: { userId: other.userId } })).resolves.toBe(0);
    });
  });

  describe("list", () => {
    it("filters by project, completion, schedule, priority, text and due date", async () => {
      const user = await createTestUser(harness.deps);
      const project = await newProject(user);
      const tasks = user.caller.scheduler.tasks;
      const inProject = await tasks.create({ summary: "Quarterly report", projectId: project.id, priority: 4 });
      const scheduled = await tasks.create({ summary: "Call Bob", startTime: new Date(NOW.getTime() + 2 * HOUR) });
      const due = await tasks.create({
        summary: "Pay rent",
        description: "landlord REPORT",
        dueAt: new Date(NOW.getTime() + 24 * HOUR),
      });
      const done = await tasks.create({ summary: "Done already" });
      await tasks.complete({ id: done.id });

      const ids = async (input: Parameters<typeof tasks.list>[0]) =>
        (await tasks.list(input)).items.map((t) => t.id).sort();
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
      const user = await createTestUser(harness.deps);
      for (let i = 0; i < 12; i++) {
        await user.caller.scheduler.tasks.create({
          summary: `task ${i}`,
          ...(i % 3 === 0 ? { startTime: new Date(NOW.getTime() + (12 - i) * HOUR) } : {}),
        });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await user.caller.scheduler.tasks.list({ limit: 5, cursor });
        seen.push(...page.items.map((task) => task.summary));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `task ${i}`));

      const small = await countQueries(harness.database.pool, () => user.caller.scheduler.tasks.list({ limit: 2 }));
      const large = await countQueries(harness.database.pool, () => user.caller.scheduler.tasks.list({ limit: 200 }));
      expect(small.result.items).toHaveLength(2);
      expect(large.result.items).toHaveLength(12);
      expect(large.queries).toBe(small.queries);
    });

    it("rejects a tampered cursor with a clear error", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(user.caller.scheduler.tasks.list({ cursor: "not-a-cursor" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "common.invalid_cursor" });
    });
  });

  describe("complete", () => {
    it("completes a one-off task and creates nothing more", async () => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({ summary: "once" });
      const result = await user.caller.scheduler.tasks.complete({ id: task.id });
      expect(result.task.completedAt).toEqual(NOW);
      expect(result.next).toBeNull();
    });

    it("creates the next daily occurrence one day later, exactly once across retries and races", async () => {
      const user = await createTestUser(harness.deps);
      const start = new Date(NOW.getTime() + HOUR);
      const task = await user.caller.scheduler.tasks.create({
        summary: "stand-up",
        startTime: start,
        minutes: 15,
        recurrence: "FREQ=DAILY",
      });
      const [first, second] = await Promise.all([
        user.caller.scheduler.tasks.complete({ id: task.id }),
        user.caller.scheduler.tasks.complete({ id: task.id }),
      ]);
      expect(first.next?.startTime).toEqual(new Date(start.getTime() + 24 * HOUR));
      expect(first.next?.endTime).toEqual(new Date(start.getTime() + 24 * HOUR + 15 * 60 * 1000));
      expect(second.next?.id).toBe(first.next?.id);
      const retry = await user.caller.scheduler.tasks.complete({ id: task.id });
      expect(retry.next?.id).toBe(first.next?.id);
      await expect(
        harness.database.prisma.task.count({ where: { userId: user.userId, summary: "stand-up" } }),
      ).resolves.toBe(2);
      expect(first.next).toMatchObject({ occurrenceIndex: 2, previousId: task.id, completedAt: null });
    });

    it("stops when the rule's COUNT is used up", async () => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({
        summary: "twice",
        dueAt: new Date(NOW.getTime() + HOUR),
        recurrence: "FREQ=WEEKLY;COUNT=2",
      });
      const { next } = await user.caller.scheduler.tasks.complete({ id: task.id });
      expect(next?.dueAt).toEqual(new Date(NOW.getTime() + HOUR + 7 * 24 * HOUR));
      const last = await user.caller.scheduler.tasks.complete({ id: next?.id ?? "" });
      expect(last.next).toBeNull();
    });

    it("reopens a completed task", async () => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({ summary: "again" });
      await user.caller.scheduler.tasks.complete({ id: task.id });
      await expect(user.caller.scheduler.tasks.reopen({ id: task.id })).resolves.toMatchObject({ completedAt: null });
    });
  });

  describe("move and delete", () => {
    it("moves before and after other tasks and across projects, keeping 1..n everywhere", async () => {
      const user = await createTestUser(harness.deps);
      const project = await newProject(user);
      const tasks = user.caller.scheduler.tasks;
      const [a, b, c] = [
        await tasks.create({ summary: "a" }),
        await tasks.create({ summary: "b" }),
        await tasks.create({ summary: "c" }),
      ];
      const p1 = await tasks.create({ summary: "p1", projectId: project.id });

      await tasks.move({ id: c.id, beforeId: a.id });
      expect(await orders(user, null)).toEqual(["1:c", "2:a", "3:b"]);
      await tasks.move({ id: c.id, afterId: b.id });
      expect(await orders(user, null)).toEqual(["1:a", "2:b", "3:c"]);
      await tasks.move({ id: a.id, beforeId: p1.id });
      expect(await orders(user, null)).toEqual(["1:b", "2:c"]);
      expect(await orders(user, project.id)).toEqual(["1:a", "2:p1"]);
      await tasks.move({ id: p1.id, projectId: null });
      expect(await orders(user, null)).toEqual(["1:b", "2:c", "3:p1"]);
      expect(await orders(user, project.id)).toEqual(["1:a"]);

      await tasks.delete({ id: b.id });
      expect(await orders(user, null)).toEqual(["1:c", "2:p1"]);
    });

    it("requires exactly one destination", async () => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({ summary: "x" });
      const error = await trpcFailure(user.caller.scheduler.tasks.move({ id: task.id }));
      expect(error.code).toBe("BAD_REQUEST");
    });
  });

  it("update changes fields, re-derives the end, and refuses a past start", async () => {
    const user = await createTestUser(harness.deps);
    const task = await user.caller.scheduler.tasks.create({
      summary: "draft",
      startTime: new Date(NOW.getTime() + HOUR),
    });
    const updated = await user.caller.scheduler.tasks.update({ id: task.id, minutes: 90, priority: 5 });
    expect(updated.endTime).toEqual(new Date(NOW.getTime() + HOUR + 90 * 60 * 1000));
    const unscheduled = await user.caller.scheduler.tasks.update({ id: task.id, startTime: null });
    expect(unscheduled).toMatchObject({ startTime: null, endTime: null });
    const error = await trpcFailure(
      user.caller.scheduler.tasks.update({ id: task.id, startTime: new Date(NOW.getTime() - HOUR) }),
    );
    expect(error.cause).toMatchObject({ code: "scheduler.start_in_past" });
    await expect(user.caller.scheduler.tasks.byId({ id: task.id })).resolves.toMatchObject({
      priority: 5,
      startTime: null,
    });
  });
});

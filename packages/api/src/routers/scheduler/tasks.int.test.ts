import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

const NOW = new Date("2026-06-01T09:00:00Z"); // the test deps' fixed clock
const HOUR = 60 * 60 * 1000;
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

// Only what the router adds: session, input validation, error mapping, output shape.
// The business rules are tested in packages/domain/src/scheduler/tasks/tasks.int.test.ts.
describe("scheduler.tasks", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("refuses a caller without a session", async () => {
    const error = await trpcFailure(callerFor(harness.deps, null).scheduler.tasks.create({ summary: "x" }));
    expect(error.code).toBe("UNAUTHORIZED");
  });

  describe("create", () => {
    it("answers the created task with the schema's defaults", async () => {
      const user = await createTestUser(harness.deps);
      const start = new Date(NOW.getTime() + HOUR);
      const task = await user.caller.scheduler.tasks.create({ summary: "  write report  ", startTime: start });
      expect(task).toMatchObject({
        summary: "write report",
        priority: 0,
        minutes: 30,
        description: "",
        startTime: start,
        completedAt: null,
      });
      expect(task.id).toEqual(expect.any(String));
    });

    it.each([
      ["an empty summary", { summary: "   " }, "summary"],
      ["priority 9", { summary: "x", priority: 9 }, "priority"],
      ["0 minutes", { summary: "x", minutes: 0 }, "minutes"],
      ["600 minutes", { summary: "x", minutes: 600 }, "minutes"],
      ["a malformed rule", { summary: "x", dueAt: NOW, recurrence: "FREQ=SOMETIMES" }, "recurrence"],
      ["a label over 60 characters", { summary: "x", labels: ["x".repeat(61)] }, "labels.0"],
      ["21 labels", { summary: "x", labels: Array.from({ length: 21 }, (_, n) => `l${n}`) }, "labels"],
      ["a parent that is not an id", { summary: "x", parentId: "nope" }, "parentId"],
    ])("rejects %s by field and writes nothing", async (_case, input, field) => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(user.caller.scheduler.tasks.create(input as never));
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.cause as ZodError).issues.map((issue) => issue.path.join("."))).toContain(field);
      await expect(harness.database.prisma.task.count({ where: { userId: user.userId } })).resolves.toBe(0);
    });

    it("maps an INVALID domain error to BAD_REQUEST with its code", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(
        user.caller.scheduler.tasks.create({ summary: "late", startTime: new Date(NOW.getTime() - 60_000) }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "scheduler.start_in_past" });
    });

    it("maps a NOT_FOUND domain error to NOT_FOUND with its code", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(user.caller.scheduler.tasks.create({ summary: "x", projectId: MISSING_ID }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.cause).toMatchObject({ code: "scheduler.project_not_found" });
    });
  });

  it("byId answers the task, and NOT_FOUND with scheduler.task_not_found for an unknown id", async () => {
    const user = await createTestUser(harness.deps);
    const task = await user.caller.scheduler.tasks.create({ summary: "find me" });
    await expect(user.caller.scheduler.tasks.byId({ id: task.id })).resolves.toEqual(task);
    const error = await trpcFailure(user.caller.scheduler.tasks.byId({ id: MISSING_ID }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.cause).toMatchObject({ code: "scheduler.task_not_found" });
  });

  describe("list", () => {
    it("answers a page of tasks with a cursor", async () => {
      const user = await createTestUser(harness.deps);
      const [first] = [
        await user.caller.scheduler.tasks.create({ summary: "a" }),
        await user.caller.scheduler.tasks.create({ summary: "b" }),
      ];
      const page = await user.caller.scheduler.tasks.list({ limit: 1 });
      expect(page.items).toEqual([first]);
      expect(page.nextCursor).toEqual(expect.any(String));
    });

    it("answers a tampered cursor with BAD_REQUEST and common.invalid_cursor", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(user.caller.scheduler.tasks.list({ cursor: "not-a-cursor" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "common.invalid_cursor" });
    });
  });

  it("update answers the changed task", async () => {
    const user = await createTestUser(harness.deps);
    const task = await user.caller.scheduler.tasks.create({ summary: "draft" });
    await expect(user.caller.scheduler.tasks.update({ id: task.id, priority: 5 })).resolves.toMatchObject({
      id: task.id,
      priority: 5,
    });
  });

  it("answers sub-tasks and labels in the task's shape, and maps a parent with sub-tasks of its own to BAD_REQUEST", async () => {
    const user = await createTestUser(harness.deps);
    const top = await user.caller.scheduler.tasks.create({ summary: "trip" });
    const step = await user.caller.scheduler.tasks.create({ summary: "flights", parentId: top.id, labels: ["phone"] });
    expect(step).toMatchObject({ parentId: top.id, labels: ["phone"], recurrenceText: null, todoistId: null });
    const other = await user.caller.scheduler.tasks.create({ summary: "other" });
    const error = await trpcFailure(user.caller.scheduler.tasks.update({ id: top.id, parentId: other.id }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ code: "scheduler.task_has_subtasks" });
  });

  it("complete answers the task and the next occurrence; reopen answers the task", async () => {
    const user = await createTestUser(harness.deps);
    const task = await user.caller.scheduler.tasks.create({ summary: "once" });
    const result = await user.caller.scheduler.tasks.complete({ id: task.id });
    expect(result).toMatchObject({ task: { id: task.id, completedAt: NOW }, next: null });
    await expect(user.caller.scheduler.tasks.reopen({ id: task.id })).resolves.toMatchObject({
      id: task.id,
      completedAt: null,
    });
  });

  describe("move", () => {
    it("answers the moved task", async () => {
      const user = await createTestUser(harness.deps);
      const a = await user.caller.scheduler.tasks.create({ summary: "a" });
      const b = await user.caller.scheduler.tasks.create({ summary: "b" });
      await expect(user.caller.scheduler.tasks.move({ id: b.id, beforeId: a.id })).resolves.toMatchObject({
        id: b.id,
        order: 1,
      });
    });

    it("requires exactly one destination", async () => {
      const user = await createTestUser(harness.deps);
      const task = await user.caller.scheduler.tasks.create({ summary: "x" });
      const error = await trpcFailure(user.caller.scheduler.tasks.move({ id: task.id }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ name: "ZodError" });
    });
  });

  it("delete answers { deleted: true }", async () => {
    const user = await createTestUser(harness.deps);
    const task = await user.caller.scheduler.tasks.create({ summary: "gone" });
    await expect(user.caller.scheduler.tasks.delete({ id: task.id })).resolves.toEqual({ deleted: true });
  });
});

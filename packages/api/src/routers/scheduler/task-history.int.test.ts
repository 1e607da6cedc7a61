import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createTestUser, createTwoUsers } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

// Only what the router adds: isolation, pagination, validation, output shape. What each
// change writes is tested with the services (packages/domain/src/scheduler/history).
describe("scheduler.tasks.history", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("pages a task's history newest first until nextCursor is null", async () => {
    const user = await createTestUser(harness.deps);
    const tasks = user.caller.scheduler.tasks;
    const task = await tasks.create({ summary: "Write report" });
    await tasks.complete({ id: task.id });
    await tasks.reopen({ id: task.id });
    await tasks.complete({ id: task.id });
    await tasks.reopen({ id: task.id });

    const first = await tasks.history({ taskId: task.id, limit: 2 });
    expect(first.items.map((entry) => entry.kind)).toEqual(["reopened", "completed"]);
    expect(first.items[0]).toMatchObject({ at: expect.any(Date), detail: {} });
    const second = await tasks.history({ taskId: task.id, limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((entry) => entry.kind)).toEqual(["reopened", "completed"]);
    const last = await tasks.history({ taskId: task.id, limit: 2, cursor: second.nextCursor ?? undefined });
    expect(last.items.map((entry) => entry.kind)).toEqual(["created"]);
    expect(last.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...last.items].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(5);
  });

  it("answers another person's task as not found, as every task procedure does, and shows nothing of it", async () => {
    const { alice, bob } = await createTwoUsers(harness.deps);
    const task = await alice.caller.scheduler.tasks.create({ summary: "Alice's" });
    const own = await alice.caller.scheduler.tasks.history({ taskId: task.id });
    expect(own.items).toHaveLength(1);

    const error = await trpcFailure(bob.caller.scheduler.tasks.history({ taskId: task.id }));
    const byId = await trpcFailure(bob.caller.scheduler.tasks.byId({ id: task.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.cause).toMatchObject({ code: "scheduler.task_not_found" });
    expect(error.message).toBe(byId.message);
    // Alice's cursor does not open her history to Bob either.
    const withCursor = await trpcFailure(
      bob.caller.scheduler.tasks.history({ taskId: task.id, cursor: own.items[0]?.id ?? MISSING_ID }),
    );
    expect(withCursor.code).toBe("NOT_FOUND");
    const missing = await trpcFailure(bob.caller.scheduler.tasks.history({ taskId: MISSING_ID }));
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("rejects a malformed task id, cursor or limit as a bad request", async () => {
    const user = await createTestUser(harness.deps);
    const task = await user.caller.scheduler.tasks.create({ summary: "x" });
    for (const input of [
      { taskId: "nope" },
      { taskId: task.id, cursor: "not-a-cursor" },
      { taskId: task.id, limit: 0 },
      { taskId: task.id, limit: 101 },
    ]) {
      const error = await trpcFailure(user.caller.scheduler.tasks.history(input));
      expect(error.code).toBe("BAD_REQUEST");
    }
  });
});

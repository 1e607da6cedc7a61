import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

function fieldsOf(error: TRPCError): string[] {
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => issue.path.join(".")).sort();
}

// Only what the router adds: session, input validation, error mapping, output shape.
// The business rules are tested in packages/domain/src/scheduler/areas/areas.int.test.ts.
describe("scheduler.areas", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("refuses a caller without a session", async () => {
    const error = await trpcFailure(callerFor(harness.deps, null).scheduler.areas.create({ name: "x" }));
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("create, byId, update, list and delete answer in their shapes", async () => {
    const { caller } = await createTestUser(harness.deps);
    const home = await caller.scheduler.areas.create({ name: "Home" });
    expect(home).toMatchObject({ name: "Home", color: "#6B7280", order: 1 });
    expect(home.createdAt).toBeInstanceOf(Date);
    await expect(caller.scheduler.areas.byId({ id: home.id })).resolves.toEqual({
      ...home,
      openTasks: 0,
      doneTasks: 0,
    });
    const renamed = await caller.scheduler.areas.update({ id: home.id, name: "House" });
    expect(renamed).toMatchObject({ id: home.id, name: "House" });
    await expect(caller.scheduler.areas.list()).resolves.toEqual({
      items: [{ ...renamed, openTasks: 0, doneTasks: 0 }],
      nextCursor: null,
    });
    await expect(caller.scheduler.areas.delete({ id: home.id })).resolves.toEqual({ deleted: true });
  });

  it("rejects an empty name and a color word with field errors, and writes nothing", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.scheduler.areas.create({ name: "   ", color: "blue" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldsOf(error)).toEqual(["color", "name"]);
    const tooLong = await trpcFailure(caller.scheduler.areas.create({ name: "x".repeat(101) }));
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(fieldsOf(tooLong)).toEqual(["name"]);
    await expect(caller.scheduler.areas.list()).resolves.toEqual({ items: [], nextCursor: null });
  });

  it("answers a cursor it did not hand out with BAD_REQUEST and common.invalid_cursor", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.scheduler.areas.list({ cursor: "not-a-cursor" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ code: "common.invalid_cursor" });
  });

  it("maps a missing area to NOT_FOUND with scheduler.area_not_found", async () => {
    const { caller } = await createTestUser(harness.deps);
    const id = randomUUID();
    const attempts = [
      () => caller.scheduler.areas.byId({ id }),
      () => caller.scheduler.areas.update({ id, name: "x" }),
      () => caller.scheduler.areas.delete({ id }),
    ];
    for (const attempt of attempts) {
      const error = await trpcFailure(attempt());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.cause).toMatchObject({ code: "scheduler.area_not_found" });
    }
  });
});

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
// The business rules are tested in packages/domain/src/scheduler/projects/projects.int.test.ts.
describe("scheduler.projects", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("refuses a caller without a session", async () => {
    const error = await trpcFailure(callerFor(harness.deps, null).scheduler.projects.create({ name: "x" }));
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("create, byId, update and list answer projects in their shapes", async () => {
    const { caller } = await createTestUser(harness.deps);
    const project = await caller.scheduler.projects.create({ name: "Launch" });
    expect(project).toMatchObject({ name: "Launch", color: "#2563EB", areaId: null, order: 1, archivedAt: null });
    await expect(caller.scheduler.projects.byId({ id: project.id })).resolves.toEqual({
      ...project,
      openTasks: 0,
      doneTasks: 0,
    });
    const renamed = await caller.scheduler.projects.update({ id: project.id, name: "Landed" });
    expect(renamed).toMatchObject({ id: project.id, name: "Landed" });
    await expect(caller.scheduler.projects.list()).resolves.toEqual({
      items: [{ ...renamed, openTasks: 0, doneTasks: 0 }],
      nextCursor: null,
    });
  });

  it("archive and unarchive answer the project; delete answers how many tasks went", async () => {
    const { caller } = await createTestUser(harness.deps);
    const project = await caller.scheduler.projects.create({ name: "Old" });
    await expect(caller.scheduler.projects.archive({ id: project.id })).resolves.toMatchObject({
      id: project.id,
      archivedAt: expect.any(Date),
    });
    await expect(caller.scheduler.projects.unarchive({ id: project.id })).resolves.toMatchObject({
      id: project.id,
      archivedAt: null,
    });
    await expect(caller.scheduler.projects.delete({ id: project.id })).resolves.toEqual({
      deleted: true,
      deletedTasks: 0,
    });
  });

  it("rejects bad input with field errors and writes nothing", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.scheduler.projects.create({ name: "", color: "blue", areaId: "nope" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldsOf(error)).toEqual(["areaId", "color", "name"]);
    const project = await caller.scheduler.projects.create({ name: "Fine" });
    const update = await trpcFailure(caller.scheduler.projects.update({ id: project.id, name: "  " }));
    expect(update.code).toBe("BAD_REQUEST");
    expect(fieldsOf(update)).toEqual(["name"]);
    const { items } = await caller.scheduler.projects.list();
    expect(items.map((item) => item.name)).toEqual(["Fine"]);
  });

  it("maps a missing project or area to NOT_FOUND with the domain error's code", async () => {
    const { caller } = await createTestUser(harness.deps);
    const id = randomUUID();
    const attempts = [
      () => caller.scheduler.projects.byId({ id }),
      () => caller.scheduler.projects.update({ id, name: "x" }),
      () => caller.scheduler.projects.archive({ id }),
      () => caller.scheduler.projects.unarchive({ id }),
      () => caller.scheduler.projects.delete({ id }),
    ];
    for (const attempt of attempts) {
      const error = await trpcFailure(attempt());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.cause).toMatchObject({ code: "scheduler.project_not_found" });
    }
    const area = await trpcFailure(caller.scheduler.projects.create({ name: "x", areaId: randomUUID() }));
    expect(area.code).toBe("NOT_FOUND");
    expect(area.cause).toMatchObject({ code: "scheduler.area_not_found" });
  });
});

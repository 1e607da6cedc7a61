import { randomUUID } from "node:crypto";
import { countQueries } from "@agendacraft/db/testing";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createTestUser, createTwoUsers } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

function fieldsOf(error: TRPCError): string[] {
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => issue.path.join(".")).sort();
}

describe("scheduler.areas", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("creates areas one after another: trimmed name, default or upper-cased color, orders 1..n", async () => {
    const { caller } = await createTestUser(harness.deps);
    const home = await caller.scheduler.areas.create({ name: "  Home " });
    const work = await caller.scheduler.areas.create({ name: "Work", color: "#2563eb" });
    expect(home).toMatchObject({ name: "Home", color: "#6B7280", order: 1 });
    expect(work).toMatchObject({ name: "Work", color: "#2563EB", order: 2 });
    expect(home.createdAt).toBeInstanceOf(Date);
    await expect(caller.scheduler.areas.byId({ id: home.id })).resolves.toEqual({
      ...home,
      openTasks: 0,
      doneTasks: 0,
    });
  });

  it("gives ten concurrent creates the orders 1..10, each exactly once", async () => {
    const { caller } = await createTestUser(harness.deps);
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => caller.scheduler.areas.create({ name: `Area ${i}` })),
    );
    expect(created.map((area) => area.order).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("updates the name and color and leaves what was not given", async () => {
    const { caller } = await createTestUser(harness.deps);
    const area = await caller.scheduler.areas.create({ name: "Hobbies", color: "#10B981" });
    const renamed = await caller.scheduler.areas.update({ id: area.id, name: " Fun " });
    expect(renamed).toMatchObject({ id: area.id, name: "Fun", color: "#10B981", order: 1 });
    const recolored = await caller.scheduler.areas.update({ id: area.id, color: "#ff0000" });
    expect(recolored).toMatchObject({ name: "Fun", color: "#FF0000" });
  });

  it("deletes an area, keeps its projects and tasks without it, and renumbers the rest 1..n", async () => {
    const user = await createTestUser(harness.deps);
    const { caller } = user;
    const [a, b, c] = await Promise.all(["A", "B", "C"].map((name) => caller.scheduler.areas.create({ name })));
    const ordered = [a, b, c].sort((x, y) => (x?.order ?? 0) - (y?.order ?? 0));
    const [first, middle, last] = ordered;
    if (!first || !middle || !last) throw new Error("three areas expected");
    const project = await caller.scheduler.projects.create({ name: "Garden", areaId: middle.id });
    const task = await harness.database.prisma.task.create({
      data: { userId: user.userId, summary: "Weed", order: 1, areaId: middle.id },
    });

    await expect(caller.scheduler.areas.delete({ id: middle.id })).resolves.toEqual({ deleted: true });

    const { items } = await caller.scheduler.areas.list();
    expect(items.map((area) => [area.id, area.order])).toEqual([
      [first.id, 1],
      [last.id, 2],
    ]);
    await expect(caller.scheduler.projects.byId({ id: project.id })).resolves.toMatchObject({ areaId: null });
    await expect(harness.database.prisma.task.findUnique({ where: { id: task.id } })).resolves.toMatchObject({
      areaId: null,
    });
    const again = await trpcFailure(caller.scheduler.areas.delete({ id: middle.id }));
    expect(again.code).toBe("NOT_FOUND");
    expect(again.cause).toMatchObject({ code: "scheduler.area_not_found" });
  });

  it("counts open and done tasks of the area itself and of its projects", async () => {
    const user = await createTestUser(harness.deps);
    const { caller } = user;
    const home = await caller.scheduler.areas.create({ name: "Home" });
    const work = await caller.scheduler.areas.create({ name: "Work" });
    const garden = await caller.scheduler.projects.create({ name: "Garden", areaId: home.id });
    const done = new Date("2026-05-01T10:00:00Z");
    await harness.database.prisma.task.createMany({
      data: [
        { userId: user.userId, summary: "direct open", order: 1, areaId: home.id },
        { userId: user.userId, summary: "direct done", order: 2, areaId: home.id, completedAt: done },
        { userId: user.userId, summary: "project open", order: 1, projectId: garden.id },
        { userId: user.userId, summary: "project open 2", order: 2, projectId: garden.id },
        { userId: user.userId, summary: "project done", order: 3, projectId: garden.id, completedAt: done },
        { userId: user.userId, summary: "inbox", order: 3 },
      ],
    });

    const { items } = await caller.scheduler.areas.list();
    expect(items.map(({ name, openTasks, doneTasks }) => ({ name, openTasks, doneTasks }))).toEqual([
      { name: "Home", openTasks: 3, doneTasks: 2 },
      { name: "Work", openTasks: 0, doneTasks: 0 },
    ]);
    await expect(caller.scheduler.areas.byId({ id: work.id })).resolves.toMatchObject({ openTasks: 0, doneTasks: 0 });
  });

  it("lists in order then id, in pages, with a fixed number of statements whatever the page size", async () => {
    const user = await createTestUser(harness.deps);
    const { prisma, pool } = harness.database;
    await prisma.area.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ userId: user.userId, name: `Area ${i + 1}`, order: i + 1 })),
    });
    const areas = await prisma.area.findMany({ where: { userId: user.userId }, select: { id: true } });
    await prisma.task.createMany({
      data: areas.flatMap((area, i) => [
        { userId: user.userId, summary: `open ${i}`, order: 2 * i + 1, areaId: area.id },
        { userId: user.userId, summary: `done ${i}`, order: 2 * i + 2, areaId: area.id, completedAt: new Date() },
      ]),
    });

    const small = await countQueries(pool, () => user.caller.scheduler.areas.list({ limit: 5 }));
    const large = await countQueries(pool, () => user.caller.scheduler.areas.list({ limit: 50 }));
    expect(small.result.items).toHaveLength(5);
    expect(large.result.items).toHaveLength(50);
    expect(large.result.items.every((area) => area.openTasks === 1 && area.doneTasks === 1)).toBe(true);
    expect(small.queries).toBe(large.queries);
    // The areas, then the counts of all of them at once.
    expect(small.queries).toBe(2);

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await user.caller.scheduler.areas.list({ limit: 25, cursor });
      names.push(...page.items.map((area) => area.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `Area ${i + 1}`));
  });

  it("rejects an empty name and a color word with field errors, and writes nothing", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.scheduler.areas.create({ name: "   ", color: "blue" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldsOf(error)).toEqual(["color", "name"]);
    const tooLong = await trpcFailure(caller.scheduler.areas.create({ name: "x".repeat(101) }));
    expect(fieldsOf(tooLong)).toEqual(["name"]);
    await expect(caller.scheduler.areas.list()).resolves.toEqual({ items: [], nextCursor: null });
  });

  it("rejects a cursor it did not hand out", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.scheduler.areas.list({ cursor: "not-a-cursor" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ code: "common.invalid_cursor" });
  });

  it("answers NOT_FOUND for another user's area and for an unknown id, and changes nothing", async () => {
    const { alice, bob } = await createTwoUsers(harness.deps);
    const area = await alice.caller.scheduler.areas.create({ name: "Alice's" });
    for (const id of [area.id, randomUUID()]) {
      const attempts = [
        () => bob.caller.scheduler.areas.byId({ id }),
        () => bob.caller.scheduler.areas.update({ id, name: "Bob's now" }),
        () => bob.caller.scheduler.areas.delete({ id }),
      ];
      for (const attempt of attempts) {
        const error = await trpcFailure(attempt());
        expect(error.code).toBe("NOT_FOUND");
        expect(error.cause).toMatchObject({ code: "scheduler.area_not_found" });
      }
    }
    await expect(alice.caller.scheduler.areas.byId({ id: area.id })).resolves.toMatchObject({ name: "Alice's" });
    await expect(bob.caller.scheduler.areas.list()).resolves.toMatchObject({ items: [] });
  });
});

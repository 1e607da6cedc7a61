import { randomUUID } from "node:crypto";
import { countQueries } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser, createTwoUsers } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

function fieldsOf(error: TRPCError): string[] {
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => issue.path.join(".")).sort();
}

describe("scheduler.projects", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("creates projects in order, in an area or without one", async () => {
    const { caller } = await createTestUser(harness.deps);
    const area = await caller.scheduler.areas.create({ name: "Work" });
    const launch = await caller.scheduler.projects.create({ name: " Launch ", areaId: area.id });
    const loose = await caller.scheduler.projects.create({ name: "Loose", color: "#abcdef" });
    expect(launch).toMatchObject({ name: "Launch", color: "#2563EB", areaId: area.id, order: 1, archivedAt: null });
    expect(loose).toMatchObject({ name: "Loose", color: "#ABCDEF", areaId: null, order: 2 });
    await expect(caller.scheduler.projects.byId({ id: launch.id })).resolves.toEqual({
      ...launch,
      openTasks: 0,
      doneTasks: 0,
    });
  });

  it("gives ten concurrent creates the orders 1..10, each exactly once", async () => {
    const { caller } = await createTestUser(harness.deps);
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => caller.scheduler.projects.create({ name: `Project ${i}` })),
    );
    expect(created.map((project) => project.order).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("updates name, color and area; null takes it out of its area and inherited task areas follow", async () => {
    const user = await createTestUser(harness.deps);
    const { caller } = user;
    const home = await caller.scheduler.areas.create({ name: "Home" });
    const work = await caller.scheduler.areas.create({ name: "Work" });
    const project = await caller.scheduler.projects.create({ name: "Move", areaId: home.id });
    const { prisma } = harness.database;
    const inherited = await prisma.task.create({
      data: { userId: user.userId, summary: "follows", order: 1, projectId: project.id, areaId: home.id },
    });
    const filed = await prisma.task.create({
      data: { userId: user.userId, summary: "stays", order: 2, projectId: project.id, areaId: work.id },
    });

    const renamed = await caller.scheduler.projects.update({ id: project.id, name: "Moved", color: "#000000" });
    expect(renamed).toMatchObject({ name: "Moved", color: "#000000", areaId: home.id });
    await expect(caller.scheduler.projects.update({ id: project.id, areaId: work.id })).resolves.toMatchObject({
      name: "Moved",
      areaId: work.id,
    });
    await expect(caller.scheduler.areas.byId({ id: home.id })).resolves.toMatchObject({ openTasks: 0 });
    await expect(caller.scheduler.areas.byId({ id: work.id })).resolves.toMatchObject({ openTasks: 2 });

    await expect(caller.scheduler.projects.update({ id: project.id, areaId: null })).resolves.toMatchObject({
      areaId: null,
    });
    const tasks = await prisma.task.findMany({
      where: { id: { in: [inherited.id, filed.id] } },
      orderBy: { order: "asc" },
    });
    expect(tasks.map((task) => task.areaId)).toEqual([null, null]);
  });

  it("refuses an area that is unknown or another user's, and writes nothing", async () => {
    const { alice, bob } = await createTwoUsers(harness.deps);
    const alicesArea = await alice.caller.scheduler.areas.create({ name: "Alice's" });
    const bobsProject = await bob.caller.scheduler.projects.create({ name: "Bob's" });
    for (const areaId of [alicesArea.id, randomUUID()]) {
      const attempts = [
        () => bob.caller.scheduler.projects.create({ name: "Sneaky", areaId }),
        () => bob.caller.scheduler.projects.update({ id: bobsProject.id, areaId }),
        () => bob.caller.scheduler.projects.list({ areaId }),
      ];
      for (const attempt of attempts) {
        const error = await trpcFailure(attempt());
        expect(error.code).toBe("NOT_FOUND");
        expect(error.cause).toMatchObject({ code: "scheduler.area_not_found" });
      }
    }
    const { items } = await bob.caller.scheduler.projects.list();
    expect(items.map((project) => [project.name, project.areaId])).toEqual([["Bob's", null]]);
  });

  it("archives (keeping the first date), hides archived projects by default, and unarchives", async () => {
    const user = await createTestUser(harness.deps);
    const clock = fixedClock("2026-06-02T10:00:00Z");
    const caller = callerFor({ ...harness.deps, clock }, user.session);
    const kept = await caller.scheduler.projects.create({ name: "Kept" });
    const old = await caller.scheduler.projects.create({ name: "Old" });

    await expect(caller.scheduler.projects.archive({ id: old.id })).resolves.toMatchObject({
      archivedAt: new Date("2026-06-02T10:00:00Z"),
    });
    clock.advance(60_000);
    await expect(caller.scheduler.projects.archive({ id: old.id })).resolves.toMatchObject({
      archivedAt: new Date("2026-06-02T10:00:00Z"),
    });
    const visible = await caller.scheduler.projects.list();
    expect(visible.items.map((project) => project.id)).toEqual([kept.id]);
    const all = await caller.scheduler.projects.list({ includeArchived: true });
    expect(all.items.map((project) => project.id)).toEqual([kept.id, old.id]);
    await expect(caller.scheduler.projects.byId({ id: old.id })).resolves.toMatchObject({ name: "Old" });

    await expect(caller.scheduler.projects.unarchive({ id: old.id })).resolves.toMatchObject({
      archivedAt: null,
      order: 2,
    });
    const back = await caller.scheduler.projects.list();
    expect(back.items.map((project) => project.id)).toEqual([kept.id, old.id]);
  });

  it("filters by area, or by no area with null", async () => {
    const { caller } = await createTestUser(harness.deps);
    const area = await caller.scheduler.areas.create({ name: "Work" });
    const inArea = await caller.scheduler.projects.create({ name: "In", areaId: area.id });
    const outside = await caller.scheduler.projects.create({ name: "Out" });
    const byArea = await caller.scheduler.projects.list({ areaId: area.id });
    expect(byArea.items.map((project) => project.id)).toEqual([inArea.id]);
    const withoutArea = await caller.scheduler.projects.list({ areaId: null });
    expect(withoutArea.items.map((project) => project.id)).toEqual([outside.id]);
  });

  it("deletes a project with its tasks, says how many went, and renumbers the rest 1..n", async () => {
    const user = await createTestUser(harness.deps);
    const { caller } = user;
    const first = await caller.scheduler.projects.create({ name: "First" });
    const doomed = await caller.scheduler.projects.create({ name: "Doomed" });
    const last = await caller.scheduler.projects.create({ name: "Last" });
    const { prisma } = harness.database;
    await prisma.task.createMany({
      data: [
        { userId: user.userId, summary: "a", order: 1, projectId: doomed.id },
        { userId: user.userId, summary: "b", order: 2, projectId: doomed.id, completedAt: new Date() },
        { userId: user.userId, summary: "c", order: 3, projectId: doomed.id },
        { userId: user.userId, summary: "survivor", order: 1, projectId: last.id },
        { userId: user.userId, summary: "inbox", order: 1 },
      ],
    });

    await expect(caller.scheduler.projects.delete({ id: doomed.id })).resolves.toEqual({
      deleted: true,
      deletedTasks: 3,
    });
    await expect(prisma.task.count({ where: { projectId: doomed.id } })).resolves.toBe(0);
    await expect(prisma.task.count({ where: { userId: user.userId } })).resolves.toBe(2);
    const { items } = await caller.scheduler.projects.list();
    expect(items.map((project) => [project.id, project.order])).toEqual([
      [first.id, 1],
      [last.id, 2],
    ]);
    const again = await trpcFailure(caller.scheduler.projects.delete({ id: doomed.id }));
    expect(again.cause).toMatchObject({ code: "scheduler.project_not_found" });
  });

  it("counts open and done tasks per project", async () => {
    const user = await createTestUser(harness.deps);
    const { caller } = user;
    const busy = await caller.scheduler.projects.create({ name: "Busy" });
    const idle = await caller.scheduler.projects.create({ name: "Idle" });
    const done = new Date("2026-05-01T10:00:00Z");
    await harness.database.prisma.task.createMany({
      data: [
        { userId: user.userId, summary: "1", order: 1, projectId: busy.id },
        { userId: user.userId, summary: "2", order: 2, projectId: busy.id },
        { userId: user.userId, summary: "3", order: 3, projectId: busy.id, completedAt: done },
      ],
    });
    const { items } = await caller.scheduler.projects.list();
    expect(items.map(({ id, openTasks, doneTasks }) => ({ id, openTasks, doneTasks }))).toEqual([
      { id: busy.id, openTasks: 2, doneTasks: 1 },
      { id: idle.id, openTasks: 0, doneTasks: 0 },
    ]);
    await expect(caller.scheduler.projects.byId({ id: busy.id })).resolves.toMatchObject({
      openTasks: 2,
      doneTasks: 1,
    });
  });

  it("lists in order then id, in pages, with a fixed number of statements whatever the page size", async () => {
    const user = await createTestUser(harness.deps);
    const { prisma, pool } = harness.database;
    const area = await user.caller.scheduler.areas.create({ name: "Big" });
    await prisma.project.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        userId: user.userId,
        name: `Project ${i + 1}`,
        order: i + 1,
        areaId: area.id,
      })),
    });
    const projects = await prisma.project.findMany({ where: { userId: user.userId }, select: { id: true } });
    await prisma.task.createMany({
      data: projects.flatMap((project, i) => [
        { userId: user.userId, summary: `open ${i}`, order: 1, projectId: project.id },
        { userId: user.userId, summary: `done ${i}`, order: 2, projectId: project.id, completedAt: new Date() },
      ]),
    });

    for (const filter of [{}, { areaId: area.id }]) {
      const small = await countQueries(pool, () => user.caller.scheduler.projects.list({ ...filter, limit: 5 }));
      const large = await countQueries(pool, () => user.caller.scheduler.projects.list({ ...filter, limit: 50 }));
      expect(small.result.items).toHaveLength(5);
      expect(large.result.items).toHaveLength(50);
      expect(large.result.items.every((project) => project.openTasks === 1 && project.doneTasks === 1)).toBe(true);
      expect(small.queries).toBe(large.queries);
      // The projects and the counts of all of them at once; the area check when filtering by one.
      expect(small.queries).toBe("areaId" in filter ? 3 : 2);
    }

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await user.caller.scheduler.projects.list({ limit: 25, cursor });
      names.push(...page.items.map((project) => project.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `Project ${i + 1}`));
  });

  it("rejects bad input with field errors and writes nothing", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(caller.scheduler.projects.create({ name: "", color: "blue", areaId: "nope" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldsOf(error)).toEqual(["areaId", "color", "name"]);
    const project = await caller.scheduler.projects.create({ name: "Fine" });
    const update = await trpcFailure(caller.scheduler.projects.update({ id: project.id, name: "  " }));
    expect(fieldsOf(update)).toEqual(["name"]);
    const { items } = await caller.scheduler.projects.list();
    expect(items.map((item) => item.name)).toEqual(["Fine"]);
  });

  it("answers NOT_FOUND for another user's project and for an unknown id, and changes nothing", async () => {
    const { alice, bob } = await createTwoUsers(harness.deps);
    const project = await alice.caller.scheduler.projects.create({ name: "Alice's" });
    for (const id of [project.id, randomUUID()]) {
      const attempts = [
        () => bob.caller.scheduler.projects.byId({ id }),
        () => bob.caller.scheduler.projects.update({ id, name: "Bob's now" }),
        () => bob.caller.scheduler.projects.archive({ id }),
        () => bob.caller.scheduler.projects.unarchive({ id }),
        () => bob.caller.scheduler.projects.delete({ id }),
      ];
      for (const attempt of attempts) {
        const error = await trpcFailure(attempt());
        expect(error.code).toBe("NOT_FOUND");
        expect(error.cause).toMatchObject({ code: "scheduler.project_not_found" });
      }
    }
    await expect(alice.caller.scheduler.projects.byId({ id: project.id })).resolves.toMatchObject({
      name: "Alice's",
      archivedAt: null,
    });
    await expect(bob.caller.scheduler.projects.list({ includeArchived: true })).resolves.toMatchObject({ items: [] });
  });
});

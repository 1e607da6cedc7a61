import { randomUUID } from "node:crypto";
import { countQueries, useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { createProject, getProject } from "../projects/index.ts";
import {
  createArea,
  deleteArea,
  getArea,
  listAreas,
  updateArea,
  ZCreateAreaInput,
  ZListAreasInput,
  ZUpdateAreaInput,
} from "./index.ts";

// The business rules of areas, called the way every caller (router, job, script) calls them.
describe("scheduler areas", () => {
  const database = useTestDatabase();

  async function setup() {
    const { prisma } = database();
    const user = await createUser(prisma);
    const actor = { db: prisma, actorId: user.id };
    // Inputs go through the schemas the router applies, so defaults and trimming are real.
    return {
      prisma,
      userId: user.id,
      create: (raw: Parameters<typeof ZCreateAreaInput.parse>[0]) =>
        createArea({ ...actor, input: ZCreateAreaInput.parse(raw) }),
      update: (raw: Parameters<typeof ZUpdateAreaInput.parse>[0]) =>
        updateArea({ ...actor, input: ZUpdateAreaInput.parse(raw) }),
      list: (raw?: Parameters<typeof ZListAreasInput.parse>[0]) =>
        listAreas({ ...actor, input: ZListAreasInput.parse(raw) }),
      get: (id: string) => getArea({ ...actor, input: { id } }),
      remove: (id: string) => deleteArea({ ...actor, input: { id } }),
      createProject: (name: string, areaId: string) => createProject({ ...actor, input: { name, areaId } }),
      getProject: (id: string) => getProject({ ...actor, input: { id } }),
    };
  }

  it("creates areas one after another: trimmed name, default or upper-cased color, orders 1..n", async () => {
    const user = await setup();
    const home = await user.create({ name: "  Home " });
    const work = await user.create({ name: "Work", color: "#2563eb" });
    expect(home).toMatchObject({ name: "Home", color: "#6B7280", order: 1 });
    expect(work).toMatchObject({ name: "Work", color: "#2563EB", order: 2 });
    expect(home.createdAt).toBeInstanceOf(Date);
    await expect(user.get(home.id)).resolves.toEqual({ ...home, openTasks: 0, doneTasks: 0 });
  });

  it("gives ten concurrent creates the orders 1..10, each exactly once", async () => {
    const user = await setup();
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => user.create({ name: `Area ${i}` })));
    expect(created.map((area) => area.order).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("updates the name and color and leaves what was not given", async () => {
    const user = await setup();
    const area = await user.create({ name: "Hobbies", color: "#10B981" });
    const renamed = await user.update({ id: area.id, name: " Fun " });
    expect(renamed).toMatchObject({ id: area.id, name: "Fun", color: "#10B981", order: 1 });
    const recolored = await user.update({ id: area.id, color: "#ff0000" });
    expect(recolored).toMatchObject({ name: "Fun", color: "#FF0000" });
  });

  it("deletes an area, keeps its projects and tasks without it, and renumbers the rest 1..n", async () => {
    const user = await setup();
    const [a, b, c] = await Promise.all(["A", "B", "C"].map((name) => user.create({ name })));
    const ordered = [a, b, c].sort((x, y) => (x?.order ?? 0) - (y?.order ?? 0));
    const [first, middle, last] = ordered;
    if (!first || !middle || !last) throw new Error("three areas expected");
    const project = await user.createProject("Garden", middle.id);
    const task = await user.prisma.task.create({
      data: { userId: user.userId, summary: "Weed", order: 1, areaId: middle.id },
    });

    await expect(user.remove(middle.id)).resolves.toEqual({ deleted: true });

    const { items } = await user.list();
    expect(items.map((area) => [area.id, area.order])).toEqual([
      [first.id, 1],
      [last.id, 2],
    ]);
    await expect(user.getProject(project.id)).resolves.toMatchObject({ areaId: null });
    await expect(user.prisma.task.findUnique({ where: { id: task.id } })).resolves.toMatchObject({ areaId: null });
    await expect(user.remove(middle.id)).rejects.toMatchObject({ kind: "NOT_FOUND", code: "scheduler.area_not_found" });
  });

  it("counts open and done tasks of the area itself and of its projects", async () => {
    const user = await setup();
    const { userId } = user;
    const home = await user.create({ name: "Home" });
    const work = await user.create({ name: "Work" });
    const garden = await user.createProject("Garden", home.id);
    const done = new Date("2026-05-01T10:00:00Z");
    await user.prisma.task.createMany({
      data: [
        { userId, summary: "direct open", order: 1, areaId: home.id },
        { userId, summary: "direct done", order: 2, areaId: home.id, completedAt: done },
        { userId, summary: "project open", order: 1, projectId: garden.id },
        { userId, summary: "project open 2", order: 2, projectId: garden.id },
        { userId, summary: "project done", order: 3, projectId: garden.id, completedAt: done },
        { userId, summary: "inbox", order: 3 },
      ],
    });

    const { items } = await user.list();
    expect(items.map(({ name, openTasks, doneTasks }) => ({ name, openTasks, doneTasks }))).toEqual([
      { name: "Home", openTasks: 3, doneTasks: 2 },
      { name: "Work", openTasks: 0, doneTasks: 0 },
    ]);
    await expect(user.get(work.id)).resolves.toMatchObject({ openTasks: 0, doneTasks: 0 });
  });

  it("lists in order then id, in pages, with a fixed number of statements whatever the page size", async () => {
    const user = await setup();
    const { prisma, userId } = user;
    const { pool } = database();
    await prisma.area.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ userId, name: `Area ${i + 1}`, order: i + 1 })),
    });
    const areas = await prisma.area.findMany({ where: { userId }, select: { id: true } });
    await prisma.task.createMany({
      data: areas.flatMap((area, i) => [
        { userId, summary: `open ${i}`, order: 2 * i + 1, areaId: area.id },
        { userId, summary: `done ${i}`, order: 2 * i + 2, areaId: area.id, completedAt: new Date() },
      ]),
    });

    const small = await countQueries(pool, () => user.list({ limit: 5 }));
    const large = await countQueries(pool, () => user.list({ limit: 50 }));
    expect(small.result.items).toHaveLength(5);
    expect(large.result.items).toHaveLength(50);
    expect(large.result.items.every((area) => area.openTasks === 1 && area.doneTasks === 1)).toBe(true);
    expect(small.queries).toBe(large.queries);
    // The areas, their Todoist links (one query for all), then the counts of all of them at once.
    expect(small.queries).toBe(3);

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await user.list({ limit: 25, cursor });
      names.push(...page.items.map((area) => area.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `Area ${i + 1}`));
  });

  it("refuses a cursor it did not hand out with common.invalid_cursor", async () => {
    const user = await setup();
    await expect(user.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      kind: "INVALID",
      code: "common.invalid_cursor",
    });
  });

  it("treats another user's area and an unknown id as not found, and changes nothing", async () => {
    const alice = await setup();
    const bob = await setup();
    const area = await alice.create({ name: "Alice's" });
    for (const id of [area.id, randomUUID()]) {
      const attempts = [() => bob.get(id), () => bob.update({ id, name: "Bob's now" }), () => bob.remove(id)];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toMatchObject({ kind: "NOT_FOUND", code: "scheduler.area_not_found" });
      }
    }
    await expect(alice.get(area.id)).resolves.toMatchObject({ name: "Alice's" });
    await expect(bob.list()).resolves.toMatchObject({ items: [] });
  });
});

import { randomUUID } from "node:crypto";
import { countQueries, useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createArea, getArea, ZCreateAreaInput } from "../areas/index.ts";
import {
  archiveProject,
  createProject,
  deleteProject,
  getProject,
  listProjects,
  unarchiveProject,
  updateProject,
  ZCreateProjectInput,
  ZListProjectsInput,
  ZUpdateProjectInput,
} from "./index.ts";

// The business rules of projects, called the way every caller (router, job, script) calls them.
describe("scheduler projects", () => {
  const database = useTestDatabase();

  async function setup(clock = fixedClock("2026-06-01T09:00:00Z")) {
    const { prisma } = database();
    const user = await createUser(prisma);
    const actor = { db: prisma, actorId: user.id };
    // Inputs go through the schemas the router applies, so defaults and trimming are real.
    return {
      prisma,
      user,
      clock,
      createArea: (raw: Parameters<typeof ZCreateAreaInput.parse>[0]) =>
        createArea({ ...actor, input: ZCreateAreaInput.parse(raw) }),
      getArea: (id: string) => getArea({ ...actor, input: { id } }),
      create: (raw: Parameters<typeof ZCreateProjectInput.parse>[0]) =>
        createProject({ ...actor, input: ZCreateProjectInput.parse(raw) }),
      update: (raw: Parameters<typeof ZUpdateProjectInput.parse>[0]) =>
        updateProject({ ...actor, input: ZUpdateProjectInput.parse(raw) }),
      list: (raw?: Parameters<typeof ZListProjectsInput.parse>[0]) =>
        listProjects({ ...actor, input: ZListProjectsInput.parse(raw) }),
      get: (id: string) => getProject({ ...actor, input: { id } }),
      archive: (id: string) => archiveProject({ ...actor, input: { id }, clock }),
      unarchive: (id: string) => unarchiveProject({ ...actor, input: { id } }),
      remove: (id: string) => deleteProject({ ...actor, input: { id } }),
    };
  }

  it("creates projects in order, in an area or without one", async () => {
    const user = await setup();
    const area = await user.createArea({ name: "Work" });
    const launch = await user.create({ name: " Launch ", areaId: area.id });
    const loose = await user.create({ name: "Loose", color: "#abcdef" });
    expect(launch).toMatchObject({ name: "Launch", color: "#2563EB", areaId: area.id, order: 1, archivedAt: null });
    expect(loose).toMatchObject({ name: "Loose", color: "#ABCDEF", areaId: null, order: 2 });
    await expect(user.get(launch.id)).resolves.toEqual({ ...launch, openTasks: 0, doneTasks: 0 });
  });

  it("gives ten concurrent creates the orders 1..10, each exactly once", async () => {
    const user = await setup();
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => user.create({ name: `Project ${i}` })));
    expect(created.map((project) => project.order).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("updates name, color and area; null takes it out of its area and inherited task areas follow", async () => {
    const user = await setup();
    const { prisma } = user;
    const home = await user.createArea({ name: "Home" });
    const work = await user.createArea({ name: "Work" });
    const project = await user.create({ name: "Move", areaId: home.id });
    const inherited = await prisma.task.create({
      data: { userId: user.user.id, summary: "follows", order: 1, projectId: project.id, areaId: home.id },
    });
    const filed = await prisma.task.create({
      data: { userId: user.user.id, summary: "stays", order: 2, projectId: project.id, areaId: work.id },
    });

    const renamed = await user.update({ id: project.id, name: "Moved", color: "#000000" });
    expect(renamed).toMatchObject({ name: "Moved", color: "#000000", areaId: home.id });
    await expect(user.update({ id: project.id, areaId: work.id })).resolves.toMatchObject({
      name: "Moved",
      areaId: work.id,
    });
    await expect(user.getArea(home.id)).resolves.toMatchObject({ openTasks: 0 });
    await expect(user.getArea(work.id)).resolves.toMatchObject({ openTasks: 2 });

    await expect(user.update({ id: project.id, areaId: null })).resolves.toMatchObject({ areaId: null });
    const tasks = await prisma.task.findMany({
      where: { id: { in: [inherited.id, filed.id] } },
      orderBy: { order: "asc" },
    });
    expect(tasks.map((task) => task.areaId)).toEqual([null, null]);
  });

  it("refuses an area that is unknown or another user's, and writes nothing", async () => {
    const alice = await setup();
    const bob = await setup();
    const alicesArea = await alice.createArea({ name: "Alice's" });
    const bobsProject = await bob.create({ name: "Bob's" });
    for (const areaId of [alicesArea.id, randomUUID()]) {
      const attempts = [
        () => bob.create({ name: "Sneaky", areaId }),
        () => bob.update({ id: bobsProject.id, areaId }),
        () => bob.list({ areaId }),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toMatchObject({ kind: "NOT_FOUND", code: "scheduler.area_not_found" });
      }
    }
    const { items } = await bob.list();
    expect(items.map((project) => [project.name, project.areaId])).toEqual([["Bob's", null]]);
  });

  it("archives (keeping the first date), hides archived projects by default, and unarchives", async () => {
    const user = await setup(fixedClock("2026-06-02T10:00:00Z"));
    const kept = await user.create({ name: "Kept" });
    const old = await user.create({ name: "Old" });

    await expect(user.archive(old.id)).resolves.toMatchObject({ archivedAt: new Date("2026-06-02T10:00:00Z") });
    user.clock.advance(60_000);
    await expect(user.archive(old.id)).resolves.toMatchObject({ archivedAt: new Date("2026-06-02T10:00:00Z") });
    const visible = await user.list();
    expect(visible.items.map((project) => project.id)).toEqual([kept.id]);
    const all = await user.list({ includeArchived: true });
    expect(all.items.map((project) => project.id)).toEqual([kept.id, old.id]);
    await expect(user.get(old.id)).resolves.toMatchObject({ name: "Old" });

    await expect(user.unarchive(old.id)).resolves.toMatchObject({ archivedAt: null, order: 2 });
    const back = await user.list();
    expect(back.items.map((project) => project.id)).toEqual([kept.id, old.id]);
  });

  it("filters by area, or by no area with null", async () => {
    const user = await setup();
    const area = await user.createArea({ name: "Work" });
    const inArea = await user.create({ name: "In", areaId: area.id });
    const outside = await user.create({ name: "Out" });
    const byArea = await user.list({ areaId: area.id });
    expect(byArea.items.map((project) => project.id)).toEqual([inArea.id]);
    const withoutArea = await user.list({ areaId: null });
    expect(withoutArea.items.map((project) => project.id)).toEqual([outside.id]);
  });

  it("deletes a project with its tasks, says how many went, and renumbers the rest 1..n", async () => {
    const user = await setup();
    const { prisma } = user;
    const userId = user.user.id;
    const first = await user.create({ name: "First" });
    const doomed = await user.create({ name: "Doomed" });
    const last = await user.create({ name: "Last" });
    await prisma.task.createMany({
      data: [
        { userId, summary: "a", order: 1, projectId: doomed.id },
        { userId, summary: "b", order: 2, projectId: doomed.id, completedAt: new Date() },
        { userId, summary: "c", order: 3, projectId: doomed.id },
        { userId, summary: "survivor", order: 1, projectId: last.id },
        { userId, summary: "inbox", order: 1 },
      ],
    });

    await expect(user.remove(doomed.id)).resolves.toEqual({ deleted: true, deletedTasks: 3 });
    await expect(prisma.task.count({ where: { projectId: doomed.id } })).resolves.toBe(0);
    await expect(prisma.task.count({ where: { userId } })).resolves.toBe(2);
    const { items } = await user.list();
    expect(items.map((project) => [project.id, project.order])).toEqual([
      [first.id, 1],
      [last.id, 2],
    ]);
    await expect(user.remove(doomed.id)).rejects.toMatchObject({ code: "scheduler.project_not_found" });
  });

  it("counts open and done tasks per project", async () => {
    const user = await setup();
    const busy = await user.create({ name: "Busy" });
    const idle = await user.create({ name: "Idle" });
    const done = new Date("2026-05-01T10:00:00Z");
    const userId = user.user.id;
    await user.prisma.task.createMany({
      data: [
        { userId, summary: "1", order: 1, projectId: busy.id },
        { userId, summary: "2", order: 2, projectId: busy.id },
        { userId, summary: "3", order: 3, projectId: busy.id, completedAt: done },
      ],
    });
    const { items } = await user.list();
    expect(items.map(({ id, openTasks, doneTasks }) => ({ id, openTasks, doneTasks }))).toEqual([
      { id: busy.id, openTasks: 2, doneTasks: 1 },
      { id: idle.id, openTasks: 0, doneTasks: 0 },
    ]);
    await expect(user.get(busy.id)).resolves.toMatchObject({ openTasks: 2, doneTasks: 1 });
  });

  it("lists in order then id, in pages, with a fixed number of statements whatever the page size", async () => {
    const user = await setup();
    const { prisma } = user;
    const { pool } = database();
    const userId = user.user.id;
    const area = await user.createArea({ name: "Big" });
    await prisma.project.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ userId, name: `Project ${i + 1}`, order: i + 1, areaId: area.id })),
    });
    const projects = await prisma.project.findMany({ where: { userId }, select: { id: true } });
    await prisma.task.createMany({
      data: projects.flatMap((project, i) => [
        { userId, summary: `open ${i}`, order: 1, projectId: project.id },
        { userId, summary: `done ${i}`, order: 2, projectId: project.id, completedAt: new Date() },
      ]),
    });

    for (const filter of [{}, { areaId: area.id }]) {
      const small = await countQueries(pool, () => user.list({ ...filter, limit: 5 }));
      const large = await countQueries(pool, () => user.list({ ...filter, limit: 50 }));
      expect(small.result.items).toHaveLength(5);
      expect(large.result.items).toHaveLength(50);
      expect(large.result.items.every((project) => project.openTasks === 1 && project.doneTasks === 1)).toBe(true);
      expect(small.queries).toBe(large.queries);
      // The projects, their Todoist links and the counts of all of them at once; the area check
      // when filtering by one.
      expect(small.queries).toBe("areaId" in filter ? 4 : 3);
    }

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await user.list({ limit: 25, cursor });
      names.push(...page.items.map((project) => project.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `Project ${i + 1}`));
  });

  it("treats another user's project and an unknown id as not found, and changes nothing", async () => {
    const alice = await setup();
    const bob = await setup();
    const project = await alice.create({ name: "Alice's" });
    for (const id of [project.id, randomUUID()]) {
      const attempts = [
        () => bob.get(id),
        () => bob.update({ id, name: "Bob's now" }),
        () => bob.archive(id),
        () => bob.unarchive(id),
        () => bob.remove(id),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toMatchObject({ kind: "NOT_FOUND", code: "scheduler.project_not_found" });
      }
    }
    await expect(alice.get(project.id)).resolves.toMatchObject({ name: "Alice's", archivedAt: null });
    await expect(bob.list({ includeArchived: true })).resolves.toMatchObject({ items: [] });
  });
});

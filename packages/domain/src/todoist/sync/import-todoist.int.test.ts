import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { todoistPuller } from "./testing/todoist-pull-fixture.ts";

// Monday 7 December 2026, 07:00 in Berlin.
const clock = fixedClock("2026-12-07T06:00:00Z");

describe("importing a Todoist account", () => {
  const database = useTestDatabase();
  let fake: FakeTodoist;

  beforeAll(async () => {
    fake = await startFakeTodoist({ now: () => clock.now() });
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function seeded() {
    const person = await todoistPuller({ prisma: database().prisma, fake, clock });
    const ids = fake.seed(person.email, {
      labels: ["calls", "home"],
      projects: [
        {
          name: "Work",
          sections: ["Next"],
          tasks: [
            {
              content: "Plan sprint",
              labels: ["calls"],
              section: "Next",
              priority: 4,
              subTasks: [{ content: "Draft agenda", subTasks: [{ content: "Book room" }] }],
            },
          ],
          children: [
            {
              name: "Hiring",
              tasks: [{ content: "Call candidate", duration: { amount: 2, unit: "day" } }],
              children: [{ name: "Interviews", tasks: [{ content: "Prepare questions" }] }],
            },
          ],
        },
        {
          name: "Home",
          tasks: [
            { content: "Water plants", due: { string: "every monday" } },
            {
              content: "Tax return",
              due: { date: "2026-12-10T09:00:00", string: "every hour", is_recurring: true },
            },
          ],
        },
      ],
      inboxTasks: [{ content: "Buy milk", labels: ["home"], due: { date: "2026-12-08", string: "Dec 8" } }],
    });
    return { person, ids };
  }

  it("maps the inbox, projects, sub-projects, sections, labels and sub-tasks", async () => {
    const { prisma } = database();
    const { person, ids } = await seeded();
    const result = await person.pull();

    expect(result).toMatchObject({ projects: 5, tasks: 8, created: 8, updated: 0, completed: 0, deleted: 0 });
    const areas = await prisma.area.findMany({ where: { userId: person.userId } });
    expect(areas.map((area) => area.name)).toEqual(["Work"]);
    const projects = await prisma.project.findMany({ where: { userId: person.userId }, orderBy: { order: "asc" } });
    expect(projects.map(({ name, areaId, order }) => ({ name, inWork: areaId === areas[0]?.id, order }))).toEqual([
      { name: "Work", inWork: true, order: 1 },
      { name: "Home", inWork: false, order: 2 },
      { name: "Hiring", inWork: true, order: 3 },
      { name: "Hiring / Interviews", inWork: true, order: 4 },
    ]);
    // Todoist's colour names come over as colours: the fake's projects are "charcoal".
    expect(new Set(projects.map((project) => project.color))).toEqual(new Set(["#808080"]));

    const plan = await person.taskOf(ids.tasks["Plan sprint"] as string);
    expect(plan).toMatchObject({ priority: 5, labels: ["calls", "§ Next"], parentId: null, areaId: areas[0]?.id });
    // A sub-task of a sub-task hangs under the top task.
    expect(await person.taskOf(ids.tasks["Draft agenda"] as string)).toMatchObject({ parentId: plan.id });
    expect(await person.taskOf(ids.tasks["Book room"] as string)).toMatchObject({ parentId: plan.id });
    expect(await person.taskOf(ids.tasks["Buy milk"] as string)).toMatchObject({
      projectId: null,
      labels: ["home"],
      startAfter: new Date("2026-12-07T23:00:00Z"),
      dueAt: new Date("2026-12-08T22:59:00Z"),
    });
    expect(await person.taskOf(ids.tasks["Water plants"] as string)).toMatchObject({
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      recurrenceAnchor: "scheduled",
      recurrenceText: "every monday",
    });
    const hiring = projects.find((project) => project.name === "Hiring");
    expect(await person.taskOf(ids.tasks["Call candidate"] as string)).toMatchObject({
      projectId: hiring?.id,
      minutes: 480,
    });

    // Orders are contiguous per project, the inbox included.
    const tasks = await prisma.task.findMany({ where: { userId: person.userId }, orderBy: { order: "asc" } });
    for (const projectId of new Set(tasks.map((task) => task.projectId))) {
      const orders = tasks.filter((task) => task.projectId === projectId).map((task) => task.order);
      expect(orders).toEqual(orders.map((_, i) => i + 1));
    }

    const taxReturn = await person.taskOf(ids.tasks["Tax return"] as string);
    expect(result.unmapped).toEqual([
      {
        taskId: taxReturn.id,
        todoistId: ids.tasks["Tax return"],
        text: "every hour",
        reason: expect.stringMatching(/every hour/),
      },
    ]);
    expect(taxReturn).toMatchObject({ recurrence: null, recurrenceText: "every hour" });
    expect((await person.link(ids.tasks["Tax return"] as string)).unmappedReason).toBe(result.unmapped[0]?.reason);
    expect(result.notes).toEqual([
      expect.objectContaining({ todoistId: ids.tasks["Call candidate"], note: expect.stringMatching(/2 days/) }),
    ]);
    expect(person.events.names().filter((name) => name === "scheduler.task_created")).toHaveLength(8);
    const connection = await prisma.todoistConnection.findUniqueOrThrow({ where: { id: person.connectionId } });
    expect(connection.syncToken).not.toBe("*");
  });

  it("creates nothing twice: again incrementally, after a full re-read, and one request when nothing changed", async () => {
    const { prisma } = database();
    const { person } = await seeded();
    await person.pull();
    const count = () => prisma.task.count({ where: { userId: person.userId } });
    expect(await count()).toBe(8);

    const requestsBefore = person.client.requestCount;
    const again = await person.pull();
    expect(person.client.requestCount - requestsBefore).toBe(1);
    expect(again).toMatchObject({ tasks: 0, created: 0, updated: 0, conflicts: [], notes: [] });

    await prisma.todoistConnection.update({ where: { id: person.connectionId }, data: { syncToken: "*" } });
    const full = await person.pull();
    expect(full).toMatchObject({ tasks: 8, created: 0, updated: 0 });
    expect(await count()).toBe(8);
    expect(await prisma.project.count({ where: { userId: person.userId } })).toBe(4);
    expect(await prisma.area.count({ where: { userId: person.userId } })).toBe(1);
  });

  it("starts over with a full sync when Todoist refuses the sync_token", async () => {
    const { prisma } = database();
    const { person } = await seeded();
    await person.pull();
    await prisma.todoistConnection.update({ where: { id: person.connectionId }, data: { syncToken: "not-a-token" } });
    const result = await person.pull();
    expect(result).toMatchObject({ tasks: 8, created: 0 });
    expect(result.notes).toEqual([expect.objectContaining({ note: expect.stringMatching(/full sync/) })]);
    expect(await prisma.task.count({ where: { userId: person.userId } })).toBe(8);
  });

  it("resumes an import stopped halfway and ends with every task exactly once", async () => {
    const { prisma } = database();
    const person = await todoistPuller({ prisma, fake, clock });
    fake.generate(person.email, { projects: 3, tasks: 1000, recurring: 10 });
    const stop = new AbortController();
    await expect(
      person.pull({
        signal: stop.signal,
        onProgress: ({ phase, done }) => {
          if (phase === "tasks" && done >= 400) stop.abort(new Error("killed"));
        },
      }),
    ).rejects.toThrow("killed");
    expect(await prisma.task.count({ where: { userId: person.userId } })).toBe(400);
    const halfway = await prisma.todoistConnection.findUniqueOrThrow({ where: { id: person.connectionId } });
    expect(halfway.syncToken).toBe("*");

    const resumed = await person.pull();
    expect(resumed).toMatchObject({ tasks: 1000, created: 600 });
    expect(await prisma.task.count({ where: { userId: person.userId } })).toBe(1000);
    expect(await prisma.todoistTaskLink.count({ where: { connectionId: person.connectionId } })).toBe(1000);
    // Every 10th task is a sub-task of one created earlier.
    expect(await prisma.task.count({ where: { userId: person.userId, parentId: { not: null } } })).toBe(100);
    expect(await prisma.project.count({ where: { userId: person.userId } })).toBe(3);
  });

  it("imports 5,000 tasks", async () => {
    const { prisma } = database();
    const person = await todoistPuller({ prisma, fake, clock });
    fake.generate(person.email, { projects: 5, tasks: 5000, recurring: 50 });
    const progress: number[] = [];
    const result = await person.pull({
      onProgress: ({ phase, done }) => {
        if (phase === "tasks") progress.push(done);
      },
    });
    expect(result).toMatchObject({ tasks: 5000, created: 5000, unmapped: [] });
    expect(progress).toEqual(Array.from({ length: 26 }, (_, i) => Math.min(5000, i * 200)));
    expect(await prisma.task.count({ where: { userId: person.userId, completedAt: null } })).toBe(5000);
  });
});

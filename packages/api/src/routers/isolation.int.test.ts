import type { DbClient } from "@agendacraft/domain/shared";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { createTwoUsers, type TestUser } from "../testing/test-users.ts";

/**
 * What Alice owns, created once through the API as Alice. Later domains add their
 * rows here (a project, a task, a planner...).
 */
type AliceOwns = {
  tokenId: string;
  taskId: string;
  projectId: string;
  areaId: string;
  plannerId: string;
  planRunId: string;
  feedId: string;
};

async function seedAlice(alice: TestUser, prisma: DbClient): Promise<AliceOwns> {
  const { token } = await alice.caller.iam.tokens.create({ name: "alice's script" });
  const area = await prisma.area.create({ data: { userId: alice.userId, name: "Alice's area", order: 1 } });
  const project = await prisma.project.create({ data: { userId: alice.userId, name: "Alice's project", order: 1 } });
  const planner = await prisma.planner.create({
    data: {
      userId: alice.userId,
      name: "Alice's hours",
      recurrence: "FREQ=DAILY",
      startDate: new Date("2026-06-01T00:00:00Z"),
      startTime: "09:00",
      minutes: 60,
      timeZone: "UTC",
    },
  });
  const task = await alice.caller.scheduler.tasks.create({ summary: "Alice's task", projectId: project.id });
  // Plans nothing (the task is filed in a project and stays unscheduled); the run is what matters.
  const { run } = await alice.caller.scheduler.plan.commit({ horizonDays: 1 });
  // A task with a time of its own, so Alice's agenda has something Bob must not see.
  await alice.caller.scheduler.tasks.create({
    summary: "Alice's appointment",
    startTime: new Date("2026-06-02T10:00:00Z"),
    minutes: 30,
  });
  // A calendar with one busy event on Tuesday (stored directly: no calendar server here).
  const feed = await prisma.calendarFeed.create({
    data: {
      userId: alice.userId,
      name: "Alice's calendar",
      url: "https://calendar.example.com/alice-secret/basic.ics",
    },
  });
  await prisma.busyEvent.create({
    data: {
      userId: alice.userId,
      feedId: feed.id,
      uid: "alice-dentist",
      summary: "Alice's dentist",
      start: new Date("2026-06-02T14:00:00Z"),
      end: new Date("2026-06-02T15:00:00Z"),
    },
  });
  return {
    tokenId: token.id,
    taskId: task.id,
    projectId: project.id,
    areaId: area.id,
    plannerId: planner.id,
    planRunId: run.id,
    feedId: feed.id,
  };
}

/**
 * One line per procedure that takes an id: Bob tries it on Alice's row and must get
 * NOT_FOUND, exactly as for an id that does not exist (no hint that it does).
 */
const crossUserAttempts: [string, (bob: TestUser, owns: AliceOwns) => Promise<unknown>][] = [
  ["iam.tokens.revoke", (bob, owns) => bob.caller.iam.tokens.revoke({ id: owns.tokenId })],
  ["scheduler.tasks.byId", (bob, owns) => bob.caller.scheduler.tasks.byId({ id: owns.taskId })],
  ["scheduler.tasks.update", (bob, owns) => bob.caller.scheduler.tasks.update({ id: owns.taskId, summary: "mine" })],
  ["scheduler.tasks.delete", (bob, owns) => bob.caller.scheduler.tasks.delete({ id: owns.taskId })],
  ["scheduler.tasks.complete", (bob, owns) => bob.caller.scheduler.tasks.complete({ id: owns.taskId })],
  ["scheduler.tasks.reopen", (bob, owns) => bob.caller.scheduler.tasks.reopen({ id: owns.taskId })],
  ["scheduler.tasks.move (task)", (bob, owns) => bob.caller.scheduler.tasks.move({ id: owns.taskId, projectId: null })],
  [
    "scheduler.tasks.move (into project)",
    (bob, owns) => bob.caller.scheduler.tasks.move({ id: owns.taskId, projectId: owns.projectId }),
  ],
  [
    "scheduler.tasks.create (project)",
    (bob, owns) => bob.caller.scheduler.tasks.create({ summary: "x", projectId: owns.projectId }),
  ],
  [
    "scheduler.tasks.create (area)",
    (bob, owns) => bob.caller.scheduler.tasks.create({ summary: "x", areaId: owns.areaId }),
  ],
  [
    "scheduler.tasks.create (planner)",
    (bob, owns) => bob.caller.scheduler.tasks.create({ summary: "x", plannerId: owns.plannerId }),
  ],
  ["scheduler.tasks.list (project)", (bob, owns) => bob.caller.scheduler.tasks.list({ projectId: owns.projectId })],
  ["scheduler.tasks.list (planner)", (bob, owns) => bob.caller.scheduler.tasks.list({ plannerId: owns.plannerId })],
  ["scheduler.plan.undo", (bob, owns) => bob.caller.scheduler.plan.undo({ runId: owns.planRunId })],
  ["scheduler.areas.byId", (bob, owns) => bob.caller.scheduler.areas.byId({ id: owns.areaId })],
  ["scheduler.areas.update", (bob, owns) => bob.caller.scheduler.areas.update({ id: owns.areaId, name: "mine" })],
  ["scheduler.areas.delete", (bob, owns) => bob.caller.scheduler.areas.delete({ id: owns.areaId })],
  ["scheduler.projects.byId", (bob, owns) => bob.caller.scheduler.projects.byId({ id: owns.projectId })],
  [
    "scheduler.projects.update",
    (bob, owns) => bob.caller.scheduler.projects.update({ id: owns.projectId, name: "mine" }),
  ],
  ["scheduler.projects.archive", (bob, owns) => bob.caller.scheduler.projects.archive({ id: owns.projectId })],
  ["scheduler.projects.unarchive", (bob, owns) => bob.caller.scheduler.projects.unarchive({ id: owns.projectId })],
  ["scheduler.projects.delete", (bob, owns) => bob.caller.scheduler.projects.delete({ id: owns.projectId })],
  [
    "scheduler.projects.create (area)",
    (bob, owns) => bob.caller.scheduler.projects.create({ name: "x", areaId: owns.areaId }),
  ],
  ["scheduler.projects.list (area)", (bob, owns) => bob.caller.scheduler.projects.list({ areaId: owns.areaId })],
  ["scheduler.planners.byId", (bob, owns) => bob.caller.scheduler.planners.byId({ id: owns.plannerId })],
  [
    "scheduler.planners.update",
    (bob, owns) => bob.caller.scheduler.planners.update({ id: owns.plannerId, name: "mine" }),
  ],
  ["scheduler.planners.delete", (bob, owns) => bob.caller.scheduler.planners.delete({ id: owns.plannerId })],
  ["calendars.feeds.sync", (bob, owns) => bob.caller.calendars.feeds.sync({ id: owns.feedId })],
  ["calendars.feeds.remove", (bob, owns) => bob.caller.calendars.feeds.remove({ id: owns.feedId })],
  [
    "scheduler.planners.windows",
    (bob, owns) =>
      bob.caller.scheduler.planners.windows({
        plannerId: owns.plannerId,
        from: new Date("2026-06-01T00:00:00Z"),
        to: new Date("2026-06-08T00:00:00Z"),
      }),
  ],
];

describe("one user never reaches another's data", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let alice: TestUser;
  let bob: TestUser;
  let owns: AliceOwns;

  beforeAll(async () => {
    harness = await createTestDeps();
    ({ alice, bob } = await createTwoUsers(harness.deps));
    owns = await seedAlice(alice, harness.database.prisma);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it.each(crossUserAttempts)("%s on Alice's id is NOT_FOUND for Bob", async (_path, attempt) => {
    const error = await attempt(bob, owns).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
  });

  it("leaves Alice's data untouched after Bob's attempts", async () => {
    const tokens = await alice.caller.iam.tokens.list();
    expect(tokens.items.map((token) => token.id)).toContain(owns.tokenId);
    await expect(alice.caller.scheduler.tasks.byId({ id: owns.taskId })).resolves.toMatchObject({
      summary: "Alice's task",
      projectId: owns.projectId,
      completedAt: null,
    });
    await expect(alice.caller.scheduler.areas.byId({ id: owns.areaId })).resolves.toMatchObject({
      name: "Alice's area",
    });
    await expect(alice.caller.scheduler.projects.byId({ id: owns.projectId })).resolves.toMatchObject({
      name: "Alice's project",
      archivedAt: null,
    });
    await expect(alice.caller.scheduler.planners.byId({ id: owns.plannerId })).resolves.toMatchObject({
      name: "Alice's hours",
    });
    await expect(alice.caller.calendars.feeds.list()).resolves.toMatchObject([
      { id: owns.feedId, name: "Alice's calendar", lastError: null },
    ]);
  });

  it("lists show only the caller's own rows", async () => {
    const bobsTokens = await bob.caller.iam.tokens.list();
    expect(bobsTokens.items).toEqual([]);
    await expect(bob.caller.scheduler.tasks.list()).resolves.toMatchObject({ items: [] });
    await expect(bob.caller.scheduler.areas.list()).resolves.toMatchObject({ items: [] });
    await expect(bob.caller.scheduler.projects.list()).resolves.toMatchObject({ items: [] });
    await expect(bob.caller.scheduler.planners.list()).resolves.toMatchObject({ items: [] });
    await expect(bob.caller.scheduler.plan.runs()).resolves.toEqual([]);
    const windows = await bob.caller.scheduler.planners.windows({
      from: new Date("2026-06-01T00:00:00Z"),
      to: new Date("2026-06-08T00:00:00Z"),
    });
    expect(windows).toEqual([]);
    const week = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-08T00:00:00Z") };
    const alicesAgenda = await alice.caller.scheduler.tasks.agenda(week);
    expect(alicesAgenda.entries.map((entry) => entry.summary)).toContain("Alice's appointment");
    await expect(bob.caller.scheduler.tasks.agenda(week)).resolves.toEqual({ entries: [] });
    await expect(bob.caller.calendars.feeds.list()).resolves.toEqual([]);
    const alicesBusy = await alice.caller.calendars.busy(week);
    expect(alicesBusy.map((event) => event.summary)).toEqual(["Alice's dentist"]);
    await expect(bob.caller.calendars.busy(week)).resolves.toEqual([]);
    await expect(bob.caller.iam.me()).resolves.toMatchObject({ id: bob.userId });
  });
});

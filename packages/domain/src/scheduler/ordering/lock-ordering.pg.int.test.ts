import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { deleteTask } from "../tasks/delete-task.ts";
import { moveTask } from "../tasks/move-task.ts";
import { lockOrdering } from "./lock-ordering.ts";

// PostgreSQL only (TEST_DATABASE_URL): the embedded database is one session, so the
// second change could not even start while the first holds the lock.
describe("the task ordering lock on a PostgreSQL server", () => {
  const database = useTestDatabase();

  /** Changes of this test database's sessions waiting for an advisory lock. */
  async function waitingForLock(): Promise<number> {
    const [row] = await database().prisma.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_locks
      WHERE locktype = 'advisory' AND NOT granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
    return row?.waiting ?? 0;
  }

  /** Each project's (and the inbox's) tasks as "order:summary", in order. */
  async function positions(userId: string): Promise<Map<string | null, string[]>> {
    const tasks = await database().prisma.task.findMany({ where: { userId }, orderBy: { order: "asc" } });
    const byProject = new Map<string | null, string[]>();
    for (const { projectId, order, summary } of tasks) {
      byProject.set(projectId, [...(byProject.get(projectId) ?? []), `${order}:${summary}`]);
    }
    return byProject;
  }

  // A change that waited for the lock must read the task after the change that held it:
  // here the holder moved the task to another project, so the gap to close is there.
  it.each([
    ["moves it to the inbox", "move"],
    ["deletes it", "delete"],
  ] as const)("a change waiting for the lock %s where the holder left it", async (_name, change) => {
    const { prisma } = database();
    const user = await prisma.user.create({ data: { name: "Lock", email: `lock-${crypto.randomUUID()}@example.com` } });
    const actorId = user.id;
    const [first, second] = await Promise.all(
      ["P1", "P2"].map((name, i) => prisma.project.create({ data: { userId: actorId, name, order: i + 1 } })),
    );
    if (!first || !second) throw new Error("projects not created");
    const a1 = await prisma.task.create({ data: { userId: actorId, projectId: first.id, summary: "a1", order: 1 } });
    await prisma.task.createMany({
      data: [
        { userId: actorId, projectId: first.id, summary: "a2", order: 2 },
        { userId: actorId, projectId: first.id, summary: "a3", order: 3 },
        { userId: actorId, projectId: second.id, summary: "b1", order: 1 },
      ],
    });

    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = prisma.$transaction(
      async (tx) => {
        await lockOrdering(tx, actorId, "tasks");
        locked();
        await released;
        await moveTask({
          db: tx,
          actorId,
          input: { id: a1.id, projectId: second.id },
          events: createRecordingEvents(),
        });
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const waiting =
      change === "move"
        ? moveTask({ db: prisma, actorId, input: { id: a1.id, projectId: null }, events: createRecordingEvents() })
        : deleteTask({ db: prisma, actorId, id: a1.id, events: createRecordingEvents() });
    await expect.poll(waitingForLock, { timeout: 10_000 }).toBe(1);
    release();
    await holder;
    await waiting;

    const byProject = await positions(actorId);
    expect(byProject.get(first.id)).toEqual(["1:a2", "2:a3"]);
    expect(byProject.get(second.id)).toEqual(["1:b1"]);
    expect(byProject.get(null)).toEqual(change === "move" ? ["1:a1"] : undefined);
  });
});

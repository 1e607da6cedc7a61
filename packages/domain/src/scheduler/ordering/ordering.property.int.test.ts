import { useTestDatabase } from "@agendacraft/db/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { withTransaction } from "../../shared/db.ts";
import { domainErrorFromPrisma, isDomainError } from "../../shared/errors.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { createArea } from "../areas/create-area.ts";
import { deleteArea } from "../areas/delete-area.ts";
import { createProject } from "../projects/create-project.ts";
import { deleteProject } from "../projects/delete-project.ts";
import { updateProject } from "../projects/update-project.ts";
import { completeTask } from "../tasks/complete-task.ts";
import { createTask } from "../tasks/create-task.ts";
import { deleteTask } from "../tasks/delete-task.ts";
import { moveTask } from "../tasks/move-task.ts";
import { ZCreateTaskInput } from "../tasks/schemas.ts";

// `pick`, `area`, `project` and `task` choose among the rows that exist (modulo); for
// `area` and `project`, 0 means none (no area, the inbox).
type Operation =
  | { kind: "createArea" }
  | { kind: "createProject"; area: number }
  | { kind: "moveProject"; pick: number; area: number }
  | { kind: "deleteArea"; pick: number }
  | { kind: "deleteProject"; pick: number }
  | { kind: "createTask"; project: number }
  | { kind: "moveTask"; task: number; to: { before: number } | { after: number } | { project: number } }
  | { kind: "deleteTask"; task: number }
  | { kind: "completeTask"; task: number };

const pick = fc.nat({ max: 50 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("createArea" as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("createProject" as const), area: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("moveProject" as const), pick, area: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteArea" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteProject" as const), pick }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("createTask" as const), project: pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("moveTask" as const),
      task: pick,
      to: fc.oneof(fc.record({ before: pick }), fc.record({ after: pick }), fc.record({ project: pick })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteTask" as const), task: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("completeTask" as const), task: pick }) },
);
// A batch runs concurrently, as requests from several tabs would; on PostgreSQL that is
// what would surface a deadlock or a duplicated position.
const batches = fc.array(fc.array(operation, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });

const clock = fixedClock("2026-03-02T08:00:00Z");
// Ordering does not depend on who reacts to the changes.
const events = createRecordingEvents();

/** 1..n, in the order the rows are in. */
const contiguous = (rows: unknown[]) => rows.map((_, i) => i + 1);

describe("area, project and task order (property)", () => {
  const database = useTestDatabase();

  async function newUser(): Promise<string> {
    const user = await database().prisma.user.create({
      data: { name: "Order", email: `order-${crypto.randomUUID()}@example.com` },
    });
    return user.id;
  }

  it("stays 1..n, without deadlocks, under any interleaving of creates, moves, completes and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (plan) => {
        const { prisma: db } = database();
        const actorId = await newUser();

        for (const batch of plan) {
          // Ordered by id, so a pick means the same row whatever the positions are.
          const ids = { where: { userId: actorId }, select: { id: true }, orderBy: { id: "asc" as const } };
          const [areas, projects, tasks] = await Promise.all([
            db.area.findMany(ids),
            db.project.findMany(ids),
            db.task.findMany(ids),
          ]);
          const nth = (rows: { id: string }[], n: number) => rows?.[n % Math.max(rows.length, 1)]?.id;
          const areaAt = (n: number) => (n === 0 ? null : (nth(areas, n) ?? null));
          const projectAt = (n: number) => (n === 0 ? null : (nth(projects, n) ?? null));
          const run = (op: Operation): Promise<unknown> | undefined => {
            switch (op.kind) {
              case "createArea":
                return createArea({ db, actorId, input: { name: "a" } });
              case "createProject": {
                const areaId = areaAt(op.area);
                return createProject({ db, actorId, input: { name: "p", ...(areaId ? { areaId } : {}) } });
              }
              case "moveProject": {
                const id = nth(projects, op.pick);
                return id ? updateProject({ db, actorId, input: { id, areaId: areaAt(op.area) } }) : undefined;
              }
              case "deleteArea": {
                const id = areaAt(op.pick + 1);
                return id ? deleteArea({ db, actorId, input: { id } }) : undefined;
              }
              case "deleteProject": {
                const id = nth(projects, op.pick);
                return id ? deleteProject({ db, actorId, input: { id } }) : undefined;
              }
              case "createTask": {
                const projectId = projectAt(op.project);
                const input = ZCreateTaskInput.parse({ summary: "t", ...(projectId ? { projectId } : {}) });
                return createTask({ db, actorId, input, clock, events });
              }
              case "moveTask": {
                const id = nth(tasks, op.task);
                if (!id) return undefined;
                const target =
                  "before" in op.to
                    ? { beforeId: nth(tasks, op.to.before) }
                    : "after" in op.to
                      ? { afterId: nth(tasks, op.to.after) }
                      : { projectId: projectAt(op.to.project) };
                return moveTask({ db, actorId, input: { id, ...target }, events });
              }
              case "deleteTask": {
                const id = nth(tasks, op.task);
                return id ? deleteTask({ db, actorId, id, events }) : undefined;
              }
              case "completeTask": {
                const id = nth(tasks, op.task);
                return id ? completeTask({ db, actorId, id, clock, events }) : undefined;
              }
            }
          };
          // Another request of the batch may delete a row first (the task, its project, the
          // anchor): that is NOT_FOUND, never anything else.
          await Promise.all(
            batch.map((op) =>
              run(op)?.catch((error: unknown) => {
                const domainError = isDomainError(error) ? error : domainErrorFromPrisma(error);
                if (domainError?.kind !== "NOT_FOUND") throw error;
              }),
            ),
          );
        }

        const areas = await db.area.findMany({ where: { userId: actorId }, orderBy: { order: "asc" } });
        const projects = await db.project.findMany({ where: { userId: actorId }, orderBy: { order: "asc" } });
        expect(areas.map((area) => area.order)).toEqual(contiguous(areas));
        expect(projects.map((project) => project.order)).toEqual(contiguous(projects));
        const tasks = await db.task.findMany({ where: { userId: actorId }, orderBy: { order: "asc" } });
        for (const projectId of [null, ...projects.map((project) => project.id)]) {
          const inScope = tasks.filter((task) => task.projectId === projectId);
          expect(inScope.map((task) => task.order)).toEqual(contiguous(inScope));
        }
      }),
      { numRuns: 20 },
    );
  });

  it("joins a transaction the caller already opened, and rolls back with it", async () => {
    const { prisma } = database();
    const actorId = await newUser();
    await expect(
      withTransaction(prisma, async (tx) => {
        const area = await createArea({ db: tx, actorId, input: { name: "Kept?" } });
        const project = await createProject({ db: tx, actorId, input: { name: "In it", areaId: area.id } });
        await createTask({
          db: tx,
          actorId,
          input: ZCreateTaskInput.parse({ summary: "t", projectId: project.id }),
          clock,
          events,
        });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await expect(prisma.area.count({ where: { userId: actorId } })).resolves.toBe(0);
    await expect(prisma.project.count({ where: { userId: actorId } })).resolves.toBe(0);
    await expect(prisma.task.count({ where: { userId: actorId } })).resolves.toBe(0);
  });
});

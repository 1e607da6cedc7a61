import { useTestDatabase } from "@agendacraft/db/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withTransaction } from "../../shared/db.ts";
import { isDomainError } from "../../shared/errors.ts";
import { createArea } from "../areas/create-area.ts";
import { deleteArea } from "../areas/delete-area.ts";
import { createProject } from "./create-project.ts";
import { deleteProject } from "./delete-project.ts";
import { updateProject } from "./update-project.ts";

// `pick` chooses among the rows that exist (modulo); `area` likewise, 0 meaning none.
type Operation =
  | { kind: "createArea" }
  | { kind: "createProject"; area: number }
  | { kind: "moveProject"; pick: number; area: number }
  | { kind: "deleteArea"; pick: number }
  | { kind: "deleteProject"; pick: number };

const pick = fc.nat({ max: 50 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("createArea" as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("createProject" as const), area: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("moveProject" as const), pick, area: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteArea" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteProject" as const), pick }) },
);
// A batch runs concurrently, as requests from several tabs would; on PostgreSQL that is
// what would surface a deadlock or a duplicated position.
const batches = fc.array(fc.array(operation, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });

describe("area and project order (property)", () => {
  const database = useTestDatabase();

  async function newUser(): Promise<string> {
    const user = await database().prisma.user.create({
      data: { name: "Order", email: `order-${crypto.randomUUID()}@example.com` },
    });
    return user.id;
  }

  it("stays 1..n, without deadlocks, under any interleaving of creates, moves and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (plan) => {
        const { prisma: db } = database();
        const actorId = await newUser();

        for (const batch of plan) {
          const [areas, projects] = await Promise.all([
            db.area.findMany({ where: { userId: actorId }, select: { id: true } }),
            db.project.findMany({ where: { userId: actorId }, select: { id: true, areaId: true } }),
          ]);
          // Tasks as the tasks service files them (taking the project's area), so moves and deletes lock task rows.
          await db.task.createMany({
            data: projects.map((project, i) => ({
              userId: actorId,
              summary: "t",
              order: i + 1,
              projectId: project.id,
              areaId: project.areaId,
            })),
          });
          const areaAt = (n: number) => (n === 0 ? null : (areas[n % Math.max(areas.length, 1)]?.id ?? null));
          const projectAt = (n: number) => projects[n % Math.max(projects.length, 1)]?.id;
          const run = (op: Operation): Promise<unknown> | undefined => {
            const areaId = "area" in op ? areaAt(op.area) : null;
            const projectId = "pick" in op ? projectAt(op.pick) : undefined;
            if (op.kind === "createArea") return createArea({ db, actorId, input: { name: "a" } });
            if (op.kind === "createProject") {
              return createProject({ db, actorId, input: { name: "p", ...(areaId ? { areaId } : {}) } });
            }
            if (op.kind === "moveProject" && projectId) {
              return updateProject({ db, actorId, input: { id: projectId, areaId } });
            }
            const areaToDelete = op.kind === "deleteArea" ? areaAt(op.pick + 1) : null;
            if (areaToDelete) return deleteArea({ db, actorId, input: { id: areaToDelete } });
            if (op.kind === "deleteProject" && projectId) {
              return deleteProject({ db, actorId, input: { id: projectId } });
            }
            return undefined;
          };
          // Another request of the batch may delete the row first: that is NOT_FOUND, never anything else.
          await Promise.all(
            batch.map((op) =>
              run(op)?.catch((error: unknown) => {
                if (!isDomainError(error) || error.kind !== "NOT_FOUND") throw error;
              }),
            ),
          );
        }

        const areas = await db.area.findMany({ where: { userId: actorId }, orderBy: { order: "asc" } });
        const projects = await db.project.findMany({ where: { userId: actorId }, orderBy: { order: "asc" } });
        expect(areas.map((area) => area.order)).toEqual(areas.map((_, i) => i + 1));
        expect(projects.map((project) => project.order)).toEqual(projects.map((_, i) => i + 1));
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
        await createProject({ db: tx, actorId, input: { name: "In it", areaId: area.id } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await expect(prisma.area.count({ where: { userId: actorId } })).resolves.toBe(0);
    await expect(prisma.project.count({ where: { userId: actorId } })).resolves.toBe(0);
  });
});

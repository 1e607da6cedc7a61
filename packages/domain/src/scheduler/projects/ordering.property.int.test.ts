import { useTestDatabase } from "@agendacraft/db/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withTransaction } from "../../shared/db.ts";
import { createArea } from "../areas/create-area.ts";
import { deleteArea } from "../areas/delete-area.ts";
import { createProject } from "./create-project.ts";
import { deleteProject } from "./delete-project.ts";

type Operation = { kind: "create" } | { kind: "delete"; pick: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "create" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat({ max: 50 }) }) },
);
// Operations run in batches; a batch runs concurrently, as requests from several tabs would.
const batches = fc.array(fc.array(operation, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

describe("area and project order (property)", () => {
  const database = useTestDatabase();

  async function newUser(): Promise<string> {
    const user = await database().prisma.user.create({
      data: { name: "Order", email: `order-${crypto.randomUUID()}@example.com` },
    });
    return user.id;
  }

  it("stays 1..n under any interleaving of creates and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (plan) => {
        const { prisma } = database();
        const actorId = await newUser();
        const ids = { areas: [] as string[], projects: [] as string[] };

        for (const batch of plan) {
          const claimed = { areas: new Set<string>(), projects: new Set<string>() };
          await Promise.all(
            batch.flatMap((op) => {
              if (op.kind === "create") {
                return [
                  createArea({ db: prisma, actorId, input: { name: "a" } }).then((area) => ids.areas.push(area.id)),
                  createProject({ db: prisma, actorId, input: { name: "p" } }).then((p) => ids.projects.push(p.id)),
                ];
              }
              const area = ids.areas[op.pick % Math.max(ids.areas.length, 1)];
              const project = ids.projects[op.pick % Math.max(ids.projects.length, 1)];
              const work: Promise<unknown>[] = [];
              if (area && !claimed.areas.has(area)) {
                claimed.areas.add(area);
                work.push(deleteArea({ db: prisma, actorId, input: { id: area } }));
              }
              if (project && !claimed.projects.has(project)) {
                claimed.projects.add(project);
                work.push(deleteProject({ db: prisma, actorId, input: { id: project } }));
              }
              return work;
            }),
          );
          ids.areas = ids.areas.filter((id) => !claimed.areas.has(id));
          ids.projects = ids.projects.filter((id) => !claimed.projects.has(id));
        }

        const areas = await prisma.area.findMany({ where: { userId: actorId }, orderBy: { order: "asc" } });
        const projects = await prisma.project.findMany({ where: { userId: actorId }, orderBy: { order: "asc" } });
        expect(areas.map((area) => area.order)).toEqual(areas.map((_, i) => i + 1));
        expect(projects.map((project) => project.order)).toEqual(projects.map((_, i) => i + 1));
        expect(areas).toHaveLength(ids.areas.length);
        expect(projects).toHaveLength(ids.projects.length);
      }),
      { numRuns: 15 },
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

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createTestUser } from "../../testing/test-users.ts";

type Operation =
  | { kind: "create"; scope: number }
  | { kind: "move"; task: number; to: { before: number } | { after: number } | { scope: number } }
  | { kind: "delete"; task: number }
  | { kind: "complete"; task: number };

// Scope 0 is the inbox; 1 and 2 are projects. Task numbers pick among existing tasks (modulo).
const scope = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("create" as const), scope }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("move" as const),
      task: pick,
      to: fc.oneof(fc.record({ before: pick }), fc.record({ after: pick }), fc.record({ scope })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), task: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("complete" as const), task: pick }) },
);

describe("task order (property)", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("stays 1..n in every project and the inbox under any sequence of create, move, delete and complete", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const user = await createTestUser(harness.deps);
        const { prisma } = harness.database;
        const projects = await Promise.all(
          ["P1", "P2"].map((name, i) => prisma.project.create({ data: { userId: user.userId, name, order: i + 1 } })),
        );
        const scopeId = (index: number) => (index === 0 ? null : (projects[index - 1]?.id ?? null));
        const tasks = user.caller.scheduler.tasks;
        const ids: string[] = [];
        const at = (n: number) => ids[n % ids.length] as string;

        for (const op of operations) {
          if (op.kind === "create") {
            const projectId = scopeId(op.scope);
            ids.push((await tasks.create({ summary: "t", ...(projectId ? { projectId } : {}) })).id);
          } else if (ids.length > 0 && op.kind === "move") {
            const target =
              "before" in op.to
                ? { beforeId: at(op.to.before) }
                : "after" in op.to
                  ? { afterId: at(op.to.after) }
                  : { projectId: scopeId(op.to.scope) };
            await tasks.move({ id: at(op.task), ...target });
          } else if (ids.length > 0 && op.kind === "delete") {
            const id = at(op.task);
            await tasks.delete({ id });
            ids.splice(ids.indexOf(id), 1);
          } else if (ids.length > 0 && op.kind === "complete") {
            await tasks.complete({ id: at(op.task) });
          }
        }

        for (const projectId of [null, ...projects.map((p) => p.id)]) {
          const rows = await prisma.task.findMany({
            where: { userId: user.userId, projectId },
            orderBy: { order: "asc" },
          });
          expect(rows.map((row) => row.order)).toEqual(rows.map((_, i) => i + 1));
        }
      }),
      { numRuns: 15 },
    );
  });
});

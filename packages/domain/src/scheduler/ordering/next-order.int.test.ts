import { Prisma } from "@agendacraft/db/prisma";
import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { lastOrderSql, nextOrder } from "./next-order.ts";
import { areaOrder, type OrderScope, projectOrder, taskOrder } from "./order-scope.ts";

type PlanNode = { "Node Type": string; Plans?: PlanNode[] };

describe("nextOrder", () => {
  const database = useTestDatabase();

  async function userWithRows(tasksPerScope: number) {
    const { prisma } = database();
    const user = await prisma.user.create({ data: { name: "Next", email: `next-${crypto.randomUUID()}@example.com` } });
    const userId = user.id;
    await prisma.area.create({ data: { userId, name: "a", order: 1 } });
    const project = await prisma.project.create({ data: { userId, name: "p", order: 1 } });
    await prisma.project.create({ data: { userId, name: "q", order: 2 } });
    const tasks = (projectId: string | null) =>
      Array.from({ length: tasksPerScope }, (_, i) => ({ userId, projectId, summary: "t", order: i + 1 }));
    await prisma.task.createMany({ data: [...tasks(null), ...tasks(project.id)] });
    return { userId, projectId: project.id };
  }

  it("is one past the last position in the scope, and 1 in an empty one", async () => {
    const { prisma } = database();
    const { userId, projectId } = await userWithRows(3);
    const other = await userWithRows(5);
    const emptyProject = await prisma.project.create({ data: { userId, name: "e", order: 3 } });
    const next = (scope: OrderScope) => prisma.$transaction((tx) => nextOrder(tx, scope));

    await expect(next(areaOrder(userId))).resolves.toBe(2);
    await expect(next(projectOrder(userId))).resolves.toBe(4);
    await expect(next(taskOrder(userId, null))).resolves.toBe(4);
    await expect(next(taskOrder(userId, projectId))).resolves.toBe(4);
    await expect(next(taskOrder(userId, emptyProject.id))).resolves.toBe(1);
    await expect(next(taskOrder(other.userId, other.projectId))).resolves.toBe(6);
  });

  // What keeps creating a task cheap in a big project: the plan reads one index entry
  // (a Limit over a backward index scan), not every task of the scope. Areas and projects
  // use the same form, but a person has few enough that a plan reading them all is fine.
  it("reads the inbox and a project from the end of the index", async () => {
    const { prisma } = database();
    const { userId, projectId } = await userWithRows(1000);
    await prisma.$executeRaw`ANALYZE tasks`;
    for (const scope of [taskOrder(userId, null), taskOrder(userId, projectId)]) {
      const [explained] = await prisma.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
        Prisma.sql`EXPLAIN (FORMAT JSON) ${lastOrderSql(scope)}`,
      );
      const plan = explained?.["QUERY PLAN"][0].Plan;
      expect(plan?.["Node Type"]).toBe("Limit");
      expect(plan?.Plans?.[0]).toMatchObject({
        "Node Type": expect.stringMatching(/^Index (Only )?Scan$/),
        "Scan Direction": "Backward",
        "Index Name": "tasks_userId_projectId_order_idx",
      });
    }
  });
});

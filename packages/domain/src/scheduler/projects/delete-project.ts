import { type Db, withTransaction } from "../../shared/db.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { projectOrder } from "../ordering/order-scope.ts";
import { closeOrderGap } from "../ordering/shift-orders.ts";
import { projectNotFound } from "./project-errors.ts";
import type { DeletedProjectDto, ProjectIdInput } from "./schemas.ts";

/**
 * Deletes one of the actor's projects with its tasks; the projects after it move up so
 * orders stay 1..n. The tasks are deleted here rather than left to the foreign key's
 * cascade (which still backs it up) so the count returned is exactly what went.
 */
export async function deleteProject({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: ProjectIdInput;
}): Promise<DeletedProjectDto> {
  return withTransaction(db, async (tx) => {
    // Its tasks go too: serialise with task moves, which lock the same task rows.
    await lockOrdering(tx, actorId, "projects", "tasks");
    // The project row before its tasks: the order in which updateProject locks them.
    const [project] = await tx.$queryRaw<{ order: number }[]>`
      SELECT "order" FROM projects WHERE id = ${input.id}::uuid AND "userId" = ${actorId}::uuid FOR UPDATE`;
    if (!project) throw projectNotFound();
    // A sub-task filed in another project stays there, as a top task: left to the foreign
    // key's cascade it would go unseen and leave a gap in that project's order.
    await tx.task.updateMany({
      where: {
        userId: actorId,
        parent: { projectId: input.id },
        OR: [{ projectId: null }, { projectId: { not: input.id } }],
      },
      data: { parentId: null },
    });
    const { count: deletedTasks } = await tx.task.deleteMany({ where: { projectId: input.id } });
    await tx.project.delete({ where: { id: input.id } });
    await closeOrderGap(tx, projectOrder(actorId), project.order);
    return { deleted: true as const, deletedTasks };
  });
}

import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { projectOrder } from "../ordering/order-scope.ts";
import { assertAreaUsable } from "./assert-area-usable.ts";
import { projectSelect, toProjectDto } from "./project.select.ts";
import { tooManyProjects } from "./project-errors.ts";
import type { CreateProjectInput, ProjectDto } from "./schemas.ts";

/** Adds a project after the user's last one, optionally in one of their areas; at most ACCOUNT_LIMITS.projects (archived ones count). */
export async function createProject({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: CreateProjectInput;
}): Promise<ProjectDto> {
  return withTransaction(db, async (tx) => {
    await lockOrdering(tx, actorId, "projects");
    if ((await tx.project.count({ where: { userId: actorId } })) >= ACCOUNT_LIMITS.projects) throw tooManyProjects();
    if (input.areaId) await assertAreaUsable({ tx, actorId, areaId: input.areaId });
    const order = await nextOrder(tx, projectOrder(actorId));
    const project = await tx.project.create({
      data: {
        userId: actorId,
        name: input.name,
        color: input.color,
        areaId: input.areaId,
        order,
      },
      select: projectSelect,
    });
    return toProjectDto(project);
  });
}

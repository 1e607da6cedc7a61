import { type Db, withTransaction } from "../../shared/db.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { assertAreaUsable } from "./assert-area-usable.ts";
import { projectSelect, toProjectDto } from "./project.select.ts";
import { projectNotFound } from "./project-errors.ts";
import type { ProjectDto, UpdateProjectInput } from "./schemas.ts";

/**
 * Renames, recolors or moves one of the actor's projects (`areaId: null` takes it out
 * of its area). Tasks that took their area from the project move with it; a task filed
 * under another area on purpose stays there.
 */
export async function updateProject({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: UpdateProjectInput;
}): Promise<ProjectDto> {
  return withTransaction(db, async (tx) => {
    if (input.areaId !== undefined) {
      // Moving rewrites task rows too: serialise with area deletes and task moves, which
      // write the same rows (and a move into this project waits for the row lock below).
      await lockOrdering(tx, actorId, "projects", "tasks");
      if (input.areaId) await assertAreaUsable({ tx, actorId, areaId: input.areaId });
    }
    // Locked, so two concurrent moves cannot both take the same area as the old one.
    const [current] = await tx.$queryRaw<{ areaId: string | null }[]>`
      SELECT "areaId" FROM projects WHERE id = ${input.id}::uuid AND "userId" = ${actorId}::uuid FOR UPDATE`;
    if (!current) throw projectNotFound();
    const project = await tx.project.update({
      where: { id: input.id },
      data: { name: input.name, color: input.color, areaId: input.areaId },
      select: projectSelect,
    });
    if (input.areaId !== undefined && input.areaId !== current.areaId) {
      await tx.task.updateMany({
        where: { userId: actorId, projectId: input.id, areaId: current.areaId },
        data: { areaId: input.areaId },
      });
    }
    return toProjectDto(project);
  });
}

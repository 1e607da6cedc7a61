import type { Db } from "../../shared/db.ts";
import { DomainError } from "../../shared/errors.ts";

/**
 * The project, area and planner a task points at must be the actor's own. A foreign
 * id answers exactly like a missing one, so ids of others reveal nothing.
 * Returns the project's area so a task filed in a project lands in its area too.
 */
export async function assertTaskReferences(
  db: Db,
  actorId: string,
  refs: { projectId?: string | null; areaId?: string | null; plannerId?: string | null },
): Promise<{ projectAreaId: string | null }> {
  const [project, area, planner] = await Promise.all([
    refs.projectId
      ? db.project.findFirst({ where: { id: refs.projectId, userId: actorId }, select: { areaId: true } })
      : null,
    refs.areaId ? db.area.findFirst({ where: { id: refs.areaId, userId: actorId }, select: { id: true } }) : null,
    refs.plannerId
      ? db.planner.findFirst({ where: { id: refs.plannerId, userId: actorId }, select: { id: true } })
      : null,
  ]);
  if (refs.projectId && !project) throw notFound("project", "projectId");
  if (refs.areaId && !area) throw notFound("area", "areaId");
  if (refs.plannerId && !planner) throw notFound("planner", "plannerId");
  return { projectAreaId: project?.areaId ?? null };
}

function notFound(entity: "project" | "area" | "planner", field: string): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: `scheduler.${entity}_not_found`,
    message: `That ${entity} does not exist.`,
    details: { field },
  });
}

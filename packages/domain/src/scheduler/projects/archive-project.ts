import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { projectSelect, toProjectDto } from "./project.select.ts";
import { projectNotFound } from "./project-errors.ts";
import type { ProjectDto, ProjectIdInput } from "./schemas.ts";

/** Hides the project from the default list; archiving twice keeps the first date. */
export async function archiveProject({
  db,
  actorId,
  input,
  clock,
}: {
  db: Db;
  actorId: string;
  input: ProjectIdInput;
  clock: Clock;
}): Promise<ProjectDto> {
  await db.project.updateMany({
    where: { id: input.id, userId: actorId, archivedAt: null },
    data: { archivedAt: clock.now() },
  });
  const project = await db.project.findFirst({ where: { id: input.id, userId: actorId }, select: projectSelect });
  if (!project) throw projectNotFound();
  return toProjectDto(project);
}

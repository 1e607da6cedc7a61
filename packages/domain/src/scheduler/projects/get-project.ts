import type { Db } from "../../shared/db.ts";
import { countProjectTasks } from "./count-project-tasks.ts";
import { projectSelect, toProjectDto } from "./project.select.ts";
import { projectNotFound } from "./project-errors.ts";
import type { ProjectIdInput, ProjectWithCountsDto } from "./schemas.ts";

/** One of the actor's projects, archived or not, with its task counts. */
export async function getProject({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: ProjectIdInput;
}): Promise<ProjectWithCountsDto> {
  const project = await db.project.findFirst({ where: { id: input.id, userId: actorId }, select: projectSelect });
  if (!project) throw projectNotFound();
  const counts = await countProjectTasks({ db, actorId, projectIds: [project.id] });
  return { ...toProjectDto(project), ...(counts.get(project.id) ?? { openTasks: 0, doneTasks: 0 }) };
}

import type { Db } from "../../shared/db.ts";
import { domainErrorFromPrisma } from "../../shared/errors.ts";
import { projectSelect, toProjectDto } from "./project.select.ts";
import { projectNotFound } from "./project-errors.ts";
import type { ProjectDto, ProjectIdInput } from "./schemas.ts";

/** Brings an archived project back into the default list, in its old place. */
export async function unarchiveProject({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: ProjectIdInput;
}): Promise<ProjectDto> {
  return db.project
    .update({ where: { id: input.id, userId: actorId }, data: { archivedAt: null }, select: projectSelect })
    .then(toProjectDto)
    .catch((error: unknown) => {
      throw domainErrorFromPrisma(error)?.kind === "NOT_FOUND" ? projectNotFound() : error;
    });
}

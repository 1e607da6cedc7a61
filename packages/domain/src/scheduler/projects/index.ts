export { archiveProject } from "./archive-project.ts";
export { createProject } from "./create-project.ts";
export { deleteProject } from "./delete-project.ts";
export { getProject } from "./get-project.ts";
export { listProjects } from "./list-projects.ts";
export { projectNotFound } from "./project-errors.ts";
export {
  type CreateProjectInput,
  type DeletedProjectDto,
  type ListProjectsInput,
  type ProjectDto,
  type ProjectWithCountsDto,
  type UpdateProjectInput,
  ZCreateProjectInput,
  ZDeletedProject,
  ZListProjectsInput,
  ZProject,
  ZProjectIdInput,
  ZProjectPage,
  ZProjectWithCounts,
  ZUpdateProjectInput,
} from "./schemas.ts";
export { unarchiveProject } from "./unarchive-project.ts";
export { updateProject } from "./update-project.ts";

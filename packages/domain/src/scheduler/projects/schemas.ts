import { z } from "zod";
import { ZColor } from "../../shared/color.ts";
import { DEFAULT_PAGE_SIZE, ZPage, ZPageInput } from "../../shared/pagination.ts";
import { ZText } from "../../shared/text.ts";
import { ZTaskCounts } from "../areas/schemas.ts";

export const ZProjectName = ZText.trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
export const ZProjectId = z.uuid("Unknown project");
const ZAreaRef = z.uuid("Unknown area");

export const ZProject = z.object({
  id: z.uuid(),
  name: z.string(),
  /** "#RRGGBB" */
  color: z.string(),
  areaId: z.uuid().nullable(),
  /** 1..n among the user's projects (archived ones included), contiguous. */
  order: z.number().int().positive(),
  archivedAt: z.date().nullable(),
  /** The Todoist project this one is linked to (imported from or pushed to); null when not linked. */
  todoistId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProjectDto = z.infer<typeof ZProject>;

export const ZProjectWithCounts = ZProject.extend(ZTaskCounts.shape);
export type ProjectWithCountsDto = z.infer<typeof ZProjectWithCounts>;

export const ZCreateProjectInput = z.object({
  name: ZProjectName,
  color: ZColor.optional(),
  areaId: ZAreaRef.optional(),
});
export type CreateProjectInput = z.infer<typeof ZCreateProjectInput>;

export const ZUpdateProjectInput = z.object({
  id: ZProjectId,
  name: ZProjectName.optional(),
  color: ZColor.optional(),
  /** null takes the project out of its area; omitted leaves it where it is. */
  areaId: ZAreaRef.nullable().optional(),
});
export type UpdateProjectInput = z.infer<typeof ZUpdateProjectInput>;

export const ZProjectIdInput = z.object({ id: ZProjectId });
export type ProjectIdInput = z.infer<typeof ZProjectIdInput>;

export const ZListProjectsInput = ZPageInput.extend({
  /** Only this area's projects; null for projects without an area. */
  areaId: ZAreaRef.nullable().optional(),
  includeArchived: z.boolean().default(false),
}).default({ limit: DEFAULT_PAGE_SIZE, includeArchived: false });
export type ListProjectsInput = z.infer<typeof ZListProjectsInput>;

export const ZProjectPage = ZPage(ZProjectWithCounts);

export const ZDeletedProject = z.object({
  deleted: z.literal(true),
  /** How many tasks went with the project, so a client can say so. */
  deletedTasks: z.number().int().nonnegative(),
});
export type DeletedProjectDto = z.infer<typeof ZDeletedProject>;

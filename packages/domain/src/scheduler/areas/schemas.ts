import { z } from "zod";
import { ZColor } from "../../shared/color.ts";
import { DEFAULT_PAGE_SIZE, ZPage, ZPageInput } from "../../shared/pagination.ts";
import { ZText } from "../../shared/text.ts";

export const ZAreaName = ZText.trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
export const ZAreaId = z.uuid("Unknown area");

export const ZArea = z.object({
  id: z.uuid(),
  name: z.string(),
  /** "#RRGGBB" */
  color: z.string(),
  /** 1..n among the user's areas, contiguous. */
  order: z.number().int().positive(),
  /** The Todoist project (one with sub-projects) this area stands for; null when not linked. */
  todoistId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AreaDto = z.infer<typeof ZArea>;

/** Tasks in the area: directly, or through one of its projects. */
export const ZTaskCounts = z.object({
  openTasks: z.number().int().nonnegative(),
  doneTasks: z.number().int().nonnegative(),
});
export type TaskCounts = z.infer<typeof ZTaskCounts>;

export const ZAreaWithCounts = ZArea.extend(ZTaskCounts.shape);
export type AreaWithCountsDto = z.infer<typeof ZAreaWithCounts>;

export const ZCreateAreaInput = z.object({ name: ZAreaName, color: ZColor.optional() });
export type CreateAreaInput = z.infer<typeof ZCreateAreaInput>;

export const ZUpdateAreaInput = z.object({ id: ZAreaId, name: ZAreaName.optional(), color: ZColor.optional() });
export type UpdateAreaInput = z.infer<typeof ZUpdateAreaInput>;

export const ZAreaIdInput = z.object({ id: ZAreaId });
export type AreaIdInput = z.infer<typeof ZAreaIdInput>;

export const ZListAreasInput = ZPageInput.default({ limit: DEFAULT_PAGE_SIZE });
export type ListAreasInput = z.infer<typeof ZListAreasInput>;

export const ZAreaPage = ZPage(ZAreaWithCounts);

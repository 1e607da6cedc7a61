import type { Db } from "../../shared/db.ts";
import { type Page, toPage } from "../../shared/pagination.ts";
import { areaNotFound } from "../areas/area-errors.ts";
import { afterOrderCursor, encodeOrderCursor } from "../ordering/order-cursor.ts";
import { countProjectTasks } from "./count-project-tasks.ts";
import { projectSelect, toProjectDto } from "./project.select.ts";
import type { ListProjectsInput, ProjectWithCountsDto } from "./schemas.ts";

/**
 * The actor's projects in their order, with task counts. A fixed number of statements
 * whatever the page size: the projects, their counts, and the area check when filtering.
 */
export async function listProjects({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: ListProjectsInput;
}): Promise<Page<ProjectWithCountsDto>> {
  if (input.areaId) {
    const area = await db.area.findFirst({ where: { id: input.areaId, userId: actorId }, select: { id: true } });
    if (!area) throw areaNotFound();
  }
  const rows = await db.project.findMany({
    where: {
      userId: actorId,
      ...(input.areaId !== undefined ? { areaId: input.areaId } : {}),
      ...(input.includeArchived ? {} : { archivedAt: null }),
      ...afterOrderCursor(input.cursor),
    },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    select: projectSelect,
  });
  const page = toPage(rows, input.limit, encodeOrderCursor);
  const counts = await countProjectTasks({ db, actorId, projectIds: page.items.map((project) => project.id) });
  return {
    items: page.items.map((project) => ({
      ...toProjectDto(project),
      ...(counts.get(project.id) ?? { openTasks: 0, doneTasks: 0 }),
    })),
    nextCursor: page.nextCursor,
  };
}

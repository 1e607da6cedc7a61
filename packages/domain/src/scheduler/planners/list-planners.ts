import type { Db } from "../../shared/db.ts";
import { idCursor, type Page, type PageInput, toPage } from "../../shared/pagination.ts";
import { plannerSelect } from "./planner.select.ts";
import { toPlannerDto } from "./planner-dto.ts";
import type { PlannerDto } from "./schemas.ts";

/** The actor's planners, oldest first (ids are UUIDv7, so id order is creation order). */
export async function listPlanners({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: PageInput;
}): Promise<Page<PlannerDto>> {
  const cursor = idCursor(input.cursor);
  const rows = await db.planner.findMany({
    where: { userId: actorId, ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: "asc" },
    take: input.limit + 1,
    select: plannerSelect,
  });
  const page = toPage(rows, input.limit, (row) => row.id);
  return { items: page.items.map(toPlannerDto), nextCursor: page.nextCursor };
}

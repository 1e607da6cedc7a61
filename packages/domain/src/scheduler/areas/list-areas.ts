import type { Db } from "../../shared/db.ts";
import { type Page, type PageInput, toPage } from "../../shared/pagination.ts";
import { afterOrderCursor, encodeOrderCursor } from "../ordering/order-cursor.ts";
import { areaSelect, toAreaDto } from "./area.select.ts";
import { countAreaTasks } from "./count-area-tasks.ts";
import type { AreaWithCountsDto } from "./schemas.ts";

/** The actor's areas in their order, with task counts; two statements whatever the page size. */
export async function listAreas({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: PageInput;
}): Promise<Page<AreaWithCountsDto>> {
  const rows = await db.area.findMany({
    where: { userId: actorId, ...afterOrderCursor(input.cursor) },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    select: areaSelect,
  });
  const page = toPage(rows, input.limit, encodeOrderCursor);
  const counts = await countAreaTasks({ db, actorId, areaIds: page.items.map((area) => area.id) });
  return {
    items: page.items.map((area) => ({
      ...toAreaDto(area),
      ...(counts.get(area.id) ?? { openTasks: 0, doneTasks: 0 }),
    })),
    nextCursor: page.nextCursor,
  };
}

import type { Db } from "../../shared/db.ts";
import { areaSelect, toAreaDto } from "./area.select.ts";
import { areaNotFound } from "./area-errors.ts";
import { countAreaTasks } from "./count-area-tasks.ts";
import type { AreaIdInput, AreaWithCountsDto } from "./schemas.ts";

export async function getArea({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: AreaIdInput;
}): Promise<AreaWithCountsDto> {
  const area = await db.area.findFirst({ where: { id: input.id, userId: actorId }, select: areaSelect });
  if (!area) throw areaNotFound();
  const counts = await countAreaTasks({ db, actorId, areaIds: [area.id] });
  return { ...toAreaDto(area), ...(counts.get(area.id) ?? { openTasks: 0, doneTasks: 0 }) };
}

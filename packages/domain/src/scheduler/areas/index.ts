export { areaNotFound } from "./area-errors.ts";
export { createArea } from "./create-area.ts";
export { deleteArea } from "./delete-area.ts";
export { getArea } from "./get-area.ts";
export { listAreas } from "./list-areas.ts";
export {
  type AreaDto,
  type AreaWithCountsDto,
  type CreateAreaInput,
  type TaskCounts,
  type UpdateAreaInput,
  ZArea,
  ZAreaIdInput,
  ZAreaPage,
  ZAreaWithCounts,
  ZCreateAreaInput,
  ZListAreasInput,
  ZTaskCounts,
  ZUpdateAreaInput,
} from "./schemas.ts";
export { updateArea } from "./update-area.ts";

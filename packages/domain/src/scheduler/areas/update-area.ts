import type { Db } from "../../shared/db.ts";
import { domainErrorFromPrisma } from "../../shared/errors.ts";
import { areaSelect, toAreaDto } from "./area.select.ts";
import { areaNotFound } from "./area-errors.ts";
import type { AreaDto, UpdateAreaInput } from "./schemas.ts";

/** Renames or recolors one of the actor's areas. */
export async function updateArea({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: UpdateAreaInput;
}): Promise<AreaDto> {
  return db.area
    .update({
      where: { id: input.id, userId: actorId },
      data: { name: input.name, color: input.color },
      select: areaSelect,
    })
    .then(toAreaDto)
    .catch((error: unknown) => {
      throw domainErrorFromPrisma(error)?.kind === "NOT_FOUND" ? areaNotFound() : error;
    });
}

import type { Db } from "../shared/db.ts";
import type { UpdateProfileInput, UserDto } from "./schemas.ts";
import { toUserDto, userSelect } from "./user.select.ts";

export async function updateProfile({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: UpdateProfileInput;
}): Promise<UserDto> {
  return toUserDto(
    await db.user.update({
      where: { id: actorId },
      data: { name: input.name, timeZone: input.timeZone },
      select: userSelect,
    }),
  );
}

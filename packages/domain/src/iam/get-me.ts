import type { Db } from "../shared/db.ts";
import { DomainError } from "../shared/errors.ts";
import type { UserDto } from "./schemas.ts";
import { toUserDto, userSelect } from "./user.select.ts";

export async function getMe({ db, actorId }: { db: Db; actorId: string }): Promise<UserDto> {
  const user = await db.user.findUnique({ where: { id: actorId }, select: userSelect });
  if (!user) {
    throw new DomainError({ kind: "NOT_FOUND", code: "iam.user_not_found", message: "This account no longer exists." });
  }
  return toUserDto(user);
}

import type { Db } from "../shared/db.ts";
import type { DeleteAccountInput } from "./schemas.ts";
import { assertPassword } from "./verify-password.ts";

/** Deletes the user; sessions, tokens and everything they own go with them (cascades). */
export async function deleteAccount({ db, actorId, input }: { db: Db; actorId: string; input: DeleteAccountInput }) {
  await assertPassword({ db, userId: actorId, password: input.password });
  await db.user.delete({ where: { id: actorId } });
  return { deleted: true as const };
}

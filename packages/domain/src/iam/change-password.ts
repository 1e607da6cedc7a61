import { hashPassword } from "better-auth/crypto";
import { type Db, withTransaction } from "../shared/db.ts";
import type { AuthSession } from "./auth-session.ts";
import type { ChangePasswordInput } from "./schemas.ts";
import { assertPassword } from "./verify-password.ts";

/** Sets a new password and signs out every other browser session (the caller's stays). */
export async function changePassword({
  db,
  session,
  input,
}: {
  db: Db;
  session: AuthSession;
  input: ChangePasswordInput;
}): Promise<{ revokedSessions: number }> {
  await assertPassword({ db, userId: session.userId, password: input.current });
  const hash = await hashPassword(input.next);
  return withTransaction(db, async (tx) => {
    await tx.account.updateMany({
      where: { userId: session.userId, providerId: "credential" },
      data: { password: hash },
    });
    const keep = session.via === "cookie" ? session.credentialId : undefined;
    const { count } = await tx.session.deleteMany({
      where: { userId: session.userId, ...(keep ? { id: { not: keep } } : {}) },
    });
    return { revokedSessions: count };
  });
}

import { hashPassword } from "better-auth/crypto";
import { type Db, withTransaction } from "../shared/db.ts";
import { DomainError } from "../shared/errors.ts";
import type { AuthSession } from "./auth-session.ts";
import { requireRecentSignIn } from "./require-recent-sign-in.ts";
import type { SetPasswordInput } from "./schemas.ts";

/**
 * Gives an account made with Google its first password, so the person can also sign in with
 * their email (the auth library's credential account, as sign-up makes it). No current
 * password exists to check, so a recent sign-in stands in for it. An account that has a
 * password changes it with changePassword instead.
 */
export async function setPassword({
  db,
  session,
  input,
}: {
  db: Db;
  session: AuthSession;
  input: SetPasswordInput;
}): Promise<{ set: true }> {
  await requireRecentSignIn({ db, session });
  const hash = await hashPassword(input.password);
  return withTransaction(db, async (tx) => {
    // Serialises two concurrent first passwords of one person: the second sees the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`iam.set_password:${session.userId}`}))`;
    const existing = await tx.account.findFirst({
      where: { userId: session.userId, providerId: "credential" },
      select: { id: true },
    });
    if (existing) {
      throw new DomainError({
        kind: "CONFLICT",
        code: "iam.password_already_set",
        message: "This account already has a password. Change it with your current password instead.",
      });
    }
    // The auth library names a credential account by the user's id.
    await tx.account.create({
      data: { userId: session.userId, providerId: "credential", accountId: session.userId, password: hash },
    });
    return { set: true as const };
  });
}

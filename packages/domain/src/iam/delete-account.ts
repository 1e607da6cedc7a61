import type { Db } from "../shared/db.ts";
import { DomainError } from "../shared/errors.ts";
import type { AuthSession } from "./auth-session.ts";
import { requireRecentSignIn } from "./require-recent-sign-in.ts";
import type { DeleteAccountInput } from "./schemas.ts";
import { assertPassword } from "./verify-password.ts";

/**
 * Deletes the user; sessions, tokens and everything they own go with them (cascades).
 * Confirmed with the password; an account without one (made with Google) confirms by typing
 * its email, from a browser session that signed in a moment ago.
 */
export async function deleteAccount({
  db,
  session,
  input,
}: {
  db: Db;
  session: AuthSession;
  input: DeleteAccountInput;
}): Promise<{ deleted: true }> {
  const actorId = session.userId;
  if (input.password !== undefined || input.confirmEmail === undefined) {
    await assertPassword({ db, userId: actorId, password: input.password ?? "" });
  } else {
    await assertConfirmedByEmail({ db, session, confirmEmail: input.confirmEmail });
  }
  await db.user.delete({ where: { id: actorId } });
  return { deleted: true as const };
}

async function assertConfirmedByEmail({
  db,
  session,
  confirmEmail,
}: {
  db: Db;
  session: AuthSession;
  confirmEmail: string;
}): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: session.userId },
    select: { email: true, accounts: { where: { providerId: "credential" }, select: { id: true }, take: 1 } },
  });
  // Whoever has a password confirms with it: the email alone must not be a weaker way in.
  if (user.accounts.length > 0) {
    throw new DomainError({
      kind: "INVALID",
      code: "iam.wrong_password",
      message: "Enter your password to delete your account.",
      details: { field: "password" },
    });
  }
  if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new DomainError({
      kind: "INVALID",
      code: "iam.confirmation_mismatch",
      message: `Type your account's email, ${user.email}, to confirm.`,
      details: { field: "confirmEmail" },
    });
  }
  await requireRecentSignIn({ db, session });
}

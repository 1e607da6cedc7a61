import type { Db } from "../shared/db.ts";
import { DomainError } from "../shared/errors.ts";
import type { AuthSession } from "./auth-session.ts";

/** How long after signing in a browser session may do what a password would otherwise guard. */
export const RECENT_SIGN_IN_MINUTES = 15;

/**
 * For changes an account without a password cannot confirm with one (setting the first
 * password, deleting the account): the caller must be a browser session that signed in a
 * moment ago, so a stolen old cookie or an API token is not enough. Sessions are stamped
 * by the auth library with wall time, so wall time is what they are compared with.
 */
export async function requireRecentSignIn({ db, session }: { db: Db; session: AuthSession }): Promise<void> {
  const signedIn =
    session.via === "cookie"
      ? await db.session.findFirst({
          where: { id: session.credentialId, userId: session.userId },
          select: { createdAt: true },
        })
      : null;
  const oldest = Date.now() - RECENT_SIGN_IN_MINUTES * 60_000;
  if (!signedIn || signedIn.createdAt.getTime() < oldest) {
    throw new DomainError({
      kind: "FORBIDDEN",
      code: "iam.recent_sign_in_required",
      message: `For your safety, sign out and sign in again (less than ${RECENT_SIGN_IN_MINUTES} minutes ago), then try again.`,
    });
  }
}

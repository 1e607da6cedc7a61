import type { Clock } from "../shared/clock.ts";
import type { Db } from "../shared/db.ts";
import type { AuthSession } from "./auth-session.ts";
import type { Auth } from "./create-auth.ts";
import { authenticateApiToken } from "./tokens/authenticate-api-token.ts";

export type ResolvedSession = {
  session: AuthSession | null;
  /** Cookies to send back: the library renews a session's expiry as it is used (sliding). */
  setCookies: string[];
};

/**
 * Who is calling: a bearer token decides on its own (an invalid one is anonymous, never
 * a fallback to the cookie); otherwise the session cookie, checked by the auth library.
 */
export async function resolveSession({
  auth,
  db,
  headers,
  clock,
}: {
  auth: Auth;
  db: Db;
  headers: Headers;
  clock: Clock;
}): Promise<ResolvedSession> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const [scheme, secret] = authorization.split(" ");
    const session =
      scheme?.toLowerCase() === "bearer" && secret ? await authenticateApiToken({ db, secret, clock }) : null;
    return { session, setCookies: [] };
  }
  if (!headers.get("cookie")) return { session: null, setCookies: [] };

  const { response, headers: responseHeaders } = await auth.api.getSession({ headers, returnHeaders: true });
  return {
    session: response ? { userId: response.user.id, via: "cookie", credentialId: response.session.id } : null,
    setCookies: responseHeaders.getSetCookie(),
  };
}

import { randomUUID } from "node:crypto";
import type { AuthSession } from "@agendacraft/domain/iam";
import { createContextInner, type ServerDeps } from "../context.ts";
import { createCaller } from "../root.ts";

export type TestUser = {
  userId: string;
  email: string;
  password: string;
  /** `Cookie` header value of a real signed-in browser session. */
  cookie: string;
  session: AuthSession;
  /** The whole API as this user, in-process. */
  caller: ReturnType<typeof createCaller>;
};

/** Signs a new user up through the auth library, exactly as the sign-up page does. */
export async function createTestUser(deps: ServerDeps, name = "Test User"): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.com`;
  const password = "correct horse battery";
  const { headers, response } = await deps.auth.api.signUpEmail({
    body: { name, email, password },
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((entry) => entry.split(";")[0])
    .join("; ");
  const current = await deps.auth.api.getSession({ headers: new Headers({ cookie }) });
  if (!current) throw new Error("sign-up did not produce a session");
  const session: AuthSession = { userId: response.user.id, via: "cookie", credentialId: current.session.id };
  return { userId: session.userId, email, password, cookie, session, caller: callerFor(deps, session) };
}

export function callerFor(deps: ServerDeps, session: AuthSession | null) {
  return createCaller(createContextInner({ deps, session }));
}

/**
 * Two independent users for isolation tests: whatever `alice` creates, `bob` must
 * not be able to see or change.
 */
export async function createTwoUsers(deps: ServerDeps): Promise<{ alice: TestUser; bob: TestUser }> {
  const alice = await createTestUser(deps, "Alice");
  const bob = await createTestUser(deps, "Bob");
  return { alice, bob };
}

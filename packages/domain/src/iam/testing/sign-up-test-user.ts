import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@agendacraft/db/client";
import type { AuthSession } from "../auth-session.ts";
import { type Auth, createAuth } from "../create-auth.ts";

const ORIGIN = "http://localhost:3000";

/** The auth library over a test database, configured as the server configures it. */
export function createTestAuth(prisma: PrismaClient): Auth {
  return createAuth({
    prisma,
    secret: "test-secret-that-is-long-enough-for-hmac",
    baseURL: ORIGIN,
    trustedOrigins: [ORIGIN],
  });
}

export type SignedUpUser = {
  userId: string;
  email: string;
  password: string;
  /** The browser session sign-up opened, as the router would pass it. */
  session: AuthSession;
};

/**
 * Signs a person up through the auth library, as the sign-up page does, so the password
 * hash, the credential account and the first browser session are the real ones.
 */
export async function signUpTestUser(auth: Auth, prisma: PrismaClient, name = "Mia"): Promise<SignedUpUser> {
  const email = `user-${randomUUID()}@example.com`;
  const password = "correct horse battery";
  const { token, user } = await auth.api.signUpEmail({ body: { name, email, password } });
  if (!token) throw new Error("sign-up did not open a session");
  const { id } = await prisma.session.findUniqueOrThrow({ where: { token }, select: { id: true } });
  return { userId: user.id, email, password, session: { userId: user.id, via: "cookie", credentialId: id } };
}

/** Signs in from another browser: one more session for the same person. */
export async function signInAgain(auth: Auth, user: { email: string; password: string }): Promise<string> {
  const { token } = await auth.api.signInEmail({ body: { email: user.email, password: user.password } });
  return token;
}

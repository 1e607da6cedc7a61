import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { AuthSession } from "../auth-session.ts";
import { API_TOKEN_PREFIX, hashApiTokenSecret } from "./api-token-secret.ts";

/** Writing lastUsedAt on every request would turn each read into a write; a minute is precise enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The session for a presented token secret, or null when it is unknown, revoked or expired. */
export async function authenticateApiToken({
  db,
  secret,
  clock,
}: {
  db: Db;
  secret: string;
  clock: Clock;
}): Promise<AuthSession | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiTokenSecret(secret) },
    select: { id: true, userId: true, expiresAt: true, lastUsedAt: true },
  });
  const now = clock.now();
  if (!token || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { userId: token.userId, via: "token", credentialId: token.id };
}
